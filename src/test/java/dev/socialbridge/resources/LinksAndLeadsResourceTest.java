package dev.socialbridge.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.attribution.UtmParameters;
import dev.socialbridge.config.Secret;
import dev.socialbridge.errors.ApiExceptionMapper;
import dev.socialbridge.errors.CatchAllExceptionMapper;
import dev.socialbridge.errors.JsonParseExceptionMapper;
import dev.socialbridge.errors.ValidationExceptionMapper;
import dev.socialbridge.errors.WebApplicationExceptionMapper;
import dev.socialbridge.links.AllowedDomains;
import dev.socialbridge.links.LeadStore;
import dev.socialbridge.links.LinkStore;
import dev.socialbridge.links.Links;
import dev.socialbridge.links.RateLimiter;
import dev.socialbridge.links.TrackedLink;
import dev.socialbridge.store.Database;
import dev.socialbridge.support.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /r/{code}, /admin/links and /leads over HTTP, with the server's error mappers, admin filter and CORS filter. */
class LinksAndLeadsResourceTest {
    private static final String TOKEN = "links-admin-token-0123456789";
    private static final String SITE = "https://shop.example.com";
    private static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/120.0 Safari/537.36";

    private Database db;
    private HttpServer server;
    private URI base;
    private LinkStore links;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() {
        db = Database.open("jdbc:h2:mem:links-resource-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", null, null, 2);
        serve(1000);
    }

