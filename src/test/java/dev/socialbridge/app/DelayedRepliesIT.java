package dev.socialbridge.app;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.host.rt.RtClient;
import dev.socialbridge.host.rt.RtTestSupport;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.TicketRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A rule's delayed acknowledgement ({@code after:}) goes out when it is due, across a restart, and never once an
 * agent answered the thread first. Live RT, WireMock for the Graph API.
 */
class DelayedRepliesIT {
    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("test-fixtures/wiremock/meta")).build();

    static final Duration WAIT = Duration.ofSeconds(40);
    static final String DELAYED = "Toujours en attente ? Un conseiller arrive.";
    static Descriptor descriptor;
    static ServerHarness harness;
    static HostAdapter rt;
    static RtClient agent;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("sb-delayed");
        Path rules = Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - id: ack-later
                    when:
                      kind: [dm]
                    then:
                      - dm: still-waiting
                        after: 8s
                """);
        Path templates = Files.writeString(dir.resolve("templates.yaml"), """
                templates:
                  still-waiting:
                    fr: "%s"
                    en: "%s"
                """.formatted(DELAYED, DELAYED));
        descriptor = RtTestSupport.installedDescriptor();
        harness = ServerHarness.start(descriptor, RtTestSupport.rtUrl(), RtTestSupport.rtToken(),
                "http://127.0.0.1:" + graph.getPort(), Map.of(
                        "socialbridge.pipeline.agent-reply-poll-interval", "PT0.5S",
                        "socialbridge.automation.rules-file", rules.toString(),
                        "socialbridge.automation.templates-file", templates.toString(),
                        "socialbridge.automation.disclosure", "false"));
        rt = RtTestSupport.adapter(descriptor);
        agent = RtTestSupport.agent("social-agent-delayed-it");
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private static List<LoggedRequest> dmsTo(String customer) {
        return graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + ServerHarness.PAGE + "/messages"))
                .withRequestBody(containing("\"id\":\"" + customer + "\"")));
    }

    private static long delayedTo(String customer) {
        return dmsTo(customer).stream().filter(r -> r.getBodyAsString().contains("Toujours en attente")).count();
    }

    private static TicketRef dmThread(String run) throws Exception {
        assertEquals(200, harness.postWebhook(ServerHarness.fixture("ig-dm.json", run)).statusCode());
        String thread = "instagram:dm:" + ServerHarness.IG_ACCOUNT + ":6541" + run + "00003";
        ServerHarness.await("ticket for " + thread, WAIT, () -> rt.findTicketByThread(thread).isPresent());
        return rt.findTicketByThread(thread).orElseThrow();
    }

    private static List<JsonNode> outbox(String status) throws Exception {
        JsonNode items = ServerHarness.HTTP_JSON(harness.get("admin/outbox?status=" + status + "&limit=1000", true).body());
        return StreamSupport.stream(items.spliterator(), false).toList();
    }

    @Test
    void theDelayedAcknowledgementGoesOutOnceWhenDueEvenAcrossARestart() throws Exception {
        String run = ServerHarness.newRun();
        String customer = "6541" + run + "00003";
        dmThread(run);
        assertEquals(0, delayedTo(customer), "not before it is due");
        harness = harness.restart();

        ServerHarness.await("the delayed acknowledgement", WAIT, () -> delayedTo(customer) == 1);
        Thread.sleep(1500);
        assertEquals(1, delayedTo(customer), "sent once");
    }

    @Test
    void anAgentsReplyCancelsThePendingAcknowledgement() throws Exception {
        String run = ServerHarness.newRun();
        String customer = "6541" + run + "00003";
        TicketRef t = dmThread(run);
        agent.post("/ticket/" + t.id() + "/correspond", Map.of("Content", "Je suis là " + run, "ContentType", "text/plain"));
        ServerHarness.await("the agent's reply", WAIT, () -> dmsTo(customer).stream()
                .anyMatch(r -> r.getBodyAsString().contains("Je suis l")));

        ServerHarness.await("the acknowledgement cancelled when due", WAIT, () -> {
            try {
                return outbox("CANCELLED").stream().anyMatch(i -> i.path("lane").asText().contains(customer)
                        && i.path("lastError").asText().contains("an agent answered the thread first"));
            } catch (Exception e) {
                return false;
            }
        });
        assertEquals(0, delayedTo(customer), "never sent after an agent answered");
        assertTrue(dmsTo(customer).size() == 1, "only the agent's reply reached the customer");
    }
}
