package dev.socialbridge.app;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.host.rt.RtTestSupport;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.TicketRef;
import dev.socialbridge.host.spi.TicketUpdate;
import dev.socialbridge.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Automation end to end: classification + the default rule pack decide, RT receives the tickets in
 * the playbook's queues, the Graph API stand-in receives the replies and moderation actions.
 */
class AutomationToRtIT {
    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("test-fixtures/wiremock/meta")).build();

    static Descriptor descriptor;
    static ServerHarness harness;
    static HostAdapter rt;
    static Database db;
    static final Duration WAIT = Duration.ofSeconds(40);

    @BeforeAll
    static void start() throws Exception {
        descriptor = RtTestSupport.installedDescriptor();
        harness = ServerHarness.start(descriptor, RtTestSupport.rtUrl(), RtTestSupport.rtToken(),
                "http://127.0.0.1:" + graph.getPort(), Map.of("socialbridge.pipeline.moderation-poll-interval", "PT1S",
                        "socialbridge.automation.brand", "Maison Lumière",
                        // above the default 0.8, so that a milder insult (toxic at about 0.81) is held back, while
                        // the spam and toxic messages below (0.99) are hidden
                        "socialbridge.automation.hide-min-confidence", "0.9"));
        rt = RtTestSupport.adapter(descriptor);
        db = harness.openStore();
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
        if (harness != null) {
            harness.close();
        }
    }

    /** The IG comment fixture with its text replaced (and ids unique to the run). */
    private static String commentWithText(String run, String text) throws Exception {
        String json = ServerHarness.fixture("ig-comment.json", run);
        return json.replace("Combien co\\u00fbte le pack pro ? \\ud83d\\ude0d", text);
    }

    private static String commentThread(String run, String suffix) {
        return "instagram:comment:" + ServerHarness.IG_ACCOUNT + ":1789" + run + "0" + suffix;
    }

    private static String queueName(TicketRef t) {
        JsonNode ticket = RtTestSupport.get("/ticket/" + t.id());
        return RtTestSupport.get("/queue/" + ticket.path("Queue").path("id").asText()).path("Name").asText();
    }

    private static String label(String queueKey) {
        return descriptor.queue(queueKey).orElseThrow().label();
    }

    @Test
    void buyingCommentGetsPublicAckPrivateReplyAndAHotLeadsTicket() throws Exception {
        String run = ServerHarness.newRun();
        String commentId = "1789" + run + "000011";
        assertEquals(200, harness.postWebhook(ServerHarness.fixture("ig-comment.json", run)).statusCode());
        String thread = commentThread(run, "00011");
        ServerHarness.await("hot lead ticket", WAIT, () -> rt.findTicketByThread(thread).isPresent());
        TicketRef t = rt.findTicketByThread(thread).orElseThrow();
        assertEquals(label("hot_leads"), queueName(t));
        Map<String, String> fields = rt.readFields(t);
        assertEquals("sales_lead", fields.get("intent"));
        assertEquals("fr", fields.get("language"));
        assertTrue(Integer.parseInt(fields.getOrDefault("lead_score", "0")) > 0, fields.toString());
        ServerHarness.await("public ack and private reply", WAIT, () ->
                graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + commentId + "/replies"))).size() == 1
                        && graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + ServerHarness.PAGE + "/messages"))
                        .withRequestBody(containing(commentId))).size() == 1);
        String ack = graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + commentId + "/replies"))).get(0).getBodyAsString();
        assertTrue(java.net.URLDecoder.decode(ack, java.nio.charset.StandardCharsets.UTF_8).contains("Réponse automatisée"), ack);
        JsonNode audit = ServerHarness.HTTP_JSON(harness.get("admin/audit?thread=" + java.net.URLEncoder.encode(thread,
                java.nio.charset.StandardCharsets.UTF_8), true).body());
        assertTrue(audit.size() >= 3, audit.toString());
    }

    @Test
    void mentionIsReadBackThenTicketedAsAHotLeadAndAnsweredUnderTheMention() throws Exception {
        String run = ServerHarness.newRun();
        String commentId = "1789" + run + "31";
        String mediaId = "1791" + run + "41";
        String body = java.nio.file.Files.readString(java.nio.file.Path.of("test-fixtures/inbound/meta/ig-mention.json"))
                .replace("17894227900000031", commentId).replace("17918195200000041", mediaId);
        assertEquals(200, harness.postWebhook(body).statusCode());
        String thread = "instagram:mention:" + ServerHarness.IG_ACCOUNT + ":" + commentId;
        ServerHarness.await("hot lead ticket for the mention", WAIT, () -> rt.findTicketByThread(thread).isPresent());
        TicketRef t = rt.findTicketByThread(thread).orElseThrow();
        assertEquals(label("hot_leads"), queueName(t));
        assertEquals("sales_lead", rt.readFields(t).get("intent"));
        String subject = RtTestSupport.get("/ticket/" + t.id()).path("Subject").asText();
        assertTrue(subject.contains("@claire.dumont") && subject.contains("pack pro"), subject);
        assertEquals(1, graph.findAll(getRequestedFor(urlPathEqualTo("/v25.0/" + ServerHarness.IG_ACCOUNT))
                .withQueryParam("fields", containing("mentioned_comment.comment_id(" + commentId + ")"))).size());
        ServerHarness.await("reply under the mention", WAIT, () ->
                graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + ServerHarness.IG_ACCOUNT + "/mentions"))
                        .withRequestBody(containing("comment_id=" + commentId))).size() == 1);
        String reply = java.net.URLDecoder.decode(graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/"
                + ServerHarness.IG_ACCOUNT + "/mentions")).withRequestBody(containing("comment_id=" + commentId)))
                .get(0).getBodyAsString(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(reply.contains("media_id=" + mediaId) && reply.contains("message privé"), reply);
        assertEquals(0, graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + ServerHarness.PAGE + "/messages"))
                .withRequestBody(containing(commentId))).size(), "no private reply to a mention");
        assertEquals(1, graph.findAll(getRequestedFor(urlPathEqualTo("/v25.0/" + ServerHarness.IG_ACCOUNT))
                .withQueryParam("fields", containing("business_discovery.username(claire.dumont)"))).size(),
                "the mention's author, read back with it, is looked up for the VIP rule");
        assertEquals(1, graph.findAll(getRequestedFor(urlPathEqualTo("/v25.0/" + ServerHarness.IG_ACCOUNT))
                .withQueryParam("fields", containing("mentioned_comment.comment_id(" + commentId + ")"))).size());
    }

    @Test
    void creatorWithALargeAudienceGoesToVipOnItsFirstCommentAndIsLookedUpOnce() throws Exception {
        String run = ServerHarness.newRun();
        String body = commentWithText(run, "J'adore votre nouvelle collection, on pourrait collaborer ?")
                .replace("claire.dmt", "lea.influence");
        assertEquals(200, harness.postWebhook(body).statusCode());
        String thread = commentThread(run, "00011");
        ServerHarness.await("VIP ticket", WAIT, () -> rt.findTicketByThread(thread).isPresent());
        TicketRef t = rt.findTicketByThread(thread).orElseThrow();
        assertEquals(label("vip_partners"), queueName(t));
        // the VIP note is a comment of its own, written after the ticket is created
        ServerHarness.await("VIP note naming the follower count", WAIT, () -> RtTestSupport.get("/ticket/" + t.id()
                + "/attachments?fields=Content&per_page=100").toString().contains("248712 followers"));

        String second = ServerHarness.newRun();
        String again = commentWithText(second, "Et vous livrez en Suisse ?").replace("claire.dmt", "lea.influence");
        assertEquals(200, harness.postWebhook(again).statusCode());
        String secondThread = commentThread(second, "00011");
        ServerHarness.await("second VIP ticket", WAIT, () -> rt.findTicketByThread(secondThread).isPresent());
        assertEquals(label("vip_partners"), queueName(rt.findTicketByThread(secondThread).orElseThrow()));
        assertEquals(1, graph.findAll(getRequestedFor(urlPathEqualTo("/v25.0/" + ServerHarness.IG_ACCOUNT))
                .withQueryParam("fields", containing("business_discovery.username(lea.influence)"))).size(),
                "the follower count is cached");
    }

    @Test
    void refundDmLandsInSupportWithPriorityAndDueTime() throws Exception {
        String run = ServerHarness.newRun();
        Instant before = Instant.now();
        assertEquals(200, harness.postWebhook(ServerHarness.fixture("ig-dm.json", run)).statusCode());
        String thread = "instagram:dm:" + ServerHarness.IG_ACCOUNT + ":6541" + run + "00003";
        ServerHarness.await("support ticket for " + thread, WAIT, () -> rt.findTicketByThread(thread).isPresent());
        TicketRef t = rt.findTicketByThread(thread).orElseThrow();
        assertEquals(label("support"), queueName(t));
        JsonNode ticket = RtTestSupport.get("/ticket/" + t.id());
        assertEquals(60, ticket.path("Priority").asInt());
        Instant due = Instant.parse(ticket.path("Due").asText());
        int sla = descriptor.queue("support").orElseThrow().sla().firstResponseMinutes();
        assertTrue(!due.isBefore(before.plus(Duration.ofMinutes(sla)).minusSeconds(5))
                && !due.isAfter(Instant.now().plus(Duration.ofMinutes(sla)).plusSeconds(5)), "due " + due);
        assertEquals("refund_cancel", rt.readFields(t).get("intent"));
    }

    @Test
    void spamIsHiddenAndNothingIsTicketed() throws Exception {
        String run = ServerHarness.newRun();
        String commentId = "1789" + run + "000011";
        String body = commentWithText(run, "FREE followers!!! follow4follow, check out my channel and click the link in my bio www.cheap-followers.biz");
        assertEquals(200, harness.postWebhook(body).statusCode());
        ServerHarness.await("hide call", WAIT, () -> graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + commentId))
                .withRequestBody(containing("hide=true"))).size() == 1);
        Thread.sleep(2000);
        assertTrue(rt.findTicketByThread(commentThread(run, "00011")).isEmpty());
    }

    @Test
    void toxicCommentIsHiddenAndAReviewTicketOpensThenAnAgentUndoesIt() throws Exception {
        String run = ServerHarness.newRun();
        String commentId = "1789" + run + "000011";
        String thread = commentThread(run, "00011");
        String body = commentWithText(run, "T'es vraiment un gros connard, ta marque c'est de la merde, ferme ta gueule");
        assertEquals(200, harness.postWebhook(body).statusCode());
        ServerHarness.await("review ticket", WAIT, () -> rt.findTicketByThread(thread).isPresent());
        TicketRef t = rt.findTicketByThread(thread).orElseThrow();
        assertEquals(label("moderation_review"), queueName(t));
        Map<String, String> fields = rt.readFields(t);
        assertEquals("hidden", fields.get("moderation_status"));
        assertEquals("toxic", fields.get("intent"));
        JsonNode attachments = RtTestSupport.get("/ticket/" + t.id() + "/attachments?fields=Content");
        assertTrue(attachments.toString().contains("connard"), "hidden text kept in the ticket");
        ServerHarness.await("hide call", WAIT, () -> graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + commentId))
                .withRequestBody(containing("hide=true"))).size() == 1);

        rt.updateTicket(t, TicketUpdate.fields(Map.of("moderation_status", "unhide_requested")));
        ServerHarness.await("unhide call", WAIT, () -> graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + commentId))
                .withRequestBody(containing("hide=false"))).size() == 1);
        ServerHarness.await("status unhidden", WAIT, () -> "unhidden".equals(rt.readFields(t).get("moderation_status")));
        assertEquals(1L, (long) db.<Long>inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM moderation_action WHERE comment_id = ? AND false_positive = TRUE")) {
                ps.setString(1, commentId);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }));
    }

    @Test
    void anInsultBelowTheHideGateStaysVisibleAndGoesToModerationReviewWithTheGuess() throws Exception {
        String run = ServerHarness.newRun();
        String commentId = "1789" + run + "000011";
        String thread = commentThread(run, "00011");
        assertEquals(200, harness.postWebhook(commentWithText(run, "What a bunch of idiots")).statusCode());
        ServerHarness.await("review ticket", WAIT, () -> rt.findTicketByThread(thread).isPresent());
        TicketRef t = rt.findTicketByThread(thread).orElseThrow();
        assertEquals(label("moderation_review"), queueName(t));
        assertEquals("toxic", rt.readFields(t).get("intent"));
        ServerHarness.await("note with the classifier's guess", WAIT, () -> RtTestSupport.get("/ticket/" + t.id()
                + "/attachments?fields=Content&per_page=100").toString().contains("Automation held back: the classifier"
                + " guessed \\\"toxic\\\" at 0.8"));
        String notes = RtTestSupport.get("/ticket/" + t.id() + "/attachments?fields=Content&per_page=100").toString();
        assertTrue(notes.contains("below the gate 0.90 for hiding. Check and act by hand."), notes);
        JsonNode audit = ServerHarness.HTTP_JSON(harness.get("admin/audit?thread=" + java.net.URLEncoder.encode(thread,
                java.nio.charset.StandardCharsets.UTF_8), true).body());
        assertTrue(audit.toString().contains("suppressed:low_confidence"), audit.toString());
        assertEquals(0, graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + commentId))
                .withRequestBody(containing("hide=true"))).size(), "not hidden");
    }

    @Test
    void optOutIsRecordedAndHonoured() throws Exception {
        String run = ServerHarness.newRun();
        String dm = ServerHarness.fixture("ig-dm.json", run);
        String stop = dm.replaceAll("\"text\": *\"[^\"]*\"", "\"text\": \"STOP\"").replaceAll("\"mid\": *\"([^\"]*)\"", "\"mid\": \"$1-stop\"");
        assertEquals(200, harness.postWebhook(stop).statusCode());
        String author = "instagram:6541" + run + "00003";
        ServerHarness.await("opt-out recorded", WAIT, () -> db.<Boolean>inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT opted_out_at FROM author_state WHERE author_key = ?")) {
                ps.setString(1, author);
                try (var rs = ps.executeQuery()) {
                    return rs.next() && rs.getTimestamp(1) != null;
                }
            }
        }));
        ServerHarness.await("one opt-out confirmation", WAIT, () -> graph.findAll(postRequestedFor(
                urlPathEqualTo("/v25.0/" + ServerHarness.PAGE + "/messages")).withRequestBody(containing("6541" + run + "00003"))).size() == 1);
        int dmsBefore = graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + ServerHarness.PAGE + "/messages"))
                .withRequestBody(containing("6541" + run + "00003"))).size();
        assertEquals(200, harness.postWebhook(dm).statusCode());
        String thread = "instagram:dm:" + ServerHarness.IG_ACCOUNT + ":6541" + run + "00003";
        ServerHarness.await("refund still escalated", WAIT, () -> rt.findTicketByThread(thread).isPresent());
        Thread.sleep(1500);
        int dmsAfter = graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + ServerHarness.PAGE + "/messages"))
                .withRequestBody(containing("6541" + run + "00003"))).size();
        assertEquals(dmsBefore, dmsAfter, "no automated DM to an opted-out author");
    }

    @Test
    void aStandbyMessageIsTicketedButNeverAnsweredAutomatically() throws Exception {
        String run = ServerHarness.newRun();
        String sender = "7010" + run + "04";
        String body = java.nio.file.Files.readString(java.nio.file.Path.of("test-fixtures/inbound/meta/messenger-standby.json"))
                .replace("7010000000000004", sender).replace("7010000000000005", "7010" + run + "05")
                .replaceAll("\"mid\": *\"([^\"]*)\"", "\"mid\": \"$1-" + run + "\"");
        assertEquals(200, harness.postWebhook(body).statusCode());
        String thread = "messenger:dm:" + ServerHarness.PAGE + ":" + sender;
        ServerHarness.await("ticket for the standby message", WAIT, () -> rt.findTicketByThread(thread).isPresent());
        JsonNode audit = ServerHarness.HTTP_JSON(harness.get("admin/audit?thread=" + java.net.URLEncoder.encode(thread,
                java.nio.charset.StandardCharsets.UTF_8), true).body());
        assertTrue(audit.toString().contains("suppressed:blocked"), audit.toString());
        Thread.sleep(1500);
        assertEquals(0, graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + ServerHarness.PAGE + "/messages"))
                .withRequestBody(containing(sender))).size(), "another app owns the conversation: no automated reply");
    }

    @Test
    void aPhotoSentInAnInstagramDmReachesTheTicketAsAFile() throws Exception {
        String run = ServerHarness.newRun();
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4, 5, 6, 7, 8};
        graph.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/cdn/ig-photo-" + run + ".jpg"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withHeader("Content-Type", "image/jpeg").withBody(jpeg)));
        String dm = ServerHarness.fixture("ig-dm.json", run).replaceAll("\"text\": *\"[^\"]*\"",
                "\"text\": \"Voici la photo du colis abîmé\", \"attachments\": [{\"type\": \"image\", \"payload\": {\"url\": \""
                        + graph.baseUrl() + "/cdn/ig-photo-" + run + ".jpg?stp=dst-jpg\"}}]");
        assertEquals(200, harness.postWebhook(dm).statusCode());
        String thread = "instagram:dm:" + ServerHarness.IG_ACCOUNT + ":6541" + run + "00003";
        ServerHarness.await("ticket", WAIT, () -> rt.findTicketByThread(thread).isPresent());
        TicketRef t = rt.findTicketByThread(thread).orElseThrow();
        JsonNode files = RtTestSupport.get("/ticket/" + t.id() + "/attachments?fields=Filename,ContentType,ContentLength");
        assertTrue(files.toString().contains("ig-photo-" + run + ".jpg") && files.toString().contains("image/jpeg"),
                files.toString());
    }
}