    private void serve(int rateLimit) {
        if (server != null) {
            server.shutdownNow();
        }
        Clock clock = Clock.systemUTC();
        links = new LinkStore(db);
        ResourceConfig rc = new ResourceConfig()
                .register(JacksonFeature.class)
                .register(new KpiResourceTest.Mapper())
                .register(ApiExceptionMapper.class)
                .register(WebApplicationExceptionMapper.class)
                .register(ValidationExceptionMapper.class)
                .register(JsonParseExceptionMapper.class)
                .register(CatchAllExceptionMapper.class)
                .register(new AdminAuthFilter(new Secret(TOKEN)))
                .register(new RedirectResource(links, clock))
                .register(new LinkAdminResource(new Links(links, new AllowedDomains(List.of("shop.example.com", "ig.me")),
                        clock), "https://go.example.com"))
                .register(new LeadResource(new LeadStore(db, Duration.ofDays(1)), new RateLimiter(rateLimit, clock), db,
                        clock))
                .register(new LeadCorsFilter(List.of(SITE)))
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), rc, true);
        base = URI.create("http://127.0.0.1:" + server.getListeners().iterator().next().getPort() + "/");
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
        db.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path));
    }

    private HttpResponse<String> postJson(String path, String json, String... headers) throws Exception {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    private HttpResponse<String> postForm(String form, String... headers) throws Exception {
        HttpRequest.Builder b = request("leads").POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    private long count(String sql) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static List<String> fieldsOf(HttpResponse<String> r) throws Exception {
        List<String> fields = new ArrayList<>();
        Json.MAPPER.readTree(r.body()).path("details").forEach(d -> fields.add(d.path("field").asText()));
        return fields;
    }

    // --- links

    @Test
    void anAdminCreatesALinkThatRedirectsWithItsUtmAndCountsItsClicks() throws Exception {
        HttpResponse<String> created = postJson("admin/links", """
                {"target": "https://shop.example.com/offre?x=1#top", "campaign": "black_friday_2026",
                 "utm_source": "instagram", "utm_medium": "bio"}""", "Authorization", "Bearer " + TOKEN);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode link = Json.MAPPER.readTree(created.body());
        String code = link.path("code").asText();
        assertTrue(code.matches("[0-9A-Za-z]{10}"), code);
        assertEquals("https://go.example.com/r/" + code, link.path("url").asText());
        assertEquals("black_friday_2026", link.path("utm_campaign").asText(), "utm_campaign defaults to the campaign");

        HttpResponse<String> r = send(request("r/" + code).header("User-Agent", CHROME).GET());
        assertEquals(302, r.statusCode(), r.body());
        assertEquals("https://shop.example.com/offre?x=1&utm_source=instagram&utm_medium=bio"
                + "&utm_campaign=black_friday_2026#top", r.headers().firstValue("Location").orElseThrow());
        send(request("r/" + code + "?ref=story").header("User-Agent", "facebookexternalhit/1.1").GET());
        assertEquals(2, count("SELECT COUNT(*) FROM link_click WHERE code = '" + code + "'"));
        assertEquals(1, count("SELECT COUNT(*) FROM link_click WHERE ua_family = 'chrome' AND utm_source = 'instagram'"));
        assertEquals(1, count("SELECT COUNT(*) FROM link_click WHERE ua_family = 'bot' AND ref = 'story'"));
        assertEquals(0, count("SELECT COUNT(*) FROM inbox_item"), "a campaign link's click joins no thread");

        HttpResponse<String> list = send(request("admin/links").header("Authorization", "Bearer " + TOKEN).GET());
        assertEquals(200, list.statusCode());
        JsonNode first = Json.MAPPER.readTree(list.body()).get(0);
        assertEquals(code, first.path("code").asText());
        assertEquals(2, first.path("clicks").asLong());
    }

    @Test
    void aClickOnAThreadsLinkIsQueuedForThePipelineButABotsIsNot() throws Exception {
        TrackedLink minted = new TrackedLink("AbCdE12345", "https://shop.example.com/offre", "bf26",
                new UtmParameters("instagram", "social_dm", "bf26", null, null), null, "instagram",
                "instagram:dm:1:2", "template", Instant.now());
        db.inTransaction(c -> {
            links.mint(c, minted);
            links.mint(c, minted);
            return null;
        });
        send(request("r/AbCdE12345").header("User-Agent", "Twitterbot/1.0").GET());
        assertEquals(0, count("SELECT COUNT(*) FROM inbox_item"));
        HttpResponse<String> r = send(request("r/AbCdE12345").header("User-Agent", CHROME).GET());
        assertEquals(302, r.statusCode());
        assertEquals(1, count("SELECT COUNT(*) FROM inbox_item WHERE kind = 'link_click' AND status = 'PENDING'"
                + " AND thread_key = 'instagram:dm:1:2'"));
    }

    @Test
    void anUnknownOrMalformedCodeIs404Json() throws Exception {
        for (String path : List.of("r/Zz9Zz9Zz9Z", "r/short", "r/..%2F..%2Fetc")) {
            HttpResponse<String> r = send(request(path).GET());
            assertEquals(404, r.statusCode(), path);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
            assertEquals(404, Json.MAPPER.readTree(r.body()).path("code").asInt(), r.body());
        }
    }

    @Test
    void creatingALinkNeedsTheAdminTokenAndAnAllowedTarget() throws Exception {
        assertEquals(401, postJson("admin/links", "{\"target\": \"https://shop.example.com/\"}").statusCode());
        HttpResponse<String> evil = postJson("admin/links", "{\"target\": \"https://shop.example.com@evil.org/\"}",
                "Authorization", "Bearer " + TOKEN);
        assertEquals(422, evil.statusCode(), evil.body());
        assertEquals(List.of("target"), fieldsOf(evil));
        HttpResponse<String> elsewhere = postJson("admin/links", "{\"target\": \"https://evil.org/\"}",
                "Authorization", "Bearer " + TOKEN);
        assertEquals(422, elsewhere.statusCode());
        assertTrue(elsewhere.body().contains(AllowedDomains.SETTING), elsewhere.body());
        HttpResponse<String> fields = postJson("admin/links", "{\"campaign\": \"a,b\", \"channel\": \"Insta Gram\"}",
                "Authorization", "Bearer " + TOKEN);
        assertEquals(422, fields.statusCode());
        assertEquals(List.of("campaign", "channel", "target"), fieldsOf(fields));
        assertEquals(0, count("SELECT COUNT(*) FROM tracked_link"));
    }

    // --- leads

    private static final String LEAD = """
            {"name": "Léa Martin", "email": "lea@example.com", "phone": "+33 6 12 34 56 78", "consent": true,
             "message": "Le pack pro m'intéresse", "utm_source": "instagram", "utm_campaign": "black_friday_2026"}""";

    @Test
    void anInvalidLeadIs422NamingEachField() throws Exception {
        HttpResponse<String> r = postJson("leads", """
                {"email": "not-an-email", "phone": "12", "consent": false}""");
        assertEquals(422, r.statusCode(), r.body());
        assertEquals(List.of("consent", "email", "phone"), fieldsOf(r));
        assertEquals("invalid lead", Json.MAPPER.readTree(r.body()).path("message").asText());
        HttpResponse<String> form = postForm("name=L%C3%A9a&phone=%2B33612345678");
        assertEquals(422, form.statusCode(), form.body());
        assertEquals(List.of("consent", "email"), fieldsOf(form));
        assertEquals(0, count("SELECT COUNT(*) FROM lead_submission"));
        assertEquals(400, postJson("leads", "[1, 2]").statusCode());
    }

    @Test
    void aValidLeadIsStoredAndQueuedOnceAndADuplicateGetsTheSameLeadId() throws Exception {
        HttpResponse<String> first = postJson("leads", LEAD);
        assertEquals(202, first.statusCode(), first.body());
        String leadId = Json.MAPPER.readTree(first.body()).path("lead_id").asText();
        assertTrue(leadId.startsWith("lead-"), leadId);

        // the same email and campaign, by form this time: the same lead
        HttpResponse<String> again = postForm("email=LEA%40example.com&consent=on&utm_campaign=black_friday_2026");
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(leadId, Json.MAPPER.readTree(again.body()).path("lead_id").asText());
        assertEquals("duplicate", Json.MAPPER.readTree(again.body()).path("status").asText());
        // the same phone too
        HttpResponse<String> byPhone = postJson("leads", LEAD.replace("lea@example.com", "other@example.com"));
        assertEquals(leadId, Json.MAPPER.readTree(byPhone.body()).path("lead_id").asText());
        assertEquals(1, count("SELECT COUNT(*) FROM lead_submission"));
        assertEquals(1, count("SELECT COUNT(*) FROM inbox_item WHERE kind = 'lead_form' AND dedupe_key = '" + leadId + "'"));

        // another campaign is another lead
        HttpResponse<String> other = postJson("leads", LEAD.replace("black_friday_2026", "noel_2026"));
        assertEquals(202, other.statusCode());
        assertNotEquals(leadId, Json.MAPPER.readTree(other.body()).path("lead_id").asText());
    }

    @Test
    void theSameIdempotencyKeyIsTheSameLead() throws Exception {
        HttpResponse<String> first = postJson("leads", LEAD, "Idempotency-Key", "form-42");
        HttpResponse<String> retry = postJson("leads", LEAD.replace("black_friday_2026", "other"),
                "Idempotency-Key", "form-42");
        assertEquals(202, first.statusCode());
        assertEquals(200, retry.statusCode());
        assertEquals(Json.MAPPER.readTree(first.body()).path("lead_id"), Json.MAPPER.readTree(retry.body()).path("lead_id"));
    }

    @Test
    void aFilledHoneypotIsAnsweredAsAcceptedDroppedAndAudited() throws Exception {
        HttpResponse<String> r = postForm("email=bot%40spam.example&consent=on&website=http%3A%2F%2Fspam.example");
        assertEquals(202, r.statusCode(), r.body());
        assertEquals("accepted", Json.MAPPER.readTree(r.body()).path("status").asText());
        assertEquals(0, count("SELECT COUNT(*) FROM lead_submission"));
        assertEquals(0, count("SELECT COUNT(*) FROM inbox_item"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_record WHERE action = 'lead_form' AND outcome = 'dropped'"));
    }

    @Test
    void tooManySubmissionsFromOneAddressAre429WithRetryAfter() throws Exception {
        serve(2);
        assertEquals(422, postJson("leads", "{}").statusCode());
        assertEquals(422, postJson("leads", "{}").statusCode());
        HttpResponse<String> r = postJson("leads", LEAD);
        assertEquals(429, r.statusCode(), r.body());
        long retry = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retry >= 1 && retry <= 60, "Retry-After " + retry);
        assertEquals(429, Json.MAPPER.readTree(r.body()).path("code").asInt());
        assertEquals(0, count("SELECT COUNT(*) FROM lead_submission"));
    }

    @Test
    void corsAnswersPreflightsAndPostsOfAllowedOriginsOnly() throws Exception {
        HttpResponse<String> preflight = send(request("leads").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", SITE).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type"));
        assertEquals(204, preflight.statusCode());
        assertEquals(SITE, preflight.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow().contains("POST"));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().contains("Content-Type"));

        HttpResponse<String> evilPreflight = send(request("leads").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST"));
        assertEquals(403, evilPreflight.statusCode());
        assertFalse(evilPreflight.headers().firstValue("Access-Control-Allow-Origin").isPresent());

        HttpResponse<String> allowed = postJson("leads", "{}", "Origin", SITE);
        assertEquals(422, allowed.statusCode());
        assertEquals(SITE, allowed.headers().firstValue("Access-Control-Allow-Origin").orElseThrow(),
                "errors are readable by the page too");
        HttpResponse<String> evil = postJson("leads", LEAD, "Origin", "https://evil.example");
        assertEquals(403, evil.statusCode());
        assertTrue(evil.body().contains("socialbridge.leads.allowed-origins"), evil.body());
        assertEquals(0, count("SELECT COUNT(*) FROM lead_submission"));
    }
}
