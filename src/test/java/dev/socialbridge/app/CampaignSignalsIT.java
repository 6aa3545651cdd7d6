package dev.socialbridge.app;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.host.rt.RtTestSupport;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.TicketRef;
import dev.socialbridge.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Campaign signals end to end, live RT and WireMock for the Graph API: a first message's UTM ref fills the UTM fields
 * and its campaign rule fires on that very message; a later message with another campaign moves the last touch
 * only; an ig.me referral on the existing conversation is recorded on the ticket; a creator code in a text names its
 * campaign and creator.
 */
class CampaignSignalsIT {
    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("test-fixtures/wiremock/meta")).build();

    static final Duration WAIT = Duration.ofSeconds(40);
    static final String WELCOME = "Bienvenue dans le Black Friday : -30 % sur le pack pro jusqu'à dimanche.";
    static final String UTM_REF = "utm_source=instagram_bio&utm_medium=social&utm_campaign=black_friday_2026";
    static Descriptor descriptor;
    static ServerHarness harness;
    static HostAdapter rt;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("sb-campaign");
        Path rules = Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - id: black-friday-lead
                    when:
                      campaignTag: [black_friday_2026]
                    then:
                      - dm: bf-welcome
                      - escalate: hot_leads
                        priority: 80
                        reason: Black Friday campaign
                      - tag: black_friday
                  - id: creator-week
                    when:
                      campaignTag: [creator_week_2026]
                    then:
                      - escalate: hot_leads
                        reason: creator week
                      - notify: "Creator week lead"
                """);
        Path templates = Files.writeString(dir.resolve("templates.yaml"), """
                templates:
                  bf-welcome:
                    fr: "%s"
                    en: "%s"
                """.formatted(WELCOME, WELCOME));
        Path codes = Files.writeString(dir.resolve("codes.yaml"), """
                codes:
                  LEA10: creator_week_2026, lea.martin
                  NOEL26: noel_2026
                """);
        descriptor = RtTestSupport.installedDescriptor();
        harness = ServerHarness.start(descriptor, RtTestSupport.rtUrl(), RtTestSupport.rtToken(),
                "http://127.0.0.1:" + graph.getPort(), Map.of(
                        "socialbridge.automation.rules-file", rules.toString(),
                        "socialbridge.automation.templates-file", templates.toString(),
                        "socialbridge.automation.disclosure", "false",
                        "socialbridge.attribution.codes-file", codes.toString()));
        rt = RtTestSupport.adapter(descriptor);
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

    /** The ticket's comments, each transaction's content joined. */
    private static String comments(TicketRef t) {
        StringBuilder all = new StringBuilder();
        for (JsonNode txn : RtTestSupport.get("/ticket/" + t.id() + "/history?fields=Type&per_page=100").path("items")) {
            if ("Comment".equals(txn.path("Type").asText())) {
                all.append(RtTestSupport.get("/transaction/" + txn.path("id").asText() + "/attachments?fields=Content"))
                        .append('\n');
            }
        }
        return all.toString();
    }

    private static long dmsTo(String customer, String text) {
        return graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + ServerHarness.PAGE + "/messages"))
                .withRequestBody(containing("\"id\":\"" + customer + "\""))).stream()
                .filter(r -> r.getBodyAsString().contains(text)).count();
    }

    /** The message of {@code json} without its referral, with another text and message id. */
    private static String withoutReferral(String json, String text) throws Exception {
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(json);
        ObjectNode message = (ObjectNode) root.path("entry").path(0).path("messaging").path(0).path("message");
        message.remove("referral");
        message.put("text", text);
        message.put("mid", message.path("mid").asText() + "-2");
        return Json.MAPPER.writeValueAsString(root);
    }

    @Test
    void aUtmRefNamesTheCampaignOfTheFirstMessageThenLaterSignalsMoveTheLastTouchOnly() throws Exception {
        String run = ServerHarness.newRun();
        String customer = "6541" + run + "00031";
        String thread = "instagram:dm:" + ServerHarness.IG_ACCOUNT + ":" + customer;

        // 1. the first message comes with a UTM ref (and an ad): UTM fields, campaign, raw ref, both touches
        String first = ServerHarness.fixture("ig-dm-referral.json", run);
        assertEquals(200, harness.postWebhook(first).statusCode());
        TicketRef t = ticketFor(thread);
        Map<String, String> f = rt.readFields(t);
        assertEquals("instagram_bio", f.get("utm_source"));
        assertEquals("social", f.get("utm_medium"));
        assertEquals("black_friday_2026", f.get("utm_campaign"));
        assertEquals("black_friday_2026", f.get("campaign_tag"));
        assertEquals(UTM_REF, f.get("ref"), "the raw ref stays in ref");
        assertEquals("120210000000000071", f.get("ad_id"), "the ad is recorded too");
        assertEquals("instagram:ref:black_friday_2026", f.get("first_touch_source"));
        assertEquals("instagram:ref:black_friday_2026", f.get("last_touch_source"));
        String firstTouchAt = f.get("first_touch_at");
        assertNotNull(firstTouchAt);

        // the campaign rule fired on that first message: routed, tagged, and the welcome DM sent
        JsonNode ticket = RtTestSupport.get("/ticket/" + t.id());
        JsonNode queue = RtTestSupport.get("/queue/" + ticket.path("Queue").path("id").asText());
        assertEquals(descriptor.queue("hot_leads").orElseThrow().label(), queue.path("Name").asText());
        ServerHarness.await("the rule's note", WAIT, () -> comments(t).contains("Automation rules: black-friday-lead"));
        assertTrue(comments(t).contains("Tags: black_friday"));
        ServerHarness.await("the campaign's welcome DM", WAIT, () -> dmsTo(customer, "Bienvenue dans le Black Friday") == 1);

        // 2. a later message with another campaign (a code): last touch and campaign fields move, first touch stays
        Thread.sleep(1100);
        String second = withoutReferral(ServerHarness.fixture("ig-dm-referral.json", run),
                "Et avec le code noel26 c'est moins cher ?");
        assertFalse(second.contains("utm_source"), "the second message carries no referral");
        assertEquals(200, harness.postWebhook(second).statusCode());
        // RT applies the custom fields of one update one by one, so a read may land half-way: wait for all of them
        ServerHarness.await("the last touch of the code, the previous UTM cleared", WAIT, () -> {
            Map<String, String> now = rt.readFields(t);
            return "instagram:code:noel_2026".equals(now.get("last_touch_source"))
                    && now.get("utm_source") == null && now.get("ref") == null
                    && "noel_2026".equals(now.get("campaign_tag"))
                    && now.get("last_touch_at") != null && now.get("last_touch_at").compareTo(firstTouchAt) > 0;
        });
        f = rt.readFields(t);
        assertEquals("noel_2026", f.get("campaign_tag"));
        assertEquals("instagram:ref:black_friday_2026", f.get("first_touch_source"), "first touch unchanged");
        assertEquals(firstTouchAt, f.get("first_touch_at"), "first touch unchanged");
        assertNull(f.get("utm_source"), "the previous touch's UTM parameters are cleared");
        assertNull(f.get("ref"));
        assertTrue(f.get("last_touch_at").compareTo(firstTouchAt) > 0, f.get("last_touch_at") + " after " + firstTouchAt);

        // 3. an ig.me link clicked in the existing conversation: a referral event, recorded as the newest touch
        Thread.sleep(1100);
        assertEquals(200, harness.postWebhook(ServerHarness.fixture("ig-referral.json", run)).statusCode());
        ServerHarness.await("the referral's note", WAIT, () -> comments(t).contains("Referral: instagram ref, campaign flash_sale_friday"));
        ServerHarness.await("the referral's fields", WAIT, () -> {
            Map<String, String> now = rt.readFields(t);
            return "instagram:ref:flash_sale_friday".equals(now.get("last_touch_source"))
                    && "flash_sale_friday".equals(now.get("utm_campaign")) && "story".equals(now.get("utm_source"))
                    && "flash_sale_friday".equals(now.get("campaign_tag"));
        });
        f = rt.readFields(t);
        assertEquals("instagram:ref:flash_sale_friday", f.get("last_touch_source"));
        assertEquals("flash_sale_friday", f.get("campaign_tag"));
        assertEquals("story", f.get("utm_source"));
        assertEquals("flash_sale_friday", f.get("utm_campaign"));
        assertEquals("instagram:ref:black_friday_2026", f.get("first_touch_source"), "first touch unchanged");
        assertEquals(firstTouchAt, f.get("first_touch_at"));
    }

    @Test
    void aCreatorCodeInTheTextNamesItsCampaignAndCreatorAndItsRuleFires() throws Exception {
        String run = ServerHarness.newRun();
        String body = ServerHarness.fixture("ig-dm.json", run)
                .replaceAll("\"text\": *\"[^\"]*\"", "\"text\": \"Bonjour, j'ai le code Léa10 de Léa, il marche sur le pack pro ?\"");
        assertEquals(200, harness.postWebhook(body).statusCode());
        TicketRef t = ticketFor("instagram:dm:" + ServerHarness.IG_ACCOUNT + ":6541" + run + "00003");
        Map<String, String> f = rt.readFields(t);
        assertEquals("creator_week_2026", f.get("campaign_tag"));
        assertEquals("lea.martin", f.get("campaign_creator"));
        assertEquals("instagram:code:creator_week_2026", f.get("first_touch_source"));
        assertNull(f.get("utm_source"));
        assertNull(f.get("ref"));
        ServerHarness.await("the rule's note", WAIT, () -> comments(t).contains("Creator week lead"));
    }
}
