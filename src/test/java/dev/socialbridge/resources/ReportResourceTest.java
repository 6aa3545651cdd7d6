package dev.socialbridge.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.config.Secret;
import dev.socialbridge.errors.ApiExceptionMapper;
import dev.socialbridge.errors.CatchAllExceptionMapper;
import dev.socialbridge.errors.WebApplicationExceptionMapper;
import dev.socialbridge.host.spi.HostSessions;
import dev.socialbridge.kpi.KpiStore;
import dev.socialbridge.people.AttributionReportStore;
import dev.socialbridge.pipeline.ModerationStore;
import dev.socialbridge.report.ReportCharts;
import dev.socialbridge.report.ReportFixtures;
import dev.socialbridge.report.ReportPage;
import dev.socialbridge.store.Database;
import dev.socialbridge.store.TestStores;
import dev.socialbridge.support.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The report page over HTTP with the server's admin filter: the page and its cards in English and French, the CSP,
 * each chart's CSV and JSON, the static files, and who gets in (bearer token, the sign-in form's cookie, a host
 * session of an allowed, a refused and an unknown user), with a 401 JSON for API clients and the sign-in page for
 * browsers.
 */
class ReportResourceTest {
    private static final String TOKEN = "report-admin-token-0123456789";
    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private Database db;
    private HttpServer server;
    private URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final AtomicInteger hostCalls = new AtomicInteger();

    /** A host whose sessions are "RT_SID_x.80=good" (alice, allowed), "...=sales" (bob, other group), others none. */
    private final HostSessions host = new HostSessions() {
        @Override
        public boolean isSessionCookie(String name) {
            return name.startsWith("RT_SID_");
        }

        @Override
        public Optional<SessionUser> user(Map<String, String> cookies) {
            hostCalls.incrementAndGet();
            String v = cookies.get("RT_SID_x.80");
            if ("good".equals(v)) {
                return Optional.of(new SessionUser("alice", true, false, Set.of("Social Support", "Staff")));
            }
            if ("other".equals(v)) {
                return Optional.of(new SessionUser("bob", true, false, Set.of("Staff")));
            }
            if ("customer".equals(v)) {
                return Optional.of(new SessionUser("carol", false, false, Set.of("Social Support")));
            }
            if ("root".equals(v)) {
                return Optional.of(new SessionUser("root", true, true, Set.of()));
            }
            return Optional.empty();
        }
    };

