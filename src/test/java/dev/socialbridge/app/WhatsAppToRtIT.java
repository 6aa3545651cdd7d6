package dev.socialbridge.app;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.socialbridge.connector.meta.MetaSignatureVerifier;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.host.rt.RtTestSupport;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.TicketRef;
import dev.socialbridge.store.Database;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The WhatsApp slice end to end: signed Cloud API webhooks on {@code /webhooks/whatsapp} into the real server, a
 * live RT as host, WireMock standing in for the Graph API (replies, media).
 */
class WhatsAppToRtIT {
    static final String SHOP = "106540352242922";
    static final String MESSAGES = "/v25.0/" + SHOP + "/messages";
    /** The customer's phone number in the fixtures, replaced by one unique to each test run. */
    static final String FIXTURE_CUSTOMER = "16505551234";
    static final Duration WAIT = Duration.ofSeconds(40);

    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("test-fixtures/wiremock/whatsapp")).build();

    static Descriptor descriptor;
    static ServerHarness harness;
    static HostAdapter rt;
    static Database db;

    @BeforeAll
    static void start() throws Exception {
        descriptor = RtTestSupport.installedDescriptor();
        String graphUrl = "http://127.0.0.1:" + graph.getPort();
        harness = ServerHarness.start(descriptor, RtTestSupport.rtUrl(), RtTestSupport.rtToken(), graphUrl, Map.of(
                "socialbridge.whatsapp.graph-base-url", graphUrl,
                "socialbridge.whatsapp.accounts.shop.phone-number-id", SHOP,
                "socialbridge.whatsapp.accounts.shop.waba-id", "102290129340398",
                "socialbridge.whatsapp.accounts.shop.access-token", "it-whatsapp-token"));
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

    /** A fixture as a customer unique to this run would send it now: own phone number, message ids and time. */
    record Customer(String phone, String run) {
        static Customer next() {
            String run = ServerHarness.newRun();
            return new Customer("3375" + run, run);
        }

        String fixture(String name) throws IOException {
            return Files.readString(Path.of("test-fixtures/inbound/whatsapp", name))
                    .replace(FIXTURE_CUSTOMER, phone)
                    .replace("wamid.", "wamid.IT" + run + ".")
                    .replaceAll("\"timestamp\": \"[0-9]+\"", "\"timestamp\": \"" + Instant.now().getEpochSecond() + "\"");
        }

        String text(String text) throws IOException {
            return fixture("text.json").replaceAll("\"body\": \"[^\"]*\"", "\"body\": \"" + text + "\"");
        }

        String thread() {
            return "whatsapp:dm:" + SHOP + ":" + phone;
        }
    }

    private static HttpResponse<String> postWhatsApp(String body) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return postWhatsApp(bytes, harness.signer.sign(bytes));
    }

    private static HttpResponse<String> postWhatsApp(byte[] body, String signature) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(harness.base.resolve("webhooks/whatsapp"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json");
        if (signature != null) {
            b.header(MetaSignatureVerifier.HEADER, signature);
        }
        return ServerHarness.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static TicketRef awaitTicket(Customer c) throws InterruptedException {
        ServerHarness.await("ticket for " + c.thread(), WAIT, () -> rt.findTicketByThread(c.thread()).isPresent());
        return rt.findTicketByThread(c.thread()).orElseThrow();
    }

    private static String queueName(TicketRef t) {
        JsonNode ticket = RtTestSupport.get("/ticket/" + t.id());
        return RtTestSupport.get("/queue/" + ticket.path("Queue").path("id").asText()).path("Name").asText();
    }

    private static RequestPatternBuilder replyTo(Customer c) {
        return postRequestedFor(urlPathEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo(c.phone())));
    }

    private static int inboxItemsLike(String part) {
        return db.inTransaction(conn -> {
            try (var ps = conn.prepareStatement("SELECT COUNT(*) FROM inbox_item WHERE dedupe_key LIKE ?")) {
                ps.setString(1, "%" + part + "%");
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private static boolean sentWithRemoteId(String remoteId) {
        return db.inTransaction(conn -> {
            try (var ps = conn.prepareStatement("SELECT COUNT(*) FROM sent_message WHERE remote_id = ?")) {
                ps.setString(1, remoteId);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) == 1;
                }
            }
        });
    }

    @Test
    void aSignedTextMessageBecomesATicketWithItsAttribution() throws Exception {
        Customer c = Customer.next();
        HttpResponse<String> r = postWhatsApp(c.fixture("text.json"));
        assertEquals(200, r.statusCode(), r.body());
        TicketRef t = awaitTicket(c);
        JsonNode ticket = RtTestSupport.get("/ticket/" + t.id());
        String subject = ticket.path("Subject").asText();
        assertTrue(subject.startsWith("Sheena Nelson [whatsapp dm]: Bonjour, ma commande"), subject);
        assertEquals(descriptor.queue("support").orElseThrow().label(), queueName(t));
        Map<String, String> fields = rt.readFields(t);
        assertEquals("whatsapp", fields.get("social_channel"));
        assertEquals(SHOP, fields.get("social_account"));
        assertEquals(c.phone(), fields.get("social_user_id"));
        assertEquals(c.phone(), fields.get("conversation_id"));
        assertEquals(c.thread(), fields.get("thread_key"));
        assertTrue(fields.get("message_id").startsWith("wamid.IT" + c.run()), fields.toString());
    }

    @Test
    void aBuyingMessageIsAHotLeadAndGetsAnAutomatedReplyOnWhatsApp() throws Exception {
        Customer c = Customer.next();
        assertEquals(200, postWhatsApp(c.text("Bonjour, combien coûte le pack pro ? Je voudrais en acheter 3")).statusCode());
        TicketRef t = awaitTicket(c);
        assertEquals(descriptor.queue("hot_leads").orElseThrow().label(), queueName(t));
        ServerHarness.await("automated reply on WhatsApp", WAIT, () -> graph.findAll(replyTo(c)).size() == 1);
        JsonNode body = ServerHarness.HTTP_JSON(graph.findAll(replyTo(c)).get(0).getBodyAsString());
        assertEquals("whatsapp", body.path("messaging_product").asText());
        assertTrue(body.path("context").path("message_id").asText().startsWith("wamid.IT" + c.run()), body.toString());
        String text = body.path("type").asText().equals("text") ? body.path("text").path("body").asText()
                : body.path("interactive").path("body").path("text").asText();
        assertTrue(text.contains("Pour vous faire une proposition adaptée"), text);
        graph.verify(replyTo(c).withHeader("Authorization", equalTo("Bearer it-whatsapp-token")));
    }

    @Test
    void aCustomersImageReachesTheTicketAsAFile() throws Exception {
        Customer c = Customer.next();
        assertEquals(200, postWhatsApp(c.fixture("image.json")).statusCode());
        TicketRef t = awaitTicket(c);
        ServerHarness.await("image attached", WAIT, () -> RtTestSupport.get("/ticket/" + t.id()
                + "/attachments?fields=Filename,ContentType&per_page=100").toString().contains("image/jpeg"));
        JsonNode attachments = RtTestSupport.get("/ticket/" + t.id() + "/attachments?fields=Filename,ContentType,Content&per_page=100");
        assertTrue(attachments.toString().contains("image-1003383421387256.jpeg"), attachments.toString());
        assertTrue(attachments.toString().contains("Le colis est arrivé abîmé"), "the caption is the message text");
        graph.verify(getRequestedFor(urlPathEqualTo("/v25.0/1003383421387256"))
                .withHeader("Authorization", equalTo("Bearer it-whatsapp-token")));
        graph.verify(getRequestedFor(urlPathEqualTo("/whatsapp_business/attachments/")));
    }

    @Test
    void aFailedStatusForOurReplyIsWrittenOnTheTicket() throws Exception {
        Customer c = Customer.next();
        String ours = "wamid.IT" + c.run() + ".OURS";
        graph.stubFor(post(urlPathEqualTo(MESSAGES)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(c.phone())))
                .willReturn(okJson("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + c.phone()
                        + "\",\"wa_id\":\"" + c.phone() + "\"}],\"messages\":[{\"id\":\"" + ours + "\"}]}")));
        assertEquals(200, postWhatsApp(c.text("Bonjour, combien coûte le pack pro ? Je voudrais en acheter 3")).statusCode());
        TicketRef t = awaitTicket(c);
        ServerHarness.await("reply sent and its id recorded", WAIT, () -> sentWithRemoteId(ours));
        String failed = c.fixture("status-failed-131047.json")
                .replace("wamid.IT" + c.run() + ".HBgLMTY1MDU1NTEyMzQVAgARGBI2RDM5QTcwNjlEMUMwQjFDNzgA", ours);
        assertTrue(failed.contains(ours));
        assertEquals(200, postWhatsApp(failed).statusCode());
        ServerHarness.await("failure note on the ticket", WAIT, () -> RtTestSupport.get("/ticket/" + t.id()
                + "/attachments?fields=Content&per_page=100").toString().contains("131047"));
        String notes = RtTestSupport.get("/ticket/" + t.id() + "/attachments?fields=Content&per_page=100").toString();
        assertTrue(notes.contains("Our whatsapp message was not delivered (error 131047)"), notes);
        assertTrue(notes.contains("send an approved template (rule outsideWindow)"), notes);
    }

    @Test
    void aWhatsAppBodyOnTheMetaWebhookIsRoutedToTheWhatsAppConnector() throws Exception {
        Customer c = Customer.next();
        assertEquals(200, harness.postWebhook(c.fixture("text.json")).statusCode());
        assertEquals("whatsapp", rt.readFields(awaitTicket(c)).get("social_channel"));
    }

    @Test
    void aWrongSignatureIsRefusedWith401AndNothingIsStored() throws Exception {
        Customer c = Customer.next();
        byte[] body = c.fixture("text.json").getBytes(StandardCharsets.UTF_8);
        String good = harness.signer.sign(body);
        String bad = good.substring(0, good.length() - 1) + (good.endsWith("0") ? "1" : "0");
        HttpResponse<String> r = postWhatsApp(body, bad);
        assertEquals(401, r.statusCode());
        assertEquals(401, ServerHarness.HTTP_JSON(r.body()).path("code").asInt());
        assertEquals(401, postWhatsApp(body, null).statusCode());
        Thread.sleep(1500);
        assertEquals(0, inboxItemsLike("wamid.IT" + c.run()));
        assertTrue(rt.findTicketByThread(c.thread()).isEmpty());
        assertEquals(200, postWhatsApp(body, good).statusCode(), "the same body, signed, is taken");
        ServerHarness.await("stored once signed", WAIT, () -> inboxItemsLike("wamid.IT" + c.run()) == 1);
    }
}
