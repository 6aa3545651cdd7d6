package dev.socialbridge.resources;

import dev.socialbridge.store.TestStores;
import dev.socialbridge.inbox.InboxStore;
import dev.socialbridge.inbox.JournalPosition;
import dev.socialbridge.inbox.WebhookJournal;
import dev.socialbridge.outbox.OutboxCommand;
import dev.socialbridge.outbox.OutboxStore;
import dev.socialbridge.telemetry.StoreGauges;
import dev.socialbridge.telemetry.Telemetry;
import java.nio.file.Files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialbridge.config.Secret;
import dev.socialbridge.errors.ApiExceptionMapper;
import dev.socialbridge.errors.CatchAllExceptionMapper;
import dev.socialbridge.errors.JsonParseExceptionMapper;
import dev.socialbridge.errors.ValidationExceptionMapper;
import dev.socialbridge.errors.WebApplicationExceptionMapper;
import dev.socialbridge.kpi.KpiStore;
import dev.socialbridge.kpi.MetricsStore;
import dev.socialbridge.store.Database;
import dev.socialbridge.support.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /admin/kpis and /metrics over HTTP, with the server's error mappers and admin filter. */
class KpiResourceTest {
    private static final String TOKEN = "kpi-admin-token-0123456789";
    private static final Instant NOW = Instant.parse("2026-11-08T00:00:00Z");

    private Database db;
    private WebhookJournal journal;
    private final Telemetry telemetry = new Telemetry();
    private HttpServer server;
    private URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** The shared mapper, as the server's JacksonConfig provides it. */
    public static final class Mapper implements ContextResolver<ObjectMapper> {
        @Override
        public ObjectMapper getContext(Class<?> type) {
            return Json.MAPPER;
        }
    }

