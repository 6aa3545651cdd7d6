package dev.socialbridge.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.attribution.CampaignSignal;
import dev.socialbridge.attribution.SignalType;
import dev.socialbridge.attribution.UtmParameters;
import dev.socialbridge.config.Secret;
import dev.socialbridge.errors.ApiExceptionMapper;
import dev.socialbridge.errors.CatchAllExceptionMapper;
import dev.socialbridge.errors.JsonParseExceptionMapper;
import dev.socialbridge.errors.ValidationExceptionMapper;
import dev.socialbridge.errors.WebApplicationExceptionMapper;
import dev.socialbridge.people.AttributionReportStore;
import dev.socialbridge.people.Conversions;
import dev.socialbridge.people.People;
import dev.socialbridge.people.PhoneNumbers;
import dev.socialbridge.store.Database;
import dev.socialbridge.support.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/** POST /conversions, GET /admin/people/.../touches and GET /admin/reports/attribution over HTTP. */
class PeopleResourcesTest {
    private static final String ADMIN = "people-admin-token-0123456789";
    private static final String SHOP = "shop-token-0123456789";

    private Database db;
    private HttpServer server;
    private URI base;
    private final List<String> ticketUpdates = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() {
        db = Database.open("jdbc:h2:mem:people-resources-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", null, null, 4);
        PhoneNumbers phones = new PhoneNumbers("FR");
        People people = new People(phones);
        Instant now = Instant.now().minusSeconds(60);
        db.inTransaction(c -> people.message(c, "instagram:17841", "instagram:dm:1:17841", "jane@example.com",
                new CampaignSignal("instagram", SignalType.REF, "bf", null, UtmParameters.none(), "bf", null, null, null,
                        null, now), null, now));
        ResourceConfig rc = new ResourceConfig()
                .register(JacksonFeature.class)
                .register(new KpiResourceTest.Mapper())
                .register(ApiExceptionMapper.class)
                .register(WebApplicationExceptionMapper.class)
                .register(ValidationExceptionMapper.class)
                .register(JsonParseExceptionMapper.class)
                .register(CatchAllExceptionMapper.class)
                .register(new AdminAuthFilter(new Secret(ADMIN)))
                .register(new PeopleResource(db, people))
                .register(new AttributionReportResource(new AttributionReportStore(db)))
                .register(new ConversionResource(new Conversions(db, people,
                        (c, id, p, thread, fields, note, at) -> ticketUpdates.add(note)), phones, new Secret(SHOP), new Secret(ADMIN)))
                .property(ServerProperties.BV_SEND_ERROR_IN_RESPONSE, true)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), rc, true);
        base = URI.create("http://127.0.0.1:" + server.getListeners().iterator().next().getPort() + "/");
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
        db.close();
    }

    private HttpResponse<String> post(String json, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("conversions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + ADMIN).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aConversionIsAttributedOnceWithEitherToken() throws Exception {
        String order = "{\"id\":\"shop-1\",\"value\":129,\"currency\":\"EUR\",\"email\":\"Jane@Example.com\"}";
        HttpResponse<String> r = post(order, SHOP);
        assertEquals(201, r.statusCode(), r.body());
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertEquals("attributed", body.get("status").asText());
        assertEquals(false, body.get("duplicate").asBoolean());
        HttpResponse<String> again = post(order, ADMIN);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(true, Json.MAPPER.readTree(again.body()).get("duplicate").asBoolean());
        assertEquals(1, ticketUpdates.size());
        assertTrue(ticketUpdates.get(0).startsWith("Conversion: 129.00 EUR (order shop-1), first touch instagram:ref:bf"),
                ticketUpdates.get(0));

        HttpResponse<String> unknown = post("{\"id\":\"shop-2\",\"value\":\"5.5\",\"currency\":\"EUR\",\"phone\":\"+33 7 00 00 00 01\"}", SHOP);
        assertEquals(201, unknown.statusCode(), unknown.body());
        assertEquals("unattributed", Json.MAPPER.readTree(unknown.body()).get("status").asText());
    }

    @Test
    void withoutAValidTokenIs401() throws Exception {
        assertEquals(401, post("{}", null).statusCode());
        assertEquals(401, post("{\"id\":\"x\",\"value\":1,\"currency\":\"EUR\",\"email\":\"a@b.co\"}", "wrong").statusCode());
    }

    @Test
    void anInvalidConversionIs422NamingEachField() throws Exception {
        HttpResponse<String> r = post("{\"value\":-1,\"currency\":\"euro\",\"email\":\"nope\"}", SHOP);
        assertEquals(422, r.statusCode(), r.body());
        String details = Json.MAPPER.readTree(r.body()).get("details").toString();
        for (String field : List.of("id: is required", "value: must be 0 or more", "currency: must be an ISO 4217", "email:")) {
            assertTrue(details.contains(field), field + " in " + details);
        }
        HttpResponse<String> none = post("{\"id\":\"x\",\"value\":1,\"currency\":\"EUR\"}", SHOP);
        assertEquals(422, none.statusCode(), none.body());
        assertTrue(none.body().contains("email, phone, code, coupon or thread: one is required"), none.body());
        HttpResponse<String> badCurrency = post("{\"id\":\"x\",\"value\":1,\"currency\":\"XYZ\",\"phone\":\"12\"}", SHOP);
        assertEquals(422, badCurrency.statusCode(), badCurrency.body());
        assertTrue(badCurrency.body().contains("currency: 'XYZ' is not an ISO 4217 currency"), badCurrency.body());
        assertTrue(badCurrency.body().contains("phone: '12' is not a valid phone number"), badCurrency.body());
    }

    @Test
    void touchesByIdEmailOrIdentity() throws Exception {
        HttpResponse<String> byEmail = get("admin/people/touches?email=jane@example.com", null);
        assertEquals(200, byEmail.statusCode(), byEmail.body());
        JsonNode h = Json.MAPPER.readTree(byEmail.body());
        assertEquals("instagram:17841", h.get("identities").get(0).asText());
        assertEquals("bf", h.get("touches").get(0).get("touch").get("campaign").asText());
        long id = h.get("person").get("id").asLong();
        assertEquals(byEmail.body(), get("admin/people/" + id + "/touches", null).body());
        assertEquals(200, get("admin/people/touches?identity=instagram:17841", null).statusCode());
        assertEquals(404, get("admin/people/999/touches", null).statusCode());
        assertEquals(400, get("admin/people/abc/touches", null).statusCode());
        assertEquals(400, get("admin/people/touches", null).statusCode());
    }

    @Test
    void theReportIsJsonOrCsvAndBadParametersAre400() throws Exception {
        post("{\"id\":\"shop-9\",\"value\":10,\"currency\":\"EUR\",\"email\":\"jane@example.com\"}", SHOP);
        HttpResponse<String> json = get("admin/reports/attribution?group=campaign&model=first", null);
        assertEquals(200, json.statusCode(), json.body());
        JsonNode r = Json.MAPPER.readTree(json.body());
        assertEquals("bf", r.get("groups").get(0).get("group").asText());
        assertEquals(0, new java.math.BigDecimal("10").compareTo(r.get("groups").get(0).get("revenue").get("EUR").decimalValue()));
        HttpResponse<String> csv = get("admin/reports/attribution", "text/csv");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("from,to,group_by,model,group,"), csv.body());
        assertTrue(get("admin/reports/attribution?format=csv", null).body().startsWith("from,"));
        HttpResponse<String> bad = get("admin/reports/attribution?group=country&model=u-shaped&from=yesterday", null);
        assertEquals(400, bad.statusCode());
        String details = Json.MAPPER.readTree(bad.body()).get("details").toString();
        assertTrue(details.contains("group: 'country' is not one of"), details);
        assertTrue(details.contains("model: 'u-shaped' is not one of first, last, linear"), details);
        assertTrue(details.contains("from: 'yesterday'"), details);
    }
}
