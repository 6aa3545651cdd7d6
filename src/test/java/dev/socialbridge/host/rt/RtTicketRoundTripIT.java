package dev.socialbridge.host.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.FieldKeys;
import dev.socialbridge.host.spi.ContactUpsert;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.HostException;
import dev.socialbridge.host.spi.TicketRef;
import dev.socialbridge.host.spi.TicketRequest;
import dev.socialbridge.host.spi.TicketUpdate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One contact and one ticket through their whole life on the live RT (few writes: RT is slow). */
class RtTicketRoundTripIT {
    private static Descriptor descriptor;
    private static HostAdapter adapter;

    @BeforeAll
    static void provisionedRt() {
        descriptor = RtTestSupport.installedDescriptor();
        adapter = RtTestSupport.adapter(descriptor);
    }

    @Test
    void contactTicketAndMessagesRoundTrip() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ContactUpsert jane = new ContactUpsert("instagram", "1784-" + run, "jane_" + run, "Jane Doe");

        String contactId = adapter.upsertContact(jane);

        assertTrue(contactId.matches("\\d+"), contactId);
        assertEquals(contactId, adapter.upsertContact(jane), "second upsert finds the same user");
        JsonNode user = RtTestSupport.get("/user/" + contactId);
        assertEquals("instagram.1784-" + run, user.path("Name").asText());
        assertEquals("Jane Doe", user.path("RealName").asText());
        // other test descriptors' "Social Profile it-…" fields are applied to users too: read this one's by its label
        String profile = descriptor.field(FieldKeys.SOCIAL_PROFILE).orElseThrow().label();
        assertEquals("instagram:@jane_" + run, userField(user, profile), user.path("CustomFields").toString());

        String threadKey = "instagram:dm:" + run + ":o'brien\\x";
        assertEquals(Optional.empty(), adapter.findTicketByThread(threadKey));

        Instant due = Instant.parse("2030-01-02T03:04:05Z");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("thread_key", threadKey);
        fields.put("social_channel", "instagram");
        fields.put("intent", "sales_lead");
        fields.put("lead_score", "87");
        fields.put("first_touch_at", "2026-11-22T08:30:00Z");
        fields.put("utm_campaign", "black-friday \u2014 caf\u00e9 \uD83D\uDE80");
        TicketRef ticket = adapter.createTicket(new TicketRequest("hot_leads", "Pricing? " + "x".repeat(300), contactId,
                "msg-" + run + "-1", "Hi! What does the pro plan cost?", null, due, fields));

        assertEquals(RtTestSupport.rtUrl() + "/Ticket/Display.html?id=" + ticket.id(), ticket.url());
        JsonNode json = RtTestSupport.get("/ticket/" + ticket.id());
        assertEquals(descriptor.queue("hot_leads").orElseThrow().label(),
                RtTestSupport.get("/queue/" + json.path("Queue").path("id").asText()).path("Name").asText());
        assertEquals("80", json.path("Priority").asText(), "queue default priority");
        assertEquals("2030-01-02T03:04:05Z", json.path("Due").asText());
        assertEquals(200, json.path("Subject").asText().getBytes(StandardCharsets.UTF_8).length, "RT keeps 200 bytes");
        assertTrue(json.path("Subject").asText().endsWith("x\u2026"), json.path("Subject")::asText);
        assertEquals("instagram.1784-" + run, json.path("Requestor").path(0).path("id").asText());
        assertEquals(fields, adapter.readFields(ticket));
        assertEquals(Optional.of(ticket), adapter.findTicketByThread(threadKey));

        adapter.appendCustomerMessage(ticket, "msg-" + run + "-2", "Is there an annual discount?");
        adapter.appendCustomerMessage(ticket, "msg-" + run + "-2", "Is there an annual discount?");
        adapter.appendCustomerMessage(ticket, "msg-" + run + "-1", "Hi! What does the pro plan cost?");
        assertEquals(1, countTransactions(ticket, "Correspond"), "one correspondence for a repeated message id");

        Map<String, String> otherFields = new LinkedHashMap<>(fields);
        otherFields.put("thread_key", threadKey + "-other");
        TicketRef other = adapter.createTicket(new TicketRequest("hot_leads", "Other thread", contactId,
                "other-" + run, "hello", null, due, otherFields));
        adapter.appendCustomerMessage(other, "msg-" + run + "-2", "Same platform id in another thread");
        assertEquals(1, countTransactions(other, "Correspond"), "message ids are deduplicated per ticket, not across tickets");

