package dev.socialbridge.app;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.host.rt.RtTestSupport;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.TicketRef;
import dev.socialbridge.support.Json;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tracked links and the lead form end to end, live RT and WireMock for the Graph API: an admin's campaign link to
 * ig.me redirects with its UTM and its code as ref, a DM carrying that ref makes a ticket whose first touch and
 * campaign are the link's; the {@code {link}} of the automated reply is a working {@code /r/} URL whose click becomes
 * the thread's last touch; an invalid lead form is 422 naming its fields, a valid one makes one RT ticket whose
 * requestor is the email given, and its duplicate no second one.
 */
class TrackedLinksIT {
    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("test-fixtures/wiremock/meta")).build();

    static final Duration WAIT = Duration.ofSeconds(40);
    static final String PUBLIC_BASE = "https://go.example.com";
    static final String LANDING = "https://shop.example.com/offre?src=dm";
    static final String CAMPAIGN = "bio_link_2026";
    static Descriptor descriptor;
    static ServerHarness harness;
    static HostAdapter rt;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("sb-links");
        Path rules = Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - id: bio-link-offer
                    when:
                      campaignTag: [bio_link_2026]
                    then:
                      - dm: bio-offer
                      - escalate: hot_leads
                        reason: bio link campaign
                """);
        Path templates = Files.writeString(dir.resolve("templates.yaml"), """
                templates:
                  bio-offer:
                    fr:
                      answer: ["Voici l'offre du moment : {link}", "Un conseiller vous envoie l'offre."]
                    en:
                      answer: ["Here is the offer: {link}", "Someone will send you the offer."]
                """);
        descriptor = RtTestSupport.installedDescriptor();
        harness = ServerHarness.start(descriptor, RtTestSupport.rtUrl(), RtTestSupport.rtToken(),
                "http://127.0.0.1:" + graph.getPort(), Map.of(
                        "socialbridge.automation.rules-file", rules.toString(),
                        "socialbridge.automation.templates-file", templates.toString(),
                        "socialbridge.automation.disclosure", "false",
                        "socialbridge.links.allowed-domains", "ig.me,m.me,shop.example.com",
                        "socialbridge.links.base-url", PUBLIC_BASE,
                        "socialbridge.links.landing-url", LANDING));
        rt = RtTestSupport.adapter(descriptor);
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private static HttpResponse<String> post(String path, String contentType, String body, boolean admin)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(harness.base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
        if (admin) {
            b.header("Authorization", "Bearer " + ServerHarness.ADMIN_TOKEN);
        }
        return ServerHarness.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET /r/<code>} as a phone's browser, not following the redirect. */
    private static HttpResponse<String> click(String code) throws Exception {
        return ServerHarness.HTTP.send(HttpRequest.newBuilder(harness.base.resolve("r/" + code)).GET()
                .header("User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
                        + "(KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static TicketRef ticketFor(String thread) throws InterruptedException {
        ServerHarness.await("ticket for " + thread, WAIT, () -> rt.findTicketByThread(thread).isPresent());
        return rt.findTicketByThread(thread).orElseThrow();
    }

    /** The DMs sent to {@code customer} through the Graph API. */
    private static List<String> dmsTo(String customer) {
        List<String> out = new ArrayList<>();
        graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + ServerHarness.PAGE + "/messages"))).stream()
                .map(r -> r.getBodyAsString()).filter(b -> b.contains("\"id\":\"" + customer + "\"")).forEach(out::add);
        return out;
    }

    @Test
    void aCampaignLinkNamesTheFirstTouchOfTheDmItOpensAndTheRepliesLinkClickIsTheLastTouch() throws Exception {
        String run = ServerHarness.newRun();
        // 1. an admin creates the Instagram bio link to ig.me
        HttpResponse<String> created = post("admin/links", "application/json", """
                {"target": "https://ig.me/m/brand", "campaign": "%s", "utm_source": "instagram",
                 "utm_medium": "bio", "utm_content": "run%s", "channel": "instagram"}""".formatted(CAMPAIGN, run), true);
        assertEquals(201, created.statusCode(), created.body());
        String code = Json.MAPPER.readTree(created.body()).path("code").asText();
        assertEquals(PUBLIC_BASE + "/r/" + code, Json.MAPPER.readTree(created.body()).path("url").asText());

        // 2. a visitor clicks it: 302 to ig.me with the UTM parameters and the code as ref
        HttpResponse<String> redirect = click(code);
        assertEquals(302, redirect.statusCode(), redirect.body());
        assertEquals("https://ig.me/m/brand?utm_source=instagram&utm_medium=bio&utm_campaign=" + CAMPAIGN
                + "&utm_content=run" + run + "&ref=" + code, redirect.headers().firstValue("Location").orElseThrow());

        // 3. the conversation it opens carries the ref: the ticket's first touch and campaign are the link's
        ObjectNode dm = (ObjectNode) Json.MAPPER.readTree(ServerHarness.fixture("ig-dm-referral.json", run));
        ObjectNode message = (ObjectNode) dm.path("entry").path(0).path("messaging").path(0).path("message");
        message.putObject("referral").put("ref", code).put("source", "IGME_SOURCE_LINK").put("type", "OPEN_THREAD");
        message.put("text", "Bonjour, je viens de votre bio, l'offre est encore valable ?");
        assertEquals(200, harness.postWebhook(Json.MAPPER.writeValueAsString(dm)).statusCode());
        String customer = "6541" + run + "00031";
        String thread = "instagram:dm:" + ServerHarness.IG_ACCOUNT + ":" + customer;
        TicketRef t = ticketFor(thread);
        Map<String, String> f = rt.readFields(t);
        assertEquals("instagram:ref:" + CAMPAIGN, f.get("first_touch_source"));
        assertEquals(CAMPAIGN, f.get("campaign_tag"));
        assertEquals("instagram", f.get("utm_source"));
        assertEquals("bio", f.get("utm_medium"));
        assertEquals(CAMPAIGN, f.get("utm_campaign"));
        assertEquals("run" + run, f.get("utm_content"));
        assertEquals(code, f.get("ref"), "the raw ref is the code");
        String firstTouchAt = f.get("first_touch_at");

        // 4. the campaign rule replied with {link}: a /r/ URL of this thread, tagged social_dm
        ServerHarness.await("the reply with its link", WAIT, () -> dmsTo(customer).stream()
                .anyMatch(b -> b.contains(PUBLIC_BASE + "/r/")));
        String reply = dmsTo(customer).stream().filter(b -> b.contains(PUBLIC_BASE + "/r/")).findFirst().orElseThrow();
        Matcher m = Pattern.compile(Pattern.quote(PUBLIC_BASE) + "/r/([0-9A-Za-z]{10})").matcher(reply);
        assertTrue(m.find(), reply);
        String minted = m.group(1);
        HttpResponse<String> landing = click(minted);
        assertEquals(302, landing.statusCode(), landing.body());
        assertEquals("https://shop.example.com/offre?src=dm&utm_source=instagram&utm_medium=social_dm&utm_campaign="
                + CAMPAIGN, landing.headers().firstValue("Location").orElseThrow());

        // 5. that click joins the thread: its last touch, first touch unchanged
        ServerHarness.await("the click as last touch", WAIT,
                () -> ("instagram:link:" + CAMPAIGN).equals(rt.readFields(t).get("last_touch_source")));
        f = rt.readFields(t);
        assertEquals("social_dm", f.get("utm_medium"));
        assertEquals(minted, f.get("ref"));
        assertEquals(null, f.get("utm_content"), "the previous touch's parameters are cleared");
        assertEquals("instagram:ref:" + CAMPAIGN, f.get("first_touch_source"));
        assertEquals(firstTouchAt, f.get("first_touch_at"));

        // the admin list counts both links' clicks
        JsonNode links = Json.MAPPER.readTree(harness.get("admin/links?minted=true", true).body());
        Optional<JsonNode> listed = java.util.stream.StreamSupport.stream(links.spliterator(), false)
                .filter(l -> code.equals(l.path("code").asText())).findFirst();
        assertEquals(1, listed.orElseThrow().path("clicks").asLong());
    }

    @Test
    void anInvalidLeadIs422AndAValidOneMakesOneTicketWhoseRequestorIsItsEmail() throws Exception {
        String run = ServerHarness.newRun();
        String email = "lead-" + run + "@example.com";
        HttpResponse<String> invalid = post("leads", "application/json",
                "{\"email\": \"lead-" + run + "\", \"phone\": \"12\"}", false);
        assertEquals(422, invalid.statusCode(), invalid.body());
        List<String> fields = new ArrayList<>();
        Json.MAPPER.readTree(invalid.body()).path("details").forEach(d -> fields.add(d.path("field").asText()));
        assertEquals(List.of("consent", "email", "phone"), fields);

        String form = "name=" + enc("Léa Martin") + "&email=" + enc(email) + "&phone=" + enc("+33 6 12 34 56 78")
                + "&consent=on&message=" + enc("Je veux un devis pour 3 packs pro") + "&utm_source=instagram"
                + "&utm_medium=social&utm_campaign=form_" + run;
        HttpResponse<String> accepted = post("leads", "application/x-www-form-urlencoded", form, false);
        assertEquals(202, accepted.statusCode(), accepted.body());
        String leadId = Json.MAPPER.readTree(accepted.body()).path("lead_id").asText();
        HttpResponse<String> duplicate = post("leads", "application/x-www-form-urlencoded", form, false);
        assertEquals(200, duplicate.statusCode(), duplicate.body());
        assertEquals(leadId, Json.MAPPER.readTree(duplicate.body()).path("lead_id").asText());

        TicketRef t = ticketFor("lead:" + leadId);
        JsonNode ticket = RtTestSupport.get("/ticket/" + t.id());
        JsonNode queue = RtTestSupport.get("/queue/" + ticket.path("Queue").path("id").asText());
        assertEquals(descriptor.queue("hot_leads").orElseThrow().label(), queue.path("Name").asText());
        JsonNode requestor = RtTestSupport.get("/user/" + ticket.path("Requestor").path(0).path("id").asText());
        assertEquals(email, requestor.path("EmailAddress").asText());
        Map<String, String> f = rt.readFields(t);
        assertEquals("form_" + run, f.get("campaign_tag"));
        assertEquals("instagram", f.get("utm_source"));
        assertEquals("form_" + run, f.get("utm_campaign"));
        assertEquals("web:form:form_" + run, f.get("first_touch_source"));
        assertEquals("web:form:form_" + run, f.get("last_touch_source"));

        Thread.sleep(2000);
        JsonNode tickets = RtTestSupport.get("/tickets?query=" + enc("Requestor.EmailAddress = '" + email + "'"));
        assertEquals(1, tickets.path("count").asInt(), tickets.toString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
