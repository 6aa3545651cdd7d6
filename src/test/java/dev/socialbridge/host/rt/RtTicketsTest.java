package dev.socialbridge.host.rt;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.FieldDef;
import dev.socialbridge.descriptor.QueueDef;
import dev.socialbridge.host.spi.HostException;
import dev.socialbridge.host.spi.HostAttachment;
import dev.socialbridge.host.spi.TicketRef;
import dev.socialbridge.host.spi.TicketRequest;
import dev.socialbridge.host.spi.TicketUpdate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RtTicketsTest {
    private static final Descriptor DESCRIPTOR = new Descriptor("social-bridge", "0.1.0", List.of(),
            List.of(new FieldDef("thread_key", "Social Thread Key", "text", "ticket", List.of(), true, null),
                    new FieldDef("first_touch_at", "First Touch At", "datetime", "ticket", List.of(), false, null),
                    new FieldDef("social_message_id", "Social Message ID (txn)", "text", "transaction", List.of(),
                            false, null),
                    new FieldDef("message_intent", "Social Message Intent (txn)", "text", "transaction", List.of(),
                            false, null),
                    new FieldDef("message_language", "Social Message Language (txn)", "text", "transaction", List.of(),
                            false, null)),
            List.of(new QueueDef("hot_leads", "Social Hot Leads", null, 80, new QueueDef.Sla(15, 30))),
            List.of());
    private static final String THREAD_FIELD = "{\"name\":\"Social Thread Key\",\"values\":[\"ig:dm:1\"]}";

    @RegisterExtension
    static WireMockExtension rt = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .failOnUnmatchedRequests(true)
            .build();

    private RtTickets tickets() {
        RtClient client = new RtClient(RtSettings.from(Map.of("base-url", rt.baseUrl(), "token", "1-14-abc")));
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
        return new RtTickets(client, DESCRIPTOR, new RtTransactionField(client, DESCRIPTOR, System::nanoTime), clock, null);
    }

    /** Tickets whose contact 39 ({@code instagram.1}) writes its own messages. */
    private RtTickets ticketsWithVoice() {
        RtSettings settings = RtSettings.from(Map.of("base-url", rt.baseUrl(), "token", "1-14-abc", "contact-key", "k"));
        RtClient client = new RtClient(settings);
        RtContactVoice voice = new RtContactVoice(client, settings);
        voice.remember("39", "instagram.1");
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
        return new RtTickets(client, DESCRIPTOR, new RtTransactionField(client, DESCRIPTOR, System::nanoTime), clock, voice);
    }

    private static String contactAuthorization() {
        RtSettings settings = RtSettings.from(Map.of("base-url", "http://x", "token", "1-14-abc", "contact-key", "k"));
        String password = new RtContactVoice(null, settings).password("instagram.1");
        return "Basic " + java.util.Base64.getEncoder().encodeToString(("instagram.1:" + password).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theCustomerCreatesItsOwnTicketWithItsDerivedPassword() {
        stubTransactionFieldApplied();
        rt.stubFor(post("/REST/2.0/ticket").withHeader("Authorization", equalTo(contactAuthorization()))
                .willReturn(aResponse().withStatus(201).withBody("{\"id\":\"42\"}")));
        rt.stubFor(get("/REST/2.0/ticket/42").willReturn(okJson(
                "{\"id\":42,\"Requestor\":[{\"id\":\"instagram.1\"}],\"CustomFields\":[" + THREAD_FIELD + "]}")));

        assertEquals("42", ticketsWithVoice().create(request()).id());

        rt.verify(1, postRequestedFor(urlEqualTo("/REST/2.0/ticket")));
        rt.verify(postRequestedFor(urlEqualTo("/REST/2.0/ticket")).withHeader("Authorization", equalTo(contactAuthorization())));
    }

    @Test
    void aContactRtRefusesHasItsTicketCreatedByTheApiUserAndIsNotTriedAgain() {
        stubTransactionFieldApplied();
        rt.stubFor(post("/REST/2.0/ticket").withHeader("Authorization", equalTo(contactAuthorization()))
                .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Authorization required\"}")));
        rt.stubFor(post("/REST/2.0/ticket").withHeader("Authorization", equalTo("token 1-14-abc"))
                .willReturn(aResponse().withStatus(201).withBody("{\"id\":\"42\"}")));
        rt.stubFor(get("/REST/2.0/ticket/42").willReturn(okJson(
                "{\"id\":42,\"Requestor\":[{\"id\":\"instagram.1\"}],\"CustomFields\":[" + THREAD_FIELD + "]}")));
        RtTickets tickets = ticketsWithVoice();

        assertEquals("42", tickets.create(request()).id());
        assertEquals("42", tickets.create(request()).id());

        rt.verify(1, postRequestedFor(urlEqualTo("/REST/2.0/ticket")).withHeader("Authorization", equalTo(contactAuthorization())));
        rt.verify(2, postRequestedFor(urlEqualTo("/REST/2.0/ticket")).withHeader("Authorization", equalTo("token 1-14-abc")));
    }

    @Test
    void anotherAuthorInTheThreadBecomesARequestorAndThenWritesItsMessage() {
        rt.stubFor(get("/REST/2.0/queue/Social%20Hot%20Leads").willReturn(okJson("{\"id\":3}")));
        rt.stubFor(post("/REST/2.0/ticket/42/correspond").inScenario("cc").whenScenarioStateIs(
                        com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .withHeader("Authorization", equalTo(contactAuthorization()))
                .willReturn(aResponse().withStatus(400).withBody("{\"message\":\"Permission Denied\"}")));
        rt.stubFor(get("/REST/2.0/ticket/42").willReturn(okJson(
                "{\"id\":42,\"Requestor\":[{\"id\":\"instagram.9\"}],\"Cc\":[{\"id\":\"instagram.8\"}]}")));
        rt.stubFor(put("/REST/2.0/ticket/42").withRequestBody(equalToJson("{\"Requestor\":[\"instagram.9\",\"instagram.1\"]}"))
                .inScenario("cc").willSetStateTo("cc added").willReturn(okJson("[\"instagram.1 added as Requestor\"]")));
        rt.stubFor(post("/REST/2.0/ticket/42/correspond").inScenario("cc").whenScenarioStateIs("cc added")
                .withHeader("Authorization", equalTo(contactAuthorization()))
                .willReturn(aResponse().withStatus(201).withBody("[\"Correspondence added\"]")));

        ticketsWithVoice().appendCustomerMessage(new TicketRef("42", "u"), "39", null, "Moi aussi !", List.of(), Map.of());

        rt.verify(2, postRequestedFor(urlEqualTo("/REST/2.0/ticket/42/correspond"))
                .withHeader("Authorization", equalTo(contactAuthorization())));
        rt.verify(0, postRequestedFor(urlEqualTo("/REST/2.0/ticket/42/correspond"))
                .withHeader("Authorization", equalTo("token 1-14-abc")));
    }

    private static void stubTransactionFieldApplied() {
        rt.stubFor(get("/REST/2.0/queue/Social%20Hot%20Leads").willReturn(okJson(
                "{\"id\":3,\"TicketTransactionCustomFields\":[{\"id\":\"13\",\"name\":\"Social Message ID (txn)\"}]}")));
    }

    private static TicketRequest request() {
        return new TicketRequest("hot_leads", "Pricing?", "39", "m-1", "How much?", null, null,
                Map.of("thread_key", "ig:dm:1", "first_touch_at", "2026-11-22T07:59:30Z"));
    }

    @Test
    void createsTicketsWithQueueDefaultsSlaDueNumericRequestorAndRtNames() {
        stubTransactionFieldApplied();
        rt.stubFor(post("/REST/2.0/ticket").willReturn(aResponse().withStatus(201).withBody("{\"id\":\"42\"}")));
        rt.stubFor(get("/REST/2.0/ticket/42").willReturn(okJson(
                "{\"id\":42,\"Requestor\":[{\"id\":\"instagram.1\"}],\"CustomFields\":[" + THREAD_FIELD + "]}")));

        TicketRef ref = tickets().create(request());

        assertEquals(new TicketRef("42", rt.baseUrl() + "/Ticket/Display.html?id=42"), ref);
        rt.verify(postRequestedFor(urlEqualTo("/REST/2.0/ticket")).withRequestBody(equalToJson("""
                {"Queue":"Social Hot Leads","Subject":"Pricing?","Content":"How much?","ContentType":"text/plain",
                 "Priority":80,"Due":"2026-11-22 08:15:00","Requestor":39,
                 "CustomFields":{"Social Thread Key":"ig:dm:1","First Touch At":"2026-11-22 07:59:30"},
                 "Object-RT::Transaction--CustomField-13":"m-1"}""")));
    }

    @Test
    void deletesItsTicketAndReturnsTheWinnerWhenItLostTheRace() {
        stubTransactionFieldApplied();
        rt.stubFor(post("/REST/2.0/ticket").willReturn(aResponse().withStatus(201).withBody("{\"id\":\"42\"}")));
        rt.stubFor(get("/REST/2.0/ticket/42").willReturn(okJson(
                "{\"id\":42,\"CustomFields\":[{\"name\":\"Social Thread Key\",\"values\":[]}]}")));
        rt.stubFor(get(urlPathEqualTo("/REST/2.0/tickets")).willReturn(okJson("{\"items\":[{\"id\":\"41\"}]}")));
        rt.stubFor(delete("/REST/2.0/ticket/42").willReturn(aResponse().withStatus(204)));

        TicketRef ref = tickets().create(request());

        assertEquals("41", ref.id());
        rt.verify(deleteRequestedFor(urlEqualTo("/REST/2.0/ticket/42")));
    }

    @Test
    void refusesATicketWithoutThreadKey() {
        TicketRequest noThread = new TicketRequest("hot_leads", "s", "39", null, "b", null, null, Map.of());

        HostException e = assertThrows(HostException.class, () -> tickets().create(noThread));

        assertFalse(e.retryable());
    }

    @Test
    void findsTheLowestTicketOfAThreadWithEscapedTicketSql() {
        rt.stubFor(get(urlPathEqualTo("/REST/2.0/tickets"))
                .withQueryParam("query", equalTo("CF.{Social Thread Key} = 'o\\'brien\\\\x' AND Status != 'deleted'"))
                .withQueryParam("orderby", equalTo("id"))
                .withQueryParam("order", equalTo("ASC"))
                .willReturn(okJson("{\"items\":[{\"id\":\"7\"}]}")));

        assertEquals(Optional.of("7"), tickets().findByThread("o'brien\\x").map(TicketRef::id));
    }

    @Test
    void skipsACustomerMessageAlreadyOnTheTicket() {
        stubTransactionFieldApplied();
        rt.stubFor(post("/REST/2.0/transactions?per_page=1")
                .withRequestBody(equalToJson("[{\"field\":\"CustomField.{Social Message ID (txn)}\",\"value\":\"m-2\"},"
                        + "{\"field\":\"ObjectType\",\"value\":\"RT::Ticket\"},{\"field\":\"ObjectId\",\"value\":\"42\"}]"))
                .willReturn(okJson("{\"total\":1,\"items\":[{\"id\":\"56\"}]}")));

        tickets().appendCustomerMessage(new TicketRef("42", "u"), null, "m-2", "again", List.of(), Map.of());

        rt.verify(0, postRequestedFor(urlEqualTo("/REST/2.0/ticket/42/correspond")));
    }

    @Test
    void postsANewCustomerMessageAsCorrespondenceWithItsId() {
        stubTransactionFieldApplied();
        rt.stubFor(post("/REST/2.0/transactions?per_page=1").willReturn(okJson("{\"total\":0,\"items\":[]}")));
        rt.stubFor(post("/REST/2.0/ticket/42/correspond")
                .willReturn(aResponse().withStatus(201).withBody("[\"Correspondence added\"]")));

        tickets().appendCustomerMessage(new TicketRef("42", "u"), null, "m-2", "Any discount?", List.of(), Map.of());

        rt.verify(postRequestedFor(urlEqualTo("/REST/2.0/ticket/42/correspond")).withRequestBody(equalToJson(
                "{\"Content\":\"Any discount?\",\"ContentType\":\"text/plain\","
                        + "\"TxnCustomFields\":{\"Social Message ID (txn)\":\"m-2\"}}")));
    }

    @Test
    void recordsTheMessagesOwnClassificationInItsTransactionWhereTheFieldsAreApplied() {
        rt.stubFor(get("/REST/2.0/queue/Social%20Hot%20Leads").willReturn(okJson("{\"id\":3,\"TicketTransactionCustomFields\":["
                + "{\"id\":\"13\",\"name\":\"Social Message ID (txn)\"},{\"id\":\"14\",\"name\":\"Social Message Intent (txn)\"},"
                + "{\"id\":\"15\",\"name\":\"Social Message Language (txn)\"}]}")));
        rt.stubFor(post("/REST/2.0/transactions?per_page=1").willReturn(okJson("{\"total\":0,\"items\":[]}")));
        rt.stubFor(post("/REST/2.0/ticket/42/correspond").willReturn(aResponse().withStatus(201).withBody("[]")));

        tickets().appendCustomerMessage(new TicketRef("42", "u"), null, "m-3", "Remboursez-moi", List.of(),
                Map.of("intent", "refund_cancel", "language", "fr", "sentiment", "negative"));

        rt.verify(postRequestedFor(urlEqualTo("/REST/2.0/ticket/42/correspond")).withRequestBody(equalToJson(
                "{\"Content\":\"Remboursez-moi\",\"ContentType\":\"text/plain\",\"TxnCustomFields\":{"
                        + "\"Social Message ID (txn)\":\"m-3\",\"Social Message Intent (txn)\":\"refund_cancel\","
                        + "\"Social Message Language (txn)\":\"fr\"}}")));
    }

    @Test
    void postsTheCustomersFilesAsAttachmentsOfTheCorrespondence() {
        rt.stubFor(get("/REST/2.0/queue/Social%20Hot%20Leads").willReturn(okJson("{\"id\":3}")));
        rt.stubFor(post("/REST/2.0/ticket/42/correspond").willReturn(aResponse().withStatus(201).withBody("[]")));

        tickets().appendCustomerMessage(new TicketRef("42", "u"), null, null, "[image] photo.jpg", List.of(
                new HostAttachment("photo.jpg", "image/jpeg", new byte[] {1, 2, 3})), Map.of());

        rt.verify(postRequestedFor(urlEqualTo("/REST/2.0/ticket/42/correspond")).withRequestBody(equalToJson(
                "{\"Content\":\"[image] photo.jpg\",\"ContentType\":\"text/plain\",\"Attachments\":[{\"FileName\":"
                        + "\"photo.jpg\",\"FileType\":\"image/jpeg\",\"FileContent\":\"AQID\"}]}")));
    }

    @Test
    void postsWithoutDedupeWhenTheTransactionFieldIsNotApplied() {
        rt.stubFor(get("/REST/2.0/queue/Social%20Hot%20Leads").willReturn(okJson("{\"id\":3}")));
        rt.stubFor(post("/REST/2.0/ticket/42/correspond").willReturn(aResponse().withStatus(201).withBody("[]")));

        tickets().appendCustomerMessage(new TicketRef("42", "u"), null, "m-2", "hello", List.of(), Map.of());

        rt.verify(postRequestedFor(urlEqualTo("/REST/2.0/ticket/42/correspond"))
                .withRequestBody(equalToJson("{\"Content\":\"hello\",\"ContentType\":\"text/plain\"}")));
    }

    @Test
    void failsAnUpdateThatRtAnsweredWithRejections() {
        rt.stubFor(put("/REST/2.0/ticket/42").withRequestBody(equalToJson("""
                        {"Queue":"Social Hot Leads","Due":"2026-12-01 08:30:00","Status":"bogus"}"""))
                .willReturn(okJson("[\"Ticket 42: Status 'bogus' isn't a valid status for this ticket.\"]")));
        TicketUpdate update = new TicketUpdate("hot_leads", null, Instant.parse("2026-12-01T08:30:00Z"), "bogus", Map.of());

        HostException e = assertThrows(HostException.class, () -> tickets().update(new TicketRef("42", "u"), update));

        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("isn't a valid status"), e.getMessage());
    }

    @Test
    void anEscalationMovesTheTicketThenGivesItToItsOwnerWhenNobodyOwnsIt() {
        rt.stubFor(put("/REST/2.0/ticket/42").withRequestBody(equalToJson("""
                        {"Queue":"Social Hot Leads","Priority":97}"""))
                .willReturn(okJson("[\"Queue changed\"]")));
        rt.stubFor(get("/REST/2.0/ticket/42").willReturn(okJson("{\"id\":42,\"Owner\":{\"id\":\"Nobody\"}}")));
        rt.stubFor(put("/REST/2.0/ticket/42").withRequestBody(equalToJson("{\"Owner\":\"lead.alice\"}"))
                .willReturn(okJson("[\"Owner changed from Nobody to lead.alice\"]")));

        tickets().update(new TicketRef("42", "u"), new TicketUpdate("hot_leads", 97, null, null, Map.of(), "lead.alice"));

        rt.verify(1, putRequestedFor(urlEqualTo("/REST/2.0/ticket/42")).withRequestBody(equalToJson(
                "{\"Owner\":\"lead.alice\"}")));
    }

    @Test
    void aTicketAPersonOwnsKeepsItsOwner() {
        rt.stubFor(put("/REST/2.0/ticket/42").willReturn(okJson("[\"Priority changed\"]")));
        rt.stubFor(get("/REST/2.0/ticket/42").willReturn(okJson("{\"id\":42,\"Owner\":{\"id\":\"agent.bob\"}}")));

        tickets().update(new TicketRef("42", "u"), new TicketUpdate(null, 97, null, null, Map.of(), "lead.alice"));

        rt.verify(1, putRequestedFor(urlEqualTo("/REST/2.0/ticket/42")));
        rt.verify(0, putRequestedFor(urlEqualTo("/REST/2.0/ticket/42")).withRequestBody(containing("Owner")));
    }

    @Test
    void anOwnerRtRefusesLeavesTheTicketUnownedWithoutFailingTheUpdate() {
        rt.stubFor(get("/REST/2.0/ticket/42").willReturn(okJson("{\"id\":42,\"Owner\":{\"id\":\"Nobody\"}}")));
        rt.stubFor(put("/REST/2.0/ticket/42").withRequestBody(equalToJson("{\"Owner\":\"intern\"}"))
                .willReturn(okJson("[\"Ticket 42: That user may not own tickets in that queue\"]")));

        tickets().update(new TicketRef("42", "u"), new TicketUpdate(null, null, null, null, Map.of(), "intern"));

        rt.verify(1, putRequestedFor(urlEqualTo("/REST/2.0/ticket/42")));
    }

    @Test
    void createsTheTicketWithItsOwnerAndKeepsItWhenRtDropsTheOwner() {
        stubTransactionFieldApplied();
        rt.stubFor(post("/REST/2.0/ticket").willReturn(aResponse().withStatus(201).withBody("{\"id\":\"42\"}")));
        rt.stubFor(get("/REST/2.0/ticket/42").willReturn(okJson("{\"id\":42,\"Owner\":{\"id\":\"Nobody\"},"
                + "\"Requestor\":[{\"id\":\"instagram.1\"}],\"CustomFields\":[" + THREAD_FIELD + "]}")));
        TicketRequest r = request();
        TicketRequest owned = new TicketRequest(r.queueKey(), r.subject(), r.contactId(), r.firstMessageId(), r.body(),
                null, null, r.fields(), List.of(), "sales.ann");

        assertEquals("42", tickets().create(owned).id());

        rt.verify(postRequestedFor(urlEqualTo("/REST/2.0/ticket")).withRequestBody(
                matchingJsonPath("$.Owner", equalTo("sales.ann"))));
        rt.verify(0, putRequestedFor(urlEqualTo("/REST/2.0/ticket/42")));
    }

    @Test
    void readsFieldsBackByDescriptorKeyWithIsoDates() {
        rt.stubFor(get("/REST/2.0/ticket/42").willReturn(okJson("{\"CustomFields\":[" + THREAD_FIELD + ","
                + "{\"name\":\"First Touch At\",\"values\":[\"2026-11-22T08:30:00Z\"]},"
                + "{\"name\":\"Someone Else's Field\",\"values\":[\"x\"]}]}")));

        assertEquals(Map.of("thread_key", "ig:dm:1", "first_touch_at", "2026-11-22T08:30:00Z"),
                tickets().readFields(new TicketRef("42", "u")));
    }

    @Test
    void keepsSubjectsWithinRtsTwoHundredBytes() {
        String subject = RtTickets.subject("\u00e9".repeat(150));

        assertTrue(subject.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 200);
        assertTrue(subject.endsWith("\u00e9\u2026"), subject);
        assertEquals("Short  one".replaceAll("\\s+", " "), RtTickets.subject("  Short \n one "));
        assertEquals("Social message", RtTickets.subject(null));
    }
}
