package dev.socialbridge.app;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.host.rt.RtClient;
import dev.socialbridge.host.rt.RtTestSupport;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.TicketRef;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When an agent resolves a conversation's ticket, the customer gets the satisfaction survey by DM; the answers land
 * on the ticket (Social CSAT, Social NPS) without reopening it, and anything else the customer writes is a new
 * message that reopens it. Live RT, WireMock for the Graph API.
 */
class SatisfactionSurveyIT {
    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("test-fixtures/wiremock/meta")).build();

    static final Duration WAIT = Duration.ofSeconds(40);
    static Descriptor descriptor;
    static ServerHarness harness;
    static HostAdapter rt;
    static RtClient agent;

    @BeforeAll
    static void start() throws Exception {
        descriptor = RtTestSupport.installedDescriptor();
        harness = ServerHarness.start(descriptor, RtTestSupport.rtUrl(), RtTestSupport.rtToken(),
                "http://127.0.0.1:" + graph.getPort(), Map.of(
                        "socialbridge.pipeline.agent-reply-poll-interval", "PT0.5S",
                        "socialbridge.automation.survey-queues", "hot_leads,support,vip_partners,moderation_review,general",
                        "socialbridge.automation.survey-nps", "true"));
        rt = RtTestSupport.adapter(descriptor);
        agent = RtTestSupport.agent("social-agent-survey-it");
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private static long dmsWith(String customer, String text) {
        return graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + ServerHarness.PAGE + "/messages"))
                .withRequestBody(containing("\"id\":\"" + customer + "\""))).stream()
                .filter(r -> r.getBodyAsString().contains(text)).count();
    }

    private static String status(TicketRef t) {
        return RtTestSupport.get("/ticket/" + t.id()).path("Status").asText();
    }

    /** The customer writes {@code text} in the thread of this run (a new message id each time). */
    private static void customerWrites(String run, String text, String suffix) throws Exception {
        String body = ServerHarness.fixture("ig-dm.json", run)
                .replaceAll("\"mid\": *\"([^\"]*)\"", "\"mid\": \"$1-" + suffix + "\"")
                .replaceAll("\"text\": *\"[^\"]*\"", "\"text\": \"" + text + "\"");
        assertEquals(200, harness.postWebhook(body).statusCode());
    }

    /** A DM thread answered by an agent and resolved. */
    private static TicketRef resolvedThread(String run) throws Exception {
        assertEquals(200, harness.postWebhook(ServerHarness.fixture("ig-dm.json", run)).statusCode());
        String thread = "instagram:dm:" + ServerHarness.IG_ACCOUNT + ":6541" + run + "00003";
        ServerHarness.await("ticket", WAIT, () -> rt.findTicketByThread(thread).isPresent());
        TicketRef t = rt.findTicketByThread(thread).orElseThrow();
        agent.post("/ticket/" + t.id() + "/correspond", Map.of("Content", "Your parcel left today " + run,
                "ContentType", "text/plain"));
        ServerHarness.await("the agent's reply", WAIT, () -> dmsWith("6541" + run + "00003", "parcel left today") == 1);
        agent.put("/ticket/" + t.id(), Map.of("Status", "resolved"));
        return t;
    }

    @Test
    void aResolvedConversationIsSurveyedAndTheAnswersLandOnTheTicketWithoutReopeningIt() throws Exception {
        String run = ServerHarness.newRun();
        String customer = "6541" + run + "00003";
        TicketRef t = resolvedThread(run);

        ServerHarness.await("the CSAT question", WAIT, () -> dmsWith(customer, "On a scale of 1 to 5") == 1);
        customerWrites(run, "4", "csat");
        ServerHarness.await("Social CSAT on the ticket", WAIT, () -> "4".equals(rt.readFields(t).get("csat")));
        ServerHarness.await("the NPS question", WAIT, () -> dmsWith(customer, "from 0 to 10") == 1);
        customerWrites(run, "9/10", "nps");
        ServerHarness.await("Social NPS on the ticket", WAIT, () -> "9".equals(rt.readFields(t).get("nps")));
        ServerHarness.await("thanks", WAIT, () -> dmsWith(customer, "Thanks for your feedback") == 1);
        Thread.sleep(1500);
        assertEquals("resolved", status(t), "the survey and its answers do not reopen the ticket");
        assertEquals(1, dmsWith(customer, "On a scale of 1 to 5"), "asked once");

        customerWrites(run, "One more question about the invoice please", "later");
        ServerHarness.await("a new message reopens the ticket", WAIT, () -> !"resolved".equals(status(t)));
    }

    @Test
    void aMessageThatIsNotAnAnswerEndsTheSurveyAndReopensTheTicket() throws Exception {
        String run = ServerHarness.newRun();
        String customer = "6541" + run + "00003";
        TicketRef t = resolvedThread(run);

        ServerHarness.await("the CSAT question", WAIT, () -> dmsWith(customer, "On a scale of 1 to 5") == 1);
        customerWrites(run, "Actually the parcel is damaged", "damaged");
        ServerHarness.await("the message reopens the ticket", WAIT, () -> !"resolved".equals(status(t)));
        customerWrites(run, "5", "five");
        ServerHarness.await("the 5 on the ticket as a message", WAIT, () -> RtTestSupport
                .get("/ticket/" + t.id() + "/history?fields=Type&per_page=100").path("total").asInt() > 0
                && rt.readFields(t).containsKey("language"));
        Thread.sleep(2000);
        assertNull(rt.readFields(t).get("csat"), "after another message, a number is not read as a survey answer");
        assertTrue(dmsWith(customer, "from 0 to 10") == 0);
    }
}
