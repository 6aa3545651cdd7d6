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
import dev.socialbridge.host.spi.TicketUpdate;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Agents answer from RT: their replies reach the customer on the platform exactly once, internal comments never do,
 * the outcome is written back on the ticket, and automation stays silent once a person owns the thread. Live RT,
 * WireMock for the Graph API.
 */
class AgentRepliesIT {
    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("test-fixtures/wiremock/meta")).build();

    static Descriptor descriptor;
    static ServerHarness harness;
    static HostAdapter rt;
    static RtClient agent;
    static final Duration WAIT = Duration.ofSeconds(40);

    @BeforeAll
    static void start() throws Exception {
        descriptor = RtTestSupport.installedDescriptor();
        harness = ServerHarness.start(descriptor, RtTestSupport.rtUrl(), RtTestSupport.rtToken(),
                "http://127.0.0.1:" + graph.getPort(), Map.of("socialbridge.pipeline.agent-reply-poll-interval", "PT0.5S"));
        rt = RtTestSupport.adapter(descriptor);
        agent = RtTestSupport.agent("social-agent-it");
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private static TicketRef ticketFor(String thread) throws InterruptedException {
        ServerHarness.await("ticket for " + thread, WAIT, () -> rt.findTicketByThread(thread).isPresent());
        return rt.findTicketByThread(thread).orElseThrow();
    }

    /** An Instagram DM thread of this run, with its ticket. */
    private static TicketRef dmThread(String run) throws Exception {
        assertEquals(200, harness.postWebhook(ServerHarness.fixture("ig-dm.json", run)).statusCode());
        return ticketFor("instagram:dm:" + ServerHarness.IG_ACCOUNT + ":6541" + run + "00003");
    }

    private static List<LoggedRequest> dmsContaining(String text) {
        return graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + ServerHarness.PAGE + "/messages"))
                .withRequestBody(containing(text)));
    }

    /** How many of the ticket's transactions have {@code value} in the transaction field {@code key}. */
    private static int transactionsWith(TicketRef t, String key, String value) {
        com.fasterxml.jackson.databind.node.ArrayNode query = dev.socialbridge.support.Json.MAPPER.createArrayNode();
        query.addObject().put("field", "CustomField.{" + descriptor.field(key).orElseThrow().label() + "}").put("value", value);
        query.addObject().put("field", "ObjectType").put("value", "RT::Ticket");
        query.addObject().put("field", "ObjectId").put("value", t.id());
        return agent.post("/transactions?per_page=100", query).path("total").asInt();
    }

    private static String history(TicketRef t) {
        return RtTestSupport.get("/ticket/" + t.id() + "/attachments?fields=Content&per_page=100").toString();
    }

    /**
     * Waits until the ticket's history holds every part: an outcome's field change and its note are two RT writes,
     * so the note may land just after the field a test waited for.
     */
    private static void awaitHistory(TicketRef t, String... parts) throws InterruptedException {
        ServerHarness.await("the ticket's history to contain " + List.of(parts), WAIT, () -> {
            String h = history(t);
            return java.util.Arrays.stream(parts).allMatch(h::contains);
        });
    }

    @Test
    void anAgentsReplyReachesTheCustomerOnceAndTheOutcomeIsWrittenOnTheTicket() throws Exception {
        String run = ServerHarness.newRun();
        TicketRef t = dmThread(run);
        String text = "Bonjour, je regarde votre commande tout de suite (" + run + ")";
        agent.post("/ticket/" + t.id() + "/correspond", Map.of("Content", text, "ContentType", "text/plain"));
        agent.post("/ticket/" + t.id() + "/comment", Map.of("Content", "internal: do not send " + run,
                "ContentType", "text/plain"));

        String mine = "tout de suite (" + run;
        ServerHarness.await("the agent's reply at the Graph API", WAIT, () -> dmsContaining(mine).size() == 1);
        String body = dmsContaining(mine).get(0).getBodyAsString();
        assertTrue(body.contains("\"id\":\"6541" + run + "00003\"") && body.contains("RESPONSE"), body);
        assertTrue(body.contains("je regarde votre commande"), body);
        ServerHarness.await("the outcome on the ticket", WAIT, () -> history(t).contains("Sent to the customer on instagram"));
        Thread.sleep(1500);
        assertEquals(1, dmsContaining(mine).size(), "sent once");
        assertEquals(0, dmsContaining("internal: do not send").size(), "internal comments are never sent");
    }

    @Test
    void afterAnAgentRepliedAutomationStaysSilentUntilTheTicketIsResolved() throws Exception {
        String run = ServerHarness.newRun();
        TicketRef t = dmThread(run);
        String customer = "6541" + run + "00003";
        ServerHarness.await("the automated acknowledgement", WAIT, () -> dmsContaining(customer).size() == 1);
        agent.post("/ticket/" + t.id() + "/correspond", Map.of("Content", "Je m'en occupe " + run, "ContentType", "text/plain"));
        ServerHarness.await("the agent's reply", WAIT, () -> dmsContaining("occupe " + run).size() == 1);

        String again = ServerHarness.fixture("ig-dm.json", run).replaceAll("\"mid\": *\"([^\"]*)\"", "\"mid\": \"$1-again\"")
                .replaceAll("\"text\": *\"[^\"]*\"", "\"text\": \"Merci, et pour le remboursement ?\"");
        assertEquals(200, harness.postWebhook(again).statusCode());
        ServerHarness.await("the second message on the ticket", WAIT, () -> history(t).contains("pour le remboursement"));
        ServerHarness.await("the ticket's language follows the latest message", WAIT,
                () -> "fr".equals(rt.readFields(t).get("language")));
        assertEquals(1, transactionsWith(t, "message_language", "fr"), "the French message keeps its language");
        assertEquals(1, transactionsWith(t, "message_language", "en"), "the first, English message keeps its own");
        Thread.sleep(1500);
        assertEquals(2, dmsContaining(customer).size(), "no automated reply once a person owns the thread");

        rt.updateTicket(t, new TicketUpdate(null, null, null, "resolved", Map.of()));
        Thread.sleep(1500);
        String third = ServerHarness.fixture("ig-dm.json", run).replaceAll("\"mid\": *\"([^\"]*)\"", "\"mid\": \"$1-third\"");
        assertEquals(200, harness.postWebhook(third).statusCode());
        ServerHarness.await("automation answers again after the ticket was resolved", WAIT,
                () -> dmsContaining(customer).size() == 3);
        ServerHarness.await("the resolved ticket reopened by the new message", WAIT,
                () -> !"resolved".equals(RtTestSupport.get("/ticket/" + t.id()).path("Status").asText()));
    }

    @Test
    void aReplyWrittenWhileThePluginIsDownIsSentOnceAfterTheRestart() throws Exception {
        String run = ServerHarness.newRun();
        TicketRef t = dmThread(run);
        harness.server.close();
        agent.post("/ticket/" + t.id() + "/correspond", Map.of("Content", "Reply while down " + run, "ContentType", "text/plain"));
        harness = harness.restart();
        ServerHarness.await("the reply sent after the restart", WAIT, () -> dmsContaining("while down " + run).size() == 1);
        harness = harness.restart();
        Thread.sleep(2500);
        assertEquals(1, dmsContaining("while down " + run).size(), "never sent twice");
    }

    @Test
    void aPrivateReplyToACommentThreadWhenTheTicketAsksForIt() throws Exception {
        String run = ServerHarness.newRun();
        assertEquals(200, harness.postWebhook(ServerHarness.fixture("ig-comment.json", run)).statusCode());
        String commentId = "1789" + run + "000011";
        TicketRef t = ticketFor("instagram:comment:" + ServerHarness.IG_ACCOUNT + ":" + commentId);
        rt.updateTicket(t, TicketUpdate.fields(Map.of("social_reply_mode", "private")));
        agent.post("/ticket/" + t.id() + "/correspond", Map.of("Content", "Je vous écris en privé " + run,
                "ContentType", "text/plain"));
        ServerHarness.await("a private reply to the comment", WAIT, () -> dmsContaining("\"comment_id\":\"" + commentId + "\"")
                .stream().anyMatch(r -> r.getBodyAsString().contains(run)));
        JsonNode replies = RtTestSupport.get("/ticket/" + t.id());
        assertTrue(replies.path("id").asText().equals(t.id()));
        assertEquals(0, graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + commentId + "/replies")))
                .stream().filter(r -> URLDecoder.decode(r.getBodyAsString(), StandardCharsets.UTF_8).contains(run)).count());
    }

    /** An Instagram DM thread whose customer last wrote {@code age} ago. */
    private static TicketRef dmThreadWrittenAgo(String run, Duration age) throws Exception {
        long at = System.currentTimeMillis() - age.toMillis();
        String body = ServerHarness.fixture("ig-dm.json", run).replaceAll("\"timestamp\": *[0-9]{13}", "\"timestamp\": " + at);
        assertEquals(200, harness.postWebhook(body).statusCode());
        return ticketFor("instagram:dm:" + ServerHarness.IG_ACCOUNT + ":6541" + run + "00003");
    }

    @Test
    void aReplyToACustomerWhoWrote25HoursAgoGoesWithTheHumanAgentTag() throws Exception {
        graph.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/v25.0/" + ServerHarness.PAGE + "/messages"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.tag", 
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("HUMAN_AGENT")))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"message_id\":\"m_human_agent\"}")));
        String run = ServerHarness.newRun();
        TicketRef t = dmThreadWrittenAgo(run, Duration.ofHours(25));
        agent.post("/ticket/" + t.id() + "/correspond", Map.of("Content", "Désolé pour l'attente " + run, "ContentType", "text/plain"));
        ServerHarness.await("the reply with the HUMAN_AGENT tag", WAIT, () -> dmsContaining("attente " + run).size() == 1);
        String body = dmsContaining("attente " + run).get(0).getBodyAsString();
        assertTrue(body.contains("\"messaging_type\":\"MESSAGE_TAG\"") && body.contains("\"tag\":\"HUMAN_AGENT\""), body);
        assertEquals(0, dmsContaining("6541" + run + "00003").stream()
                .filter(r -> r.getBodyAsString().contains("Automated")).count(), "automation never answers after 24 h");
    }

    @Test
    void aReplyToACustomerWhoWrote8DaysAgoIsNotSentAndTheTicketSaysWhy() throws Exception {
        String run = ServerHarness.newRun();
        TicketRef t = dmThreadWrittenAgo(run, Duration.ofDays(8));
        agent.post("/ticket/" + t.id() + "/correspond", Map.of("Content", "Trop tard " + run, "ContentType", "text/plain"));
        ServerHarness.await("the reason on the ticket", WAIT, () -> history(t).contains("more than 7 days"));
        assertEquals(0, dmsContaining("Trop tard " + run).size());
        assertTrue(history(t).contains("wait for the customer"), history(t));
    }

    @Test
    void withABotTokenAutomatedRepliesAreCorrespondenceOfTheBotUserAndNeverSentBack() throws Exception {
        String bot = "social-bot-it" + ServerHarness.newRun();
        ServerHarness withBot = ServerHarness.start(descriptor, RtTestSupport.rtUrl(), RtTestSupport.rtToken(),
                "http://127.0.0.1:" + graph.getPort(), Map.of("socialbridge.pipeline.agent-reply-poll-interval", "PT0.5S",
                        "socialbridge.host.rt.bot-token", RtTestSupport.userToken(bot)));
        try {
            String run = ServerHarness.newRun();
            assertEquals(200, withBot.postWebhook(ServerHarness.fixture("ig-dm.json", run)).statusCode());
            TicketRef t = ticketFor("instagram:dm:" + ServerHarness.IG_ACCOUNT + ":6541" + run + "00003");
            String customer = "6541" + run + "00003";
            ServerHarness.await("the bot's reply recorded as its correspondence", WAIT, () -> StreamSupport.stream(
                    RtTestSupport.get("/ticket/" + t.id() + "/history?fields=Type,Creator&per_page=100").path("items")
                            .spliterator(), false).anyMatch(x -> "Correspond".equals(x.path("Type").asText())
                            && bot.equals(x.path("Creator").path("id").asText())));
            Thread.sleep(2500);
            assertEquals(1, dmsContaining(customer).size(), "the bot's correspondence is never sent back as an agent's reply");
        } finally {
            withBot.close();
        }
    }

    private static void moderate(TicketRef t, String status, String reason) {
        Map<String, String> cfs = new java.util.LinkedHashMap<>();
        if (reason != null) {
            cfs.put(descriptor.field("moderation_reason").orElseThrow().label(), reason);
        }
        cfs.put(descriptor.field("moderation_status").orElseThrow().label(), status);
        agent.put("/ticket/" + t.id(), Map.of("CustomFields", cfs));
    }

    private static List<LoggedRequest> hideCalls(String commentId, boolean hidden) {
        return graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + commentId))
                .withRequestBody(containing("hide=" + hidden)));
    }

    @Test
    void anAgentHidesThenUnhidesACommentFromTheTicketAndTheOutcomeFollowsThePlatformsAnswer() throws Exception {
        String run = ServerHarness.newRun();
        assertEquals(200, harness.postWebhook(ServerHarness.fixture("ig-comment.json", run)).statusCode());
        String commentId = "1789" + run + "000011";
        TicketRef t = ticketFor("instagram:comment:" + ServerHarness.IG_ACCOUNT + ":" + commentId);

        moderate(t, "hide_requested", "spam");
        ServerHarness.await("the hide call", WAIT, () -> hideCalls(commentId, true).size() == 1);
        ServerHarness.await("status hidden once the platform took it", WAIT,
                () -> "hidden".equals(rt.readFields(t).get("moderation_status")));
        awaitHistory(t, "hidden on instagram", "requested by social-agent-it, reason: spam");

        // the platform refuses the unhide: the ticket must not say it is unhidden
        graph.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/v25.0/" + commentId))
                .atPriority(1).withRequestBody(containing("hide=false"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.jsonResponse(
                        "{\"error\":{\"message\":\"(#100) Cannot unhide this comment\",\"type\":\"OAuthException\",\"code\":100}}", 400)));
        moderate(t, "unhide_requested", "false_positive");
        ServerHarness.await("the unhide call", WAIT, () -> hideCalls(commentId, false).size() == 1);
        ServerHarness.await("status request_failed with the platform's reason", WAIT,
                () -> "request_failed".equals(rt.readFields(t).get("moderation_status")));
        awaitHistory(t, "Could not unhide on instagram", "Cannot unhide this comment");
        assertEquals(0, history(t).split("unhidden on instagram", -1).length - 1, "never reported as unhidden");
    }

    @Test
    void anAgentsCorrectionOfIntentAndSentimentBecomesALabelledExampleAndEveryAuditRecordNamesTheModel() throws Exception {
        String run = ServerHarness.newRun();
        TicketRef t = dmThread(run);
        String thread = "instagram:dm:" + ServerHarness.IG_ACCOUNT + ":6541" + run + "00003";
        String modelIntent = rt.readFields(t).get("intent");
        String corrected = "complaint".equals(modelIntent) ? "support" : "complaint";
        String sentiment = "positive".equals(rt.readFields(t).get("sentiment")) ? "negative" : "positive";
        agent.put("/ticket/" + t.id(), Map.of("CustomFields", Map.of(
                descriptor.field("intent").orElseThrow().label(), corrected,
                descriptor.field("sentiment").orElseThrow().label(), sentiment)));
        java.util.function.Supplier<List<dev.socialbridge.learning.CorrectionStore.Correction>> ofThread = () -> {
            try (dev.socialbridge.store.Database db = harness.openStore()) {
                dev.socialbridge.learning.CorrectionStore store = new dev.socialbridge.learning.CorrectionStore(db);
                List<dev.socialbridge.learning.CorrectionStore.Correction> all = new java.util.ArrayList<>(
                        store.examples(dev.socialbridge.learning.CorrectionStore.INTENT));
                all.addAll(store.examples(dev.socialbridge.learning.CorrectionStore.SENTIMENT));
                return all.stream().filter(x -> thread.equals(x.threadKey())).toList();
            }
        };
        ServerHarness.await("both corrections recorded", WAIT, () -> ofThread.get().size() == 2);
        dev.socialbridge.learning.CorrectionStore.Correction intent = ofThread.get().stream()
                .filter(x -> x.field().equals("intent")).findFirst().orElseThrow();
        assertEquals(corrected, intent.newValue());
        assertEquals(modelIntent, intent.oldValue(), "the label the model gave");
        assertEquals("social-agent-it", intent.author());
        String text = dev.socialbridge.support.Json.MAPPER.readTree(ServerHarness.fixture("ig-dm.json", run))
                .path("entry").path(0).path("messaging").path(0).path("message").path("text").asText();
        assertEquals(text, intent.text(), "the customer's message the ticket showed");
        assertEquals(dev.socialbridge.learning.ModelVersion.shipped(), intent.modelVersion());

        // the plugin's own writes of the same fields (a new message) are not corrections
        int before = ofThread.get().size();
        Thread.sleep(1500);
        assertEquals(before, ofThread.get().size());

        JsonNode report = ServerHarness.HTTP_JSON(harness.get("admin/classifier", true).body());
        assertEquals(dev.socialbridge.learning.ModelVersion.shipped(), report.path("model").asText());
        assertTrue(report.path("corrections").path("intent/agent").asLong() >= 1, report.toString());
        assertTrue(report.path("tagging").path("classifiedThreads").asLong() >= 1, report.toString());
        JsonNode audit = ServerHarness.HTTP_JSON(harness.get("admin/audit?thread=" + java.net.URLEncoder.encode(thread,
                StandardCharsets.UTF_8), true).body());
        assertTrue(audit.size() > 0, audit.toString());
        for (JsonNode row : audit) {
            assertEquals(dev.socialbridge.learning.ModelVersion.shipped(), row.path("modelVersion").asText(), row.toString());
        }
        String metrics = harness.get("metrics", false).body();
        assertTrue(metrics.contains("socialbridge_classifier_model_info{version=\"" + dev.socialbridge.learning.ModelVersion.shipped()
                + "\"} 1"), metrics);
        assertTrue(metrics.contains("socialbridge_tagging_accuracy_ratio{field=\"intent\"}"), metrics);
    }

    @Test
    void anAgentDeletesACommentAndBlockingOnInstagramIsAnsweredWithWhatToDo() throws Exception {
        String run = ServerHarness.newRun();
        assertEquals(200, harness.postWebhook(ServerHarness.fixture("ig-comment.json", run)).statusCode());
        String commentId = "1789" + run + "000011";
        TicketRef t = ticketFor("instagram:comment:" + ServerHarness.IG_ACCOUNT + ":" + commentId);

        moderate(t, "delete_requested", "scam");
        ServerHarness.await("the delete call", WAIT, () -> graph.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(urlPathEqualTo("/v25.0/" + commentId))).size() == 1);
        ServerHarness.await("status deleted", WAIT, () -> "deleted".equals(rt.readFields(t).get("moderation_status")));
        awaitHistory(t, "deleted on instagram", "reason: scam");

        moderate(t, "block_requested", "harassment");
        ServerHarness.await("status request_failed", WAIT, () -> "request_failed".equals(rt.readFields(t).get("moderation_status")));
        awaitHistory(t, "Could not block on instagram");
    }

    @Test
    void hidingAPrivateConversationIsRefusedOnTheTicketWithoutAPlatformCall() throws Exception {
        String run = ServerHarness.newRun();
        TicketRef t = dmThread(run);
        moderate(t, "hide_requested", "spam");
        ServerHarness.await("status request_failed", WAIT, () -> "request_failed".equals(rt.readFields(t).get("moderation_status")));
        awaitHistory(t, "only public comments can be hidden or deleted");
        assertEquals(0, graph.findAll(postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlMatching(".*" + run + ".*"))
                .withRequestBody(containing("hide="))).size(), "no hide call for the conversation");
    }

    @Test
    void anAgentsAttachmentReachesTheCustomerAsAFileTheGraphApiDownloadsFromTheSignedLink() throws Exception {
        String run = ServerHarness.newRun();
        TicketRef t = dmThread(run);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', (byte) run.hashCode()};
        agent.post("/ticket/" + t.id() + "/correspond", Map.of("Content", "Voici le bon de retour " + run,
                "ContentType", "text/plain", "Attachments", List.of(Map.of("FileName", "retour-" + run + ".png",
                        "FileType", "image/png", "FileContent", java.util.Base64.getEncoder().encodeToString(png)))));

        ServerHarness.await("the text and then the file at the Graph API", WAIT,
                () -> dmsContaining("bon de retour " + run).size() == 1 && dmsContaining("retour-" + run + ".png").size() == 1);
        JsonNode message = dev.socialbridge.support.Json.MAPPER.readTree(dmsContaining("retour-" + run + ".png").get(0)
                .getBodyAsString()).path("message");
        assertEquals("image", message.path("attachment").path("type").asText(), message.toString());
        String url = message.path("attachment").path("payload").path("url").asText();
        java.net.http.HttpResponse<byte[]> file = ServerHarness.HTTP.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url)).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertEquals("image/png", file.headers().firstValue("Content-Type").orElse(""));
        assertTrue(java.util.Arrays.equals(png, file.body()), "the platform downloads the agent's exact bytes");
        java.net.http.HttpResponse<String> forged = ServerHarness.HTTP.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url.replaceFirst("/media/([^/.]*)[^/]*/", "/media/$1.AAAA/"))).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(404, forged.statusCode(), "a link whose signature does not match opens nothing");
    }

    @Test
    void anAttachmentToACommentThreadIsNotSentAndTheTicketSaysWhy() throws Exception {
        String run = ServerHarness.newRun();
        assertEquals(200, harness.postWebhook(ServerHarness.fixture("ig-comment.json", run)).statusCode());
        String commentId = "1789" + run + "000011";
        TicketRef t = ticketFor("instagram:comment:" + ServerHarness.IG_ACCOUNT + ":" + commentId);
        agent.post("/ticket/" + t.id() + "/correspond", Map.of("Content", "Merci ! " + run, "ContentType", "text/plain",
                "Attachments", List.of(Map.of("FileName", "catalogue.pdf", "FileType", "application/pdf",
                        "FileContent", java.util.Base64.getEncoder().encodeToString("%PDF-1.4".getBytes())))));
        ServerHarness.await("the reason on the ticket", WAIT, () -> history(t).contains("Attachment not sent on instagram: catalogue.pdf"));
        ServerHarness.await("the text still goes under the comment", WAIT, () -> graph.findAll(
                postRequestedFor(urlPathEqualTo("/v25.0/" + commentId + "/replies"))).stream()
                .anyMatch(r -> URLDecoder.decode(r.getBodyAsString(), StandardCharsets.UTF_8).contains("Merci ! " + run)));
    }
}
