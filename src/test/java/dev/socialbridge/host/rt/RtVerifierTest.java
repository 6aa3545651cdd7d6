package dev.socialbridge.host.rt;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.QueueDef;
import dev.socialbridge.host.spi.HostProblem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RtVerifierTest {
    private static final Descriptor QUEUE_ONLY = new Descriptor("x", "0.1.0", List.of(), List.of(),
            List.of(new QueueDef("support", "Social Support", null, 50, new QueueDef.Sla(30, 240))), List.of());

    @RegisterExtension
    static WireMockExtension rt = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .failOnUnmatchedRequests(true)
            .build();

    private List<HostProblem> verify() {
        RtSettings settings = RtSettings.from(Map.of("base-url", rt.baseUrl(), "token", "1-14-abc"));
        RtClient client = new RtClient(settings);
        RtProvisioner provisioner = new RtProvisioner(client,
                new RtApplyHelper(false, "127.0.0.1", Map.of(), Optional.empty()), "14", Optional.empty());
        return new RtVerifier(client, settings, provisioner).verify(QUEUE_ONLY);
    }

    @BeforeEach
    void rtAnswers() {
        rt.stubFor(get("/REST/2.0/rt").willReturn(okJson("{\"Version\":\"5.0.3\"}")));
    }

    @Test
    void reportsAQueueWhereTheApiUserMayNotCreateTickets() {
        rt.stubFor(get(urlPathEqualTo("/REST/2.0/queues/all")).willReturn(okJson("{\"total\":1}")));
        rt.stubFor(get("/REST/2.0/queue/Social%20Support").willReturn(okJson(
                "{\"id\":3,\"Disabled\":\"0\",\"_hyperlinks\":[{\"ref\":\"self\"},{\"ref\":\"history\"}]}")));

        List<HostProblem> problems = verify();

        assertEquals(1, problems.size(), problems::toString);
        assertEquals("queue 'Social Support'", problems.get(0).subject());
        assertEquals("the API user may not create tickets in this queue", problems.get(0).message());
    }

    @Test
    void reportsAnApiUserThatCannotListQueuesAndGoesOnChecking() {
        rt.stubFor(get(urlPathEqualTo("/REST/2.0/queues/all"))
                .willReturn(aResponse().withStatus(403).withBody("{\"message\":\"Forbidden\"}")));
        rt.stubFor(get("/REST/2.0/queue/Social%20Support").willReturn(aResponse().withStatus(404)));

        List<HostProblem> problems = verify();

        assertEquals(List.of("rights", "queue 'Social Support'"), problems.stream().map(HostProblem::subject).toList());
        assertEquals("the API user cannot list queues (HTTP 403)", problems.get(0).message());
    }
}
