package dev.socialbridge.app;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.host.rt.RtTestSupport;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.TicketRef;
import dev.socialbridge.support.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * People end to end, live RT and WireMock for the Graph API: an Instagram identity and a Messenger identity that give
 * the same email address (the two messages posted concurrently) end on one RT user, the requestor of both tickets,
 * whose user fields show the first and last touch; the person's touches are listed; a conversion with that email
 * shows in the attribution report under the first-touch campaign.
 */
class PeopleAttributionIT {
    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("test-fixtures/wiremock/meta")).build();

    static final Duration WAIT = Duration.ofSeconds(60);
    static Descriptor descriptor;
    static ServerHarness harness;
    static HostAdapter rt;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("sb-people");
        Path rules = Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - id: campaign-lead
                    when:
                      campaignTag: true
                    then:
                      - escalate: hot_leads
                        reason: campaign lead
                """);
        Path templates = Files.writeString(dir.resolve("templates.yaml"), "templates: {}\n");
        descriptor = RtTestSupport.installedDescriptor();
        harness = ServerHarness.start(descriptor, RtTestSupport.rtUrl(), RtTestSupport.rtToken(),
                "http://127.0.0.1:" + graph.getPort(), Map.of(
                        "socialbridge.automation.rules-file", rules.toString(),
                        "socialbridge.automation.templates-file", templates.toString(),
                        "socialbridge.automation.disclosure", "false",
                        "socialbridge.attribution.conversions-token", "it-shop-token-0123456789"));
        rt = RtTestSupport.adapter(descriptor);
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    /** A DM to our Instagram account or Facebook page, dated {@code at} (epoch ms), with a ref when not null. */
    static String dm(String object, String account, String sender, String mid, String text, String ref, long at) {
        String referral = ref == null ? "" : ", \"referral\": {\"ref\": \"" + ref + "\", \"source\": \"SHORTLINK\", \"type\": \"OPEN_THREAD\"}";
        return """
                {"object": "%s", "entry": [{"id": "%s", "time": %d, "messaging": [{"sender": {"id": "%s"},
                 "recipient": {"id": "%s"}, "timestamp": %d, "message": {"mid": "%s", "text": "%s"%s}}]}]}
                """.formatted(object, account, at, sender, account, at, mid, text, referral);
    }

    private static TicketRef ticketFor(String thread) throws InterruptedException {
        ServerHarness.await("ticket for " + thread, WAIT, () -> rt.findTicketByThread(thread).isPresent());
        return rt.findTicketByThread(thread).orElseThrow();
    }

    private static List<String> requestors(TicketRef t) {
        List<String> names = new ArrayList<>();
        RtTestSupport.get("/ticket/" + t.id()).path("Requestor").forEach(r -> names.add(r.path("id").asText()));
        return names;
    }

    private static String userField(String user, String key) {
        String label = descriptor.field(key).orElseThrow().label();
        for (JsonNode cf : RtTestSupport.get("/user/" + dev.socialbridge.host.rt.RtClient.segment(user))
                .path("CustomFields")) {
            if (label.equalsIgnoreCase(cf.path("name").asText())) {
                return cf.path("values").path(0).asText("");
            }
        }
        return "";
    }

    private static String comments(TicketRef t) {
        StringBuilder all = new StringBuilder();
        for (JsonNode txn : RtTestSupport.get("/ticket/" + t.id() + "/history?fields=Type&per_page=100").path("items")) {
            if ("Comment".equals(txn.path("Type").asText())) {
                all.append(RtTestSupport.get("/transaction/" + txn.path("id").asText() + "/attachments?fields=Content"));
            }
        }
        return all.toString();
    }

    @Test
    void twoIdentitiesSharingAnEmailEndOnOneRtUserAndTheirConversionShowsInTheReport() throws Exception {
        String run = ServerHarness.newRun();
        String igUser = "6541" + run + "71";
        String fbUser = "7010" + run + "71";
        String email = "people-it-" + run + "@example.com";
        String first = "people_first_" + run;
        String second = "people_second_" + run;
        String igThread = "instagram:dm:" + ServerHarness.IG_ACCOUNT + ":" + igUser;
        String fbThread = "messenger:dm:" + ServerHarness.PAGE + ":" + fbUser;
        long t0 = System.currentTimeMillis();

        // 1. the Instagram DM from a campaign link, no email yet: a ticket whose requestor is the social identity's user
        assertEquals(200, harness.postWebhook(dm("instagram", ServerHarness.IG_ACCOUNT, igUser, "ig-1-" + run,
                "Bonjour, le pack pro est dispo ?", "utm_source=instagram_bio&utm_medium=social&utm_campaign=" + first,
                t0)).statusCode());
        TicketRef igTicket = ticketFor(igThread);
        assertEquals(List.of("instagram." + igUser), requestors(igTicket));

        // 2. both identities give the same email at the same time (the Messenger one from another campaign, later)
        CompletableFuture<Integer> ig = CompletableFuture.supplyAsync(() -> post(dm("instagram", ServerHarness.IG_ACCOUNT,
                igUser, "ig-2-" + run, "Mon email : " + email, null, t0 + 2000)));
        CompletableFuture<Integer> fb = CompletableFuture.supplyAsync(() -> post(dm("page", ServerHarness.PAGE, fbUser,
                "fb-1-" + run, "Bonjour, c'est " + email.toUpperCase() + " pour le devis", "utm_source=messenger_ad&utm_campaign="
                        + second, t0 + 4000)));
        assertEquals(200, ig.get());
        assertEquals(200, fb.get());
        TicketRef fbTicket = ticketFor(fbThread);
        ServerHarness.await("one email user, requestor of both tickets", WAIT,
                () -> requestors(igTicket).equals(List.of(email)) && requestors(fbTicket).equals(List.of(email)));
        JsonNode user = RtTestSupport.post("/users?per_page=5", List.of(Map.of("field", "EmailAddress", "value", email)));
        assertEquals(1, user.path("total").asInt(), "one RT user has the address");

        // the contact carries the person's first and last touch
        try {
            ServerHarness.await("the contact's touches", WAIT,
                    () -> userField(email, "contact_last_touch").startsWith("messenger:ref:" + second));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": contact_last_touch '" + userField(email, "contact_last_touch")
                    + "', contact_first_touch '" + userField(email, "contact_first_touch") + "', requestors "
                    + requestors(igTicket) + " / " + requestors(fbTicket), e);
        }
        assertTrue(userField(email, "contact_first_touch").startsWith("instagram:ref:" + first), userField(email, "contact_first_touch"));
        assertEquals(email, rt.readFields(fbTicket).get("contact_email"));

        // 3. the person's touches, by email
        HttpResponse<String> touches = harness.get("admin/people/touches?email=" + email, true);
        assertEquals(200, touches.statusCode(), touches.body());
        JsonNode h = Json.MAPPER.readTree(touches.body());
        assertEquals(List.of("instagram:" + igUser, "messenger:" + fbUser),
                sorted(h.path("identities")));
        List<String> campaigns = new ArrayList<>();
        h.path("touches").forEach(t -> campaigns.add(t.path("touch").path("campaign").asText()));
        assertEquals(List.of(first, second), campaigns);
        assertEquals(first, h.path("first_touch").path("touch").path("campaign").asText());
        assertEquals(second, h.path("last_touch").path("touch").path("campaign").asText());

        // the rep's searches of docs/attribution.md, on this run's labels
        String hot = descriptor.queue("hot_leads").orElseThrow().label();
        dev.socialbridge.host.rt.RtClient rep = RtTestSupport.agent("people-rep");
        rep.put("/ticket/" + igTicket.id(), Map.of("Owner", "people-rep"));
        List<String> mine = new ArrayList<>();
        rep.get("/tickets?per_page=50&query=" + java.net.URLEncoder.encode("Queue = '" + hot
                + "' AND Owner = '__CurrentUser__' AND Status = '__Active__'", java.nio.charset.StandardCharsets.UTF_8))
                .path("items").forEach(t -> mine.add(t.path("id").asText()));
        assertTrue(mine.contains(igTicket.id()) && !mine.contains(fbTicket.id()), "my hot leads: " + mine);
        assertEquals(List.of(fbTicket.id()), search("Queue = '" + hot + "' AND Owner = 'Nobody' AND Status = '__Active__'"
                + " AND CF.{" + label("thread_key") + "} LIKE '" + run + "'"), "hot leads nobody has taken (of this run)");
        assertEquals(List.of(igTicket.id()), search("CF.{" + label("first_touch_source") + "} LIKE ':" + first
                + "' AND Status = '__Active__'"), "leads whose first touch is campaign X");
        assertEquals(List.of(fbTicket.id()), search("CF.{" + label("campaign_tag") + "} = '" + second + "'"),
                "leads whose latest campaign is X");
        assertEquals(List.of(igTicket.id(), fbTicket.id()), search("Requestor.EmailAddress = '" + email + "'"),
                "every ticket of the person");

        // 4. a conversion with that email: on both tickets, and in the report under the first-touch campaign
        HttpResponse<String> conversion = ServerHarness.HTTP.send(HttpRequest.newBuilder(harness.base.resolve("conversions"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer it-shop-token-0123456789")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"order-" + run + "\",\"value\":129,\"currency\":\"EUR\","
                        + "\"email\":\"" + email + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, conversion.statusCode(), conversion.body());
        assertEquals("attributed", Json.MAPPER.readTree(conversion.body()).path("status").asText());
        ServerHarness.await("the conversion note", WAIT, () -> comments(igTicket).contains("Conversion: 129.00 EUR (order order-"
                + run + "), first touch instagram:ref:" + first));
        ServerHarness.await("the conversion value", WAIT, () -> "129.00 EUR".equals(rt.readFields(fbTicket).get("conversion_value")));
        assertEquals(List.of(igTicket.id(), fbTicket.id()), search("CF.{" + label("conversion_value") + "} IS NOT NULL"
                + " AND Requestor.EmailAddress = '" + email + "'"), "leads that converted");
        HttpResponse<String> report = harness.get("admin/reports/attribution?group=campaign&model=first", true);
        assertEquals(200, report.statusCode(), report.body());
        JsonNode row = null;
        for (JsonNode g : Json.MAPPER.readTree(report.body()).path("groups")) {
            if (g.path("group").asText().equals(first)) {
                row = g;
            }
        }
        assertTrue(row != null, report.body());
        assertEquals(0, new java.math.BigDecimal("129").compareTo(row.path("revenue").path("EUR").decimalValue()), report.body());
        assertEquals(1, row.path("conversions").asInt());
        assertEquals(1, row.path("hot_leads").asInt(), report.body());
    }

    private static String label(String key) {
        return descriptor.field(key).orElseThrow().label();
    }

    /** Ids of the tickets a TicketSQL query finds, oldest first. */
    private static List<String> search(String ticketSql) {
        List<String> ids = new ArrayList<>();
        RtTestSupport.get("/tickets?per_page=50&orderby=id&order=ASC&query="
                + java.net.URLEncoder.encode(ticketSql, java.nio.charset.StandardCharsets.UTF_8))
                .path("items").forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }

    private static List<String> sorted(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        out.sort(null);
        return out;
    }

    private static int post(String body) {
        try {
            return harness.postWebhook(body).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