    @BeforeEach
    void start() throws Exception {
        db = TestStores.open("kpi-resource");
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO social_thread (thread_key, platform, account_id,"
                    + " author_id, queue_key, ticket_id, first_message_at, last_message_at, first_human_response_at)"
                    + " VALUES ('t1', 'instagram', 'acct', 'author', 'social-support', '1', ?, ?, ?)")) {
                Instant first = NOW.minusSeconds(86_400);
                ps.setTimestamp(1, Database.ts(first));
                ps.setTimestamp(2, Database.ts(first));
                ps.setTimestamp(3, Database.ts(first.plusSeconds(90)));
                ps.executeUpdate();
            }
            return null;
        });
        journal = WebhookJournal.open(Files.createTempDirectory("kpi-journal"), false, 64);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ResourceConfig rc = new ResourceConfig()
                .register(JacksonFeature.class)
                .register(new Mapper())
                .register(ApiExceptionMapper.class)
                .register(WebApplicationExceptionMapper.class)
                .register(ValidationExceptionMapper.class)
                .register(JsonParseExceptionMapper.class)
                .register(CatchAllExceptionMapper.class)
                .register(new AdminAuthFilter(new Secret(TOKEN)))
                .register(new KpiResource(new KpiStore(db), clock))
                .register(new MetricsResource(new MetricsStore(db), new StoreGauges(new InboxStore(db),
                        new OutboxStore(db), journal, () -> JournalPosition.START), telemetry, clock))
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), rc, true);
        base = URI.create("http://127.0.0.1:" + server.getListeners().iterator().next().getPort() + "/");
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
        journal.close();
        db.close();
    }

    private HttpResponse<String> get(String path, boolean admin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (admin) {
            b.header("Authorization", "Bearer " + TOKEN);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static MediaType contentType(HttpResponse<String> r) {
        return MediaType.valueOf(r.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void aBadFromIs400NamingTheParameterAndValue() throws Exception {
        HttpResponse<String> r = get("admin/kpis?from=yesterday&group=campaign", true);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertEquals(400, body.get("code").asInt());
        assertEquals("invalid request parameters", body.get("message").asText());
        assertTrue(body.get("details").get(0).asText().startsWith("from: 'yesterday' is not an ISO-8601"), r.body());
        assertTrue(body.get("details").get(1).asText().startsWith("group: 'campaign' is not one of queue, channel, intent, day, none"), r.body());

        HttpResponse<String> reversed = get("admin/kpis?from=2026-11-08T00:00:00Z&to=2026-11-01T00:00:00Z", true);
        assertEquals(400, reversed.statusCode());
        assertTrue(reversed.body().contains("from: '2026-11-08T00:00:00Z' must be before to"), reversed.body());
    }

    @Test
    void needsTheAdminToken() throws Exception {
        assertEquals(401, get("admin/kpis", false).statusCode());
    }

    @Test
    void defaultsToTheLastSevenDaysPerQueueInJson() throws Exception {
        HttpResponse<String> r = get("admin/kpis", true);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertEquals("2026-11-01T00:00:00Z", body.get("from").asText());
        assertEquals("2026-11-08T00:00:00Z", body.get("to").asText());
        assertEquals("queue", body.get("group_by").asText());
        JsonNode group = body.get("groups").get(0);
        assertEquals("social-support", group.get("group").asText());
        assertEquals(90, group.get("first_response_human").get("median_seconds").asLong());
        assertTrue(group.get("escalation_rate").isNumber());
        assertTrue(group.get("first_response_automated").get("median_seconds").isNull());
    }

    @Test
    void csvHasItsContentType() throws Exception {
        HttpResponse<String> r = get("admin/kpis?format=csv&group=channel&from=2026-11-01", true);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(MediaType.valueOf(KpiResource.TEXT_CSV), contentType(r));
        assertTrue(r.body().startsWith("from,to,group_by,group,threads,"), r.body());
        assertTrue(r.body().contains("\r\n2026-11-01T00:00:00Z,2026-11-08T00:00:00Z,channel,instagram,1,1,0,1,90,90,"), r.body());
    }

    @Test
    void metricsNeedNoTokenAndUseThePrometheusContentType() throws Exception {
        HttpResponse<String> r = get("metrics", false);
        assertEquals(200, r.statusCode(), r.body());
        MediaType type = contentType(r);   // Grizzly writes the parameters in its own order, without spaces
        assertEquals(MediaType.valueOf("text/plain; version=0.0.4; charset=utf-8"), type);
        assertTrue(r.body().contains("socialbridge_open_tickets{queue=\"social-support\"} 1\n"), r.body());
    }

    @Test
    void metricsShowTheQueuesTheJournalLagAndWhatWasCounted() throws Exception {
        new OutboxStore(db).database().inTransaction(c -> new OutboxStore(db).enqueue(c, new OutboxCommand("k1",
                "t1|host", OutboxCommand.HOST, "host.note", java.util.Map.of()), NOW));
        journal.append("meta", "{\"object\":\"instagram\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).join();
        telemetry.webhookAccepted("meta");
        telemetry.webhookAccepted("meta");
        telemetry.webhookRefused("meta", 401);
        telemetry.delivery("host", "delivered", java.time.Duration.ofMillis(700));
        telemetry.delivery("host", "postponed", null);
        telemetry.deliveryError("host", "unavailable");

        String body = get("metrics", false).body();

        assertTrue(body.contains("socialbridge_outbox_items{target=\"host\",status=\"pending\"} 1\n"), body);
        assertTrue(body.contains("socialbridge_inbox_items{status=\"pending\"} 0\n"), body);
        assertTrue(body.matches("(?s).*socialbridge_journal_lag_bytes [1-9][0-9]*\n.*"), "the appended body is not drained: " + body);
        assertTrue(body.contains("socialbridge_webhooks_accepted_total{source=\"meta\"} 2\n"), body);
        assertTrue(body.contains("socialbridge_webhooks_refused_total{connector=\"meta\",status=\"401\"} 1\n"), body);
        assertTrue(body.contains("socialbridge_deliveries_total{target=\"host\",outcome=\"postponed\"} 1\n"), body);
        assertTrue(body.contains("socialbridge_delivery_errors_total{target=\"host\",kind=\"unavailable\"} 1\n"), body);
        assertTrue(body.contains("socialbridge_delivery_latency_seconds_bucket{target=\"host\",le=\"0.5\"} 0\n"), body);
        assertTrue(body.contains("socialbridge_delivery_latency_seconds_bucket{target=\"host\",le=\"1.0\"} 1\n"), body);
        assertTrue(body.contains("socialbridge_delivery_latency_seconds_count{target=\"host\"} 1\n"), body);
    }
}
