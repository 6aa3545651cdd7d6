package dev.socialbridge.app;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.host.rt.RtTestSupport;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.TicketRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The qualifier flow end to end, live RT and WireMock for the Graph API: a buying comment gets a public thanks and a
 * private reply with the first question; the customer's DM answers (need, quantity, e-mail) land on the comment's
 * ticket with their fields, the lead score and its breakdown, and the ticket moves to Social Hot Leads once the score
 * crosses the threshold; another customer asking for a person at question 2 is handed over.
 */
class QualifierFlowIT {
    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("test-fixtures/wiremock/meta")).build();

    static final Duration WAIT = Duration.ofSeconds(40);
    static Descriptor descriptor;
    static ServerHarness harness;
    static HostAdapter rt;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("sb-qualifier");
        Path rules = Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - id: buying-comment
                    when:
                      kind: [comment]
                      keywords: [acheter]
                    then:
                      - reply: thanks
                      - qualify: it-qualifier
                      - escalate: general
                      - markLead: 20
                  - id: dm-general
                    when:
                      kind: [dm]
                    then:
                      - reply: faq
                      - escalate: general
                """);
        Path templates = Files.writeString(dir.resolve("templates.yaml"), """
                templates:
                  thanks:
                    fr: "Merci ! On vous écrit en privé."
                  faq:
                    fr: "Réponse FAQ générique."
                flows:
                  it-qualifier:
                    steps:
                      - {id: need, type: text, fr: "Que recherchez-vous exactement ?"}
                      - {id: quantity, type: quantity, fr: "En quelle quantité ?", quickReplies: ["10", "100", "Plus"]}
                      - {id: contact, type: email, fr: "À quelle adresse e-mail vous envoyer l'offre ?"}
                    thanks: {fr: "Merci, un conseiller revient vers vous."}
                    handoff: {fr: "Je vous passe un conseiller."}
                """);
        descriptor = RtTestSupport.installedDescriptor();
        harness = ServerHarness.start(descriptor, RtTestSupport.rtUrl(), RtTestSupport.rtToken(),
                "http://127.0.0.1:" + graph.getPort(), Map.of(
                        "socialbridge.automation.rules-file", rules.toString(),
                        "socialbridge.automation.templates-file", templates.toString(),
                        "socialbridge.automation.disclosure", "false",
                        "socialbridge.leads.hot-threshold", "55"));
        rt = RtTestSupport.adapter(descriptor);
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    /** The comment fixture with {@code text}, dated now (else its SLA is long overdue and escalations move it). */
    private static String comment(String run, String text) throws Exception {
        return ServerHarness.fixture("ig-comment.json", run).replace("Combien co\\u00fbte le pack pro ? \\ud83d\\ude0d", text)
                .replaceAll("\"time\": *[0-9]{10}", "\"time\": " + System.currentTimeMillis() / 1000);
    }

    /** A DM of the comment's author (same Instagram-scoped id), with its own message id. */
    private static String dm(String run, String n, String text) throws Exception {
        return ServerHarness.fixture("ig-dm.json", run)
                .replace("6541" + run + "00003", "6541" + run + "00001")
                .replaceAll("\"text\": *\"[^\"]*\"", "\"text\": \"" + text + "\"")
                .replaceAll("\"mid\": *\"([^\"]*)\"", "\"mid\": \"$1-" + n + "\"");
    }

    private static long dmsTo(String customer, String text) {
        return graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + ServerHarness.PAGE + "/messages"))
                .withRequestBody(containing("\"id\":\"" + customer + "\""))).stream()
                .filter(r -> r.getBodyAsString().contains(text)).count();
    }

    private static long privateRepliesTo(String commentId, String text) {
        return graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + ServerHarness.PAGE + "/messages"))
                .withRequestBody(containing("\"comment_id\":\"" + commentId + "\""))).stream()
                .filter(r -> r.getBodyAsString().contains(text)).count();
    }

    private static TicketRef ticketFor(String thread) throws InterruptedException {
        ServerHarness.await("ticket for " + thread, WAIT, () -> rt.findTicketByThread(thread).isPresent());
        return rt.findTicketByThread(thread).orElseThrow();
    }

    private static String queueName(TicketRef t) {
        JsonNode ticket = RtTestSupport.get("/ticket/" + t.id());
        return RtTestSupport.get("/queue/" + ticket.path("Queue").path("id").asText()).path("Name").asText();
    }

    /** The ticket's transactions of {@code type} (Comment, Correspond, Create), each one's content joined. */
    private static String history(TicketRef t, String type) {
        StringBuilder all = new StringBuilder();
        for (JsonNode txn : RtTestSupport.get("/ticket/" + t.id() + "/history?fields=Type&per_page=100").path("items")) {
            if (type.equals(txn.path("Type").asText())) {
                all.append(RtTestSupport.get("/transaction/" + txn.path("id").asText() + "/attachments?fields=Content"))
                        .append('\n');
            }
        }
        return all.toString();
    }

    /** A buying comment, its public thanks and the private reply with question 1; returns the lead's ticket. */
    private static TicketRef buyingComment(String run) throws Exception {
        String commentId = "1789" + run + "000011";
        assertEquals(200, harness.postWebhook(comment(run, "Je voudrais acheter des bougies pour un mariage")).statusCode());
        TicketRef t = ticketFor("instagram:comment:" + ServerHarness.IG_ACCOUNT + ":" + commentId);
        ServerHarness.await("the public thanks", WAIT, () -> graph.findAll(postRequestedFor(
                urlPathMatching("/v[0-9.]+/" + commentId + "/replies"))).size() == 1);
        ServerHarness.await("question 1 by private reply", WAIT,
                () -> privateRepliesTo(commentId, "Que recherchez-vous exactement ?") == 1);
        ServerHarness.await("the flow under way on the ticket", WAIT,
                () -> "in_progress".equals(rt.readFields(t).get("qualifier_status")));
        return t;
    }

    @Test
    void aBuyingCommentsQualifierAnswersScoreTheLeadAndSendItToHotLeads() throws Exception {
        String run = ServerHarness.newRun();
        String customer = "6541" + run + "00001";
        TicketRef t = buyingComment(run);
        assertEquals(descriptor.queue("general").orElseThrow().label(), queueName(t));
        assertTrue(Integer.parseInt(rt.readFields(t).get("lead_score")) < 55, rt.readFields(t).toString());

        assertEquals(200, harness.postWebhook(dm(run, "1", "Des bougies parfumées pour 80 invités")).statusCode());
        ServerHarness.await("question 2 in the conversation", WAIT, () -> dmsTo(customer, "En quelle quantit") == 1);
        assertTrue(graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + ServerHarness.PAGE + "/messages"))
                .withRequestBody(containing("quick_replies"))).size() >= 1, "question 2 offers its quick replies");
        assertEquals(200, harness.postWebhook(dm(run, "2", "200")).statusCode());
        ServerHarness.await("question 3", WAIT, () -> dmsTo(customer, "adresse e-mail") == 1);
        assertEquals(200, harness.postWebhook(dm(run, "3", "claire.martin@example.com")).statusCode());
        ServerHarness.await("thanks", WAIT, () -> dmsTo(customer, "un conseiller revient vers vous") == 1);

        // RT applies one update's custom fields one by one: wait until the last of them is there too
        ServerHarness.await("the answers on the ticket", WAIT, () -> {
            Map<String, String> now = rt.readFields(t);
            return "answered".equals(now.get("qualifier_status")) && now.get("lead_email") != null
                    && now.get("lead_score_breakdown") != null && now.get("lead_score_breakdown").contains("email");
        });
        Map<String, String> f = rt.readFields(t);
        assertEquals("Des bougies parfumées pour 80 invités", f.get("lead_need"));
        assertEquals("200", f.get("lead_quantity"));
        assertEquals("claire.martin@example.com", f.get("lead_email"));
        int score = Integer.parseInt(f.get("lead_score"));
        assertTrue(score >= 55, f.toString());
        String breakdown = f.get("lead_score_breakdown");
        assertTrue(breakdown.contains("rules → +20; answers 3 → +30; email → +10 = " + score), breakdown);
        ServerHarness.await("Social Hot Leads", WAIT,
                () -> descriptor.queue("hot_leads").orElseThrow().label().equals(queueName(t)));
        ServerHarness.await("the hot-lead note", WAIT, () -> history(t, "Comment").contains("reached the hot threshold (55)"));
        // the answers are the customer's messages on the lead's ticket, and no rule answered them
        String messages = history(t, "Correspond");
        assertTrue(messages.contains("Des bougies parfum") && messages.contains("claire.martin@example.com"), messages);
        assertEquals(0, dmsTo(customer, "Réponse FAQ générique"));
    }

    @Test
    void askingForAPersonAtQuestion2HandsTheLeadOver() throws Exception {
        String run = ServerHarness.newRun();
        String customer = "6541" + run + "00001";
        TicketRef t = buyingComment(run);

        assertEquals(200, harness.postWebhook(dm(run, "1", "Un coffret cadeau")).statusCode());
        ServerHarness.await("question 2", WAIT, () -> dmsTo(customer, "En quelle quantit") == 1);
        assertEquals(200, harness.postWebhook(dm(run, "2", "je préfère parler à un humain")).statusCode());
        ServerHarness.await("the hand-over message", WAIT, () -> dmsTo(customer, "Je vous passe un conseiller") == 1);

        ServerHarness.await("handed over on the ticket", WAIT,
                () -> "handed_over".equals(rt.readFields(t).get("qualifier_status")));
        Map<String, String> f = rt.readFields(t);
        assertEquals("handed_off", f.get("automation_status"));
        assertEquals("Un coffret cadeau", f.get("lead_need"));
        ServerHarness.await("the hand-over note", WAIT,
                () -> history(t, "Comment").contains("the customer asked for a person at question 2 of 3 (quantity)"));
        assertEquals(0, dmsTo(customer, "adresse e-mail"), "no further question");
    }
}