    @BeforeEach
    void start() {
        db = TestStores.open("report-resource");
        ReportFixtures.seed(db);
        Clock clock = Clock.fixed(ReportFixtures.NOW, ZoneOffset.UTC);
        ReportPage page = new ReportPage("test", AssetsResource.CHART_JS_PATH);
        ReportAccess access = new ReportAccess(new Secret(TOKEN), host,
                List.of("Social Admins", "Social Sales", "Social Support"), clock);
        ResourceConfig rc = new ResourceConfig()
                .register(JacksonFeature.class)
                .register(new KpiResourceTest.Mapper())
                .register(ApiExceptionMapper.class)
                .register(WebApplicationExceptionMapper.class)
                .register(CatchAllExceptionMapper.class)
                .register(new AdminAuthFilter(new Secret(TOKEN), access, page))
                .register(new ReportResource(new ReportCharts(new KpiStore(db), new AttributionReportStore(db),
                        new ModerationStore(db)), page, access, clock))
                .register(new AssetsResource())
                .register(new KpiResource(new KpiStore(db), clock))
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), rc, true);
        base = URI.create("http://127.0.0.1:" + server.getListeners().iterator().next().getPort() + "/");
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
        db.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> admin(String path, String... headers) throws Exception {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Authorization";
        all[headers.length + 1] = "Bearer " + TOKEN;
        return get(path, all);
    }

    @Test
    void thePageHasACardPerChartWithItsDataCsvLinkAndEmptyState() throws Exception {
        HttpResponse<String> r = admin("admin/reports?days=7");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.startsWith("default-src 'self'"), csp);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
        String html = r.body();
        assertFalse(html.contains("<script>") || html.contains("style=") || html.matches("(?s).*\\son[a-z]+=.*"),
                "no inline code");
        for (String id : ReportCharts.IDS) {
            assertTrue(html.contains("id=\"card-" + id + "\" data-chart-card=\"" + id + "\""), id);
            assertTrue(html.contains("id=\"csv-" + id + "\" href=\"/admin/reports/" + id + ".csv?days=7&amp;lang=en\""), id);
            assertTrue(html.contains("id=\"chart-" + id + "\" data-chart=\"" + id + "\""), id + " has data");
        }
        assertTrue(html.contains("<script src=\"/assets/chart.js/4.4.1/chart.umd.js\"></script>"));
        assertTrue(html.contains("<html lang=\"en\">") && html.contains("First response time"));
        assertTrue(html.contains("id=\"range-7\" data-days=\"7\" href=\"?days=7&amp;lang=en\" aria-current=\"page\""));
        assertTrue(html.contains("Signed in as admin"));

        db.inTransaction(c -> {
            c.createStatement().executeUpdate("DELETE FROM moderation_action");
            return null;
        });
        String emptyModeration = admin("admin/reports?days=7").body();
        assertTrue(emptyModeration.contains("<p class=\"empty\" id=\"empty-moderation\" data-empty=\"true\">No data yet"
                + " for this period.</p>"), emptyModeration);
        assertFalse(emptyModeration.contains("id=\"chart-moderation\""));
    }

    @Test
    void frenchByParameterOrAcceptLanguage() throws Exception {
        String fr = admin("admin/reports?days=7", "Accept-Language", "fr-CA,fr;q=0.9,en;q=0.8").body();
        assertTrue(fr.contains("<html lang=\"fr\">") && fr.contains("Délai de première réponse"), fr);
        assertTrue(fr.contains("Pas encore") || fr.contains("Médiane"));
        String en = admin("admin/reports?days=7&lang=en", "Accept-Language", "fr").body();
        assertTrue(en.contains("<html lang=\"en\">"));
        String de = admin("admin/reports", "Accept-Language", "de-DE,de;q=0.9").body();
        assertTrue(de.contains("<html lang=\"en\">"), "neither French nor English: English");
        JsonNode json = Json.MAPPER.readTree(admin("admin/reports/frt.json?days=7&lang=fr").body());
        assertEquals("Médiane", json.at("/series/0/label").asText());
    }

    @Test
    void csvAndJsonAreThePlottedSeries() throws Exception {
        HttpResponse<String> csv = admin("admin/reports/frt.csv?days=7");
        assertEquals(200, csv.statusCode());
        assertEquals("text/csv;charset=utf-8", csv.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
        assertEquals("attachment; filename=\"frt-7d.csv\"", csv.headers().firstValue("Content-Disposition").orElseThrow());
        assertEquals("day,median_seconds,p90_seconds\r\n2026-11-14,,\r\n2026-11-15,,\r\n2026-11-16,,\r\n2026-11-17,,\r\n"
                + "2026-11-18,60,300\r\n2026-11-19,120,120\r\n2026-11-20,,\r\n", csv.body());
        JsonNode json = Json.MAPPER.readTree(admin("admin/reports/moderation.json?days=7").body());
        assertEquals("moderation", json.get("chart").asText());
        assertEquals(7, json.get("labels").size());
        assertEquals(0.25, json.at("/series/0/values/4").asDouble());
        assertTrue(json.at("/series/0/values/0").isNull());
        assertTrue(json.at("/series/1/reference").asBoolean());
        assertEquals(2, json.get("points").asInt());
        assertFalse(json.get("empty").asBoolean());
        assertEquals(404, admin("admin/reports/revenue.csv").statusCode());
        HttpResponse<String> bad = admin("admin/reports/frt.csv?days=14");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("days: '14' is not one of 7, 30, 90"), bad.body());
    }

    @Test
    void staticFilesAreServedWithoutTokenAndChartJsIsCachedLong() throws Exception {
        HttpResponse<String> chartJs = get("assets/chart.js/4.4.1/chart.umd.js");
        assertEquals(200, chartJs.statusCode());
        assertTrue(chartJs.body().contains("Chart.js v4.4.1"), "the webjar's file");
        assertEquals("public, max-age=31536000, immutable", chartJs.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(chartJs.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertEquals(404, get("assets/chart.js/4.4.0/chart.umd.js").statusCode());
        HttpResponse<String> js = get("assets/reports/reports.js");
        assertEquals(200, js.statusCode());
        assertTrue(js.body().contains("data-rendered"));
        assertEquals(200, get("assets/reports/reports.css").statusCode());
        assertEquals(404, get("assets/reports/..%2Fapplication.properties").statusCode());
    }

    @Test
    void withoutCredentialsApiClientsGet401JsonAndBrowsersTheSignInPage() throws Exception {
        HttpResponse<String> api = get("admin/reports/frt.json");
        assertEquals(401, api.statusCode());
        assertTrue(api.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertTrue(Json.MAPPER.readTree(api.body()).get("message").asText().contains("Bearer"));
        HttpResponse<String> browser = get("admin/reports?lang=fr", "Accept", HTML);
        assertEquals(401, browser.statusCode());
        assertTrue(browser.body().contains("id=\"token-form\" method=\"post\" action=\"/admin/reports/login\""));
        assertTrue(browser.body().contains("Social Admins, Social Sales, Social Support"));
        assertTrue(browser.body().contains("Connexion aux rapports"));
        assertTrue(browser.headers().firstValue("Content-Security-Policy").isPresent());
        assertEquals(401, get("admin/reports", "Authorization", "Bearer wrong-token-0123456789").statusCode());
        assertEquals(401, get("admin/kpis", "Cookie", "RT_SID_x.80=good").statusCode(), "other /admin paths: token only");
        assertEquals(401, get("admin/reports/attribution", "Cookie", "RT_SID_x.80=good").statusCode());
    }

    @Test
    void theSignInFormSetsAStrictHttpOnlyCookieThatOpensThePage() throws Exception {
        HttpResponse<String> wrong = post("admin/reports/login", "token=nope&lang=en&days=7");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("This is not the admin token."));
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());

        HttpResponse<String> ok = post("admin/reports/login", "token=" + TOKEN + "&lang=fr&days=90");
        assertEquals(303, ok.statusCode());
        assertTrue(ok.headers().firstValue("Location").orElseThrow().endsWith("/admin/reports?days=90&lang=fr"));
        assertFalse(ok.headers().firstValue("Location").orElseThrow().contains(TOKEN));
        String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.matches("sb_reports=\\d+\\.[A-Za-z0-9_-]+; Path=/admin/reports; Max-Age=28800; HttpOnly;"
                + " SameSite=Strict"), setCookie);
        assertFalse(setCookie.contains(TOKEN));
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        HttpResponse<String> page = get("admin/reports?lang=fr", "Cookie", cookie, "Accept", HTML);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"sign-out\""));
        assertEquals(200, get("admin/reports/sla.csv", "Cookie", cookie).statusCode());
        String forged = cookie.substring(0, cookie.length() - 2) + "xx";
        assertEquals(401, get("admin/reports", "Cookie", forged).statusCode());
        String longer = "sb_reports=9999999999" + cookie.substring(cookie.indexOf('.'));
        assertEquals(401, get("admin/reports", "Cookie", longer).statusCode(), "the expiry is signed");

        HttpResponse<String> out = post("admin/reports/logout", "lang=fr");
        assertEquals(303, out.statusCode());
        assertTrue(out.headers().firstValue("Set-Cookie").orElseThrow().startsWith("sb_reports=; Path=/admin/reports; Max-Age=0"));
    }

    @Test
    void anRtSessionOfAnAllowedUserOpensThePageAndIsAskedOncePerMinute() throws Exception {
        HttpResponse<String> page = get("admin/reports?days=7", "Cookie", "theme=dark; RT_SID_x.80=good", "Accept", HTML);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("Signed in as alice"));
        assertFalse(page.body().contains("id=\"sign-out\""));
        assertEquals(200, get("admin/reports/frt.json", "Cookie", "RT_SID_x.80=good").statusCode());
        assertEquals(1, hostCalls.get(), "the positive answer is cached");
        assertEquals(200, get("admin/reports", "Cookie", "RT_SID_x.80=root").statusCode(), "SuperUser");

        HttpResponse<String> other = get("admin/reports", "Cookie", "RT_SID_x.80=other", "Accept", HTML);
        assertEquals(403, other.statusCode());
        assertTrue(other.body().contains("Your RT user bob may not see these reports"), other.body());
        HttpResponse<String> otherApi = get("admin/reports/frt.json", "Cookie", "RT_SID_x.80=other");
        assertEquals(403, otherApi.statusCode());
        assertEquals(403, get("admin/reports", "Cookie", "RT_SID_x.80=customer").statusCode(), "unprivileged");
        assertEquals(401, get("admin/reports", "Cookie", "RT_SID_x.80=expired").statusCode());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
