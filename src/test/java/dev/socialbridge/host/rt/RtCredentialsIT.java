package dev.socialbridge.host.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.HostException;
import dev.socialbridge.host.spi.HostHealth;
import dev.socialbridge.host.spi.HostProblem;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** verify() and health() against the live RT with good, wrong and unreachable settings. */
class RtCredentialsIT {
    private final Descriptor descriptor = RtTestSupport.uniqueDescriptor();

    @Test
    void healthReportsTheRtVersionWhenUp() {
        HostHealth health = RtTestSupport.adapter(descriptor).health();

        assertTrue(health.up(), health.detail());
        assertTrue(health.detail().startsWith("RT 5."), health.detail());
    }

    @Test
    void verifyWithAWrongTokenNamesTheTokenSetting() {
        HostAdapter adapter = RtTestSupport.adapter(descriptor,
                Map.of(RtSettings.BASE_URL, RtTestSupport.rtUrl(), RtSettings.TOKEN, "1-14-00000000000000000000000000000000"));

        List<HostProblem> problems = adapter.verify(descriptor);

        assertEquals(1, problems.size(), problems::toString);
        assertEquals("socialbridge.host.rt.token", problems.get(0).subject());
        assertEquals("RT rejected the credentials (HTTP 401)", problems.get(0).message());
        assertTrue(problems.get(0).fixHint().contains("Auth Tokens"), problems.get(0)::fixHint);
        assertFalse(problems.toString().contains("00000000000000000000000000000000"), "token leaked");
        assertFalse(adapter.health().up());
    }

    @Test
    void ticketCallsWithAWrongPasswordFailWithoutRetry() {
        HostAdapter adapter = RtTestSupport.adapter(descriptor, Map.of(RtSettings.BASE_URL, RtTestSupport.rtUrl(),
                RtSettings.USER, "root", RtSettings.PASSWORD, "not-the-password"));

        HostException e = assertThrows(HostException.class, () -> adapter.findTicketByThread("any"));

        assertFalse(e.retryable());
        assertEquals("RT rejected the credentials (HTTP 401)", e.getMessage());
        assertEquals("socialbridge.host.rt.password", adapter.verify(descriptor).get(0).subject());
    }

    @Test
    void verifyOnAnUnreachableRtSaysSoAndHowToFixIt() throws IOException {
        String url = "http://127.0.0.1:" + freePort();
        HostAdapter adapter = RtTestSupport.adapter(descriptor,
                Map.of(RtSettings.BASE_URL, url, RtSettings.TOKEN, RtTestSupport.rtToken()));

        List<HostProblem> problems = adapter.verify(descriptor);

        assertEquals(1, problems.size(), problems::toString);
        assertEquals("socialbridge.host.rt.base-url", problems.get(0).subject());
        assertEquals("RT not reachable at " + url + ": connection refused \u2014 is rt-server running?",
                problems.get(0).message());
        assertFalse(adapter.health().up());
    }

    @Test
    void verifyBeforeInstallListsEveryMissingObject() {
        List<HostProblem> problems = RtTestSupport.adapter(descriptor).verify(descriptor).stream()
                .filter(p -> !p.warning()).toList();   // root's SuperUser is a warning

        int selectValues = descriptor.fields().stream().mapToInt(f -> f.values().size()).sum();
        // queues, fields, select values, the link step of the fields shown as links (created with them), the workplace
        // (field groupings, priority names, collapsed box, hidden empty fields) and the contacts' rights on the queues that do not exist yet
        int linkStep = descriptor.fields().stream().anyMatch(f -> f.link()) ? 1 : 0;
        assertEquals(1, linkStep, "the shipped descriptor has link fields");
        int workplaceSteps = 4;
        assertEquals(descriptor.queues().size() + descriptor.fields().size() + selectValues + linkStep + workplaceSteps
                + 1,
                problems.size(), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.subject().contains("Social Permalink")), problems::toString);
        assertTrue(problems.get(0).subject().startsWith("queue 'Social Hot Leads it-"), problems.get(0)::toString);
        HostProblem rights = problems.get(problems.size() - 1);
        assertTrue(rights.subject().contains("Social Contacts"), rights::toString);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