        adapter.addNote(ticket, "Internal: hot lead");
        assertEquals(1, countTransactions(ticket, "Comment"));
        long note = StreamSupport.stream(RtTestSupport.get("/ticket/" + ticket.id() + "/history?fields=Type&per_page=100")
                .path("items").spliterator(), false).filter(t -> "Comment".equals(t.path("Type").asText()))
                .mapToLong(t -> t.path("id").asLong()).max().orElseThrow();
        assertTrue(adapter.latestPosition() >= note, "the newest position is at least the note's transaction " + note);
        assertTrue(adapter.eventsAfter(adapter.latestPosition(), 100).events().isEmpty(), "nothing after the newest");

        adapter.updateTicket(ticket, new TicketUpdate("support", 90, null, "open",
                Map.of("automation_status", "escalated", "lead_score", "95")));
        Map<String, String> updated = adapter.readFields(ticket);
        assertEquals("escalated", updated.get("automation_status"));
        assertEquals("95", updated.get("lead_score"));
        JsonNode after = RtTestSupport.get("/ticket/" + ticket.id());
        assertEquals("90", after.path("Priority").asText());
        assertEquals("open", after.path("Status").asText());

        HostException rejected = assertThrows(HostException.class, () -> adapter.updateTicket(ticket,
                TicketUpdate.fields(Map.of("lead_score", "not-a-number"))));
        assertFalse(rejected.retryable());
        assertTrue(rejected.getMessage().contains("Lead Score"), rejected.getMessage());
    }

    @Test
    void customersWriteTheirOwnMessagesAndASecondCommenterBecomesARequestor() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String jane = adapter.upsertContact(new ContactUpsert("instagram", "jane-" + run, "jane_" + run, "Jane"));
        String bob = adapter.upsertContact(new ContactUpsert("instagram", "bob-" + run, "bob_" + run, "Bob"));
        long before = adapter.latestPosition();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("thread_key", "instagram:comment:" + run);
        fields.put("intent", "question");

        TicketRef ticket = adapter.createTicket(new TicketRequest("support", "Livraison ?", jane, "c1-" + run,
                "Vous livrez en Belgique ?", null, null, fields));
        adapter.appendCustomerMessage(ticket, jane, "c2-" + run, "Et en Suisse ?", List.of(), Map.of("intent", "question"));
        adapter.appendCustomerMessage(ticket, bob, "c3-" + run, "Moi aussi je veux savoir", List.of(), Map.of());

        assertEquals("instagram.jane-" + run, RtTestSupport.get("/ticket/" + ticket.id()).path("Creator").path("id").asText());
        List<String> authors = new java.util.ArrayList<>();
        for (JsonNode t : RtTestSupport.get("/ticket/" + ticket.id() + "/history?fields=Type,Creator&per_page=100").path("items")) {
            if (List.of("Create", "Correspond").contains(t.path("Type").asText())) {
                authors.add(t.path("Type").asText() + " " + t.path("Creator").path("id").asText());
            }
        }
        assertEquals(List.of("Create instagram.jane-" + run, "Correspond instagram.jane-" + run,
                "Correspond instagram.bob-" + run), authors);
        JsonNode json = RtTestSupport.get("/ticket/" + ticket.id());
        assertEquals(List.of("instagram.jane-" + run, "instagram.bob-" + run), StreamSupport.stream(
                json.path("Requestor").spliterator(), false).map(r -> r.path("id").asText()).sorted(
                java.util.Comparator.comparing((String n) -> !n.contains("jane"))).toList());
        String told = json.path("Told").asText("");
        assertTrue(told.isEmpty() || told.startsWith("1970"), "customers' messages never count as staff telling them: " + told);
        assertTrue(adapter.eventsAfter(before, 100).events().stream()
                .noneMatch(e -> e instanceof dev.socialbridge.host.spi.HostEvent.AgentReply),
                "a customer's own message is never taken for an agent's reply");
    }

    private static String userField(JsonNode user, String label) {
        for (JsonNode cf : user.path("CustomFields")) {
            if (cf.path("name").asText().equals(label)) {
                return cf.path("values").path(0).asText();
            }
        }
        return null;
    }

    private static long countTransactions(TicketRef ticket, String type) {
        JsonNode history = RtTestSupport.get("/ticket/" + ticket.id() + "/history?fields=Type&per_page=100");
        return StreamSupport.stream(history.path("items").spliterator(), false)
                .filter(t -> type.equals(t.path("Type").asText()))
                .count();
    }
}
