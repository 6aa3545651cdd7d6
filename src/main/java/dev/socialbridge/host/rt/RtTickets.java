package dev.socialbridge.host.rt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.FieldKeys;
import dev.socialbridge.descriptor.QueueDef;
import dev.socialbridge.host.spi.HostAttachment;
import dev.socialbridge.host.spi.HostException;
import dev.socialbridge.host.spi.TicketRef;
import dev.socialbridge.host.spi.TicketRequest;
import dev.socialbridge.host.spi.TicketUpdate;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ticket operations over REST2, keyed by the descriptor: queues by key, fields by key.
 *
 * <p>A customer's message is written by the customer's RT user where {@link RtContactVoice} can (the ticket's
 * creation, then correspondence; another author in the thread becomes a requestor first), else by the API
 * user. The content is left as the customer wrote it, and the per-message id is stored in the
 * {@code social_message_id} transaction field, which marks the transaction as a customer message, with the
 * message's own classification in the {@code message_*} transaction fields.
 */
final class RtTickets {
    static final int MAX_SUBJECT_BYTES = 200;
    private static final String ELLIPSIS = "\u2026";
    private static final Logger LOG = LoggerFactory.getLogger(RtTickets.class);
    private static final List<String> FAILURE_MARKERS = List.of("Could not", "Invalid", "isn't a valid");

    private final RtClient client;
    private final Descriptor descriptor;
    private final RtFieldCodec codec;
    private final RtTransactionField txnFields;
    private final Clock clock;
    private final RtContactVoice voice;
    private final RtOwners owners;

    /** @param voice lets contacts write their own messages; null: the client writes every message */
    RtTickets(RtClient client, Descriptor descriptor, RtTransactionField txnFields, Clock clock, RtContactVoice voice) {
        this(client, descriptor, txnFields, clock, voice, new RtOwners(client));
    }

    /** @param owners gives tickets to their owners */
    RtTickets(RtClient client, Descriptor descriptor, RtTransactionField txnFields, Clock clock, RtContactVoice voice,
              RtOwners owners) {
        this.owners = owners;
        this.client = client;
        this.descriptor = descriptor;
        this.codec = new RtFieldCodec(descriptor);
        this.txnFields = txnFields;
        this.clock = clock;
        this.voice = voice;
    }

    /** The ticket holding the thread; with several (a lost race), the lowest id wins. */
    Optional<TicketRef> findByThread(String threadKey) {
        String query = "CF.{" + codec.label(FieldKeys.THREAD_KEY) + "} = '" + escapeTicketSql(threadKey) + "'"
                + " AND Status != 'deleted'";
        JsonNode result = client.get("/tickets?query=" + RtClient.queryValue(query)
                + "&orderby=id&order=ASC&per_page=1&fields=Status");
        JsonNode first = result.path("items").path(0);
        return first.isMissingNode() ? Optional.empty() : Optional.of(ref(first.path("id").asText()));
    }

    List<TicketRef> findByField(String fieldKey, String value, int limit) {
        String query = "CF.{" + codec.label(fieldKey) + "} = '" + escapeTicketSql(value) + "' AND Status != 'deleted'";
        JsonNode result = client.get("/tickets?query=" + RtClient.queryValue(query)
                + "&orderby=id&order=ASC&per_page=" + Math.max(1, Math.min(limit, 100)) + "&fields=Status");
        List<TicketRef> out = new java.util.ArrayList<>();
        for (JsonNode item : result.path("items")) {
            out.add(ref(item.path("id").asText()));
        }
        return out;
    }

    TicketRef create(TicketRequest request) {
        String threadKey = request.fields() == null ? null : request.fields().get(FieldKeys.THREAD_KEY);
        if (threadKey == null || threadKey.isBlank()) {
            throw new HostException("a ticket needs the " + FieldKeys.THREAD_KEY + " field", false);
        }
        ObjectNode body = createBody(request);
        Optional<RtClient> customer = customer(request.contactId());
        String id = null;
        if (customer.isPresent()) {
            try {
                id = customer.get().post("/ticket", body).path("id").asText();
            } catch (RtException e) {
                refusedOrRethrow(request.contactId(), e);
            }
        }
        boolean byCustomer = id != null;
        if (id == null) {
            id = client.post("/ticket", body).path("id").asText();
        }
        JsonNode ticket = client.get("/ticket/" + id);
        if (threadKey.equals(codec.fromCustomFields(ticket.path("CustomFields")).get(FieldKeys.THREAD_KEY))) {
            if (ticket.path("Requestor").isEmpty()) {
                LOG.warn("RT ticket {} has no requestor (contact id {})", id, request.contactId());
            }
            checkOwner(id, ticket, request);
            return ref(id);
        }
        if (byCustomer && findByThread(threadKey).isEmpty()) {
            // the customer could create the ticket but not set its fields: rights granted in part
            LOG.warn("RT user {} created ticket {} without its fields: run install to grant group {} its rights",
                    request.contactId(), id, voice.group().orElse("?"));
            update(ref(id), TicketUpdate.fields(request.fields()));
            return ref(id);
        }
        return resolveLostRace(id, threadKey);
    }

    /** RT creates the ticket unowned when it refuses the owner: said once, the ticket is kept. */
    private void checkOwner(String id, JsonNode ticket, TicketRequest request) {
        if (request.owner() != null && !RtOwners.ownerIn(ticket).map(request.owner()::equalsIgnoreCase).orElse(false)) {
            owners.refused(request.owner(), ticket.path("Queue").path("id").asText("?"), id, "created unowned");
        }
    }

    /** A client writing as the contact, if it may. */
    private Optional<RtClient> customer(String contactId) {
        return voice == null ? Optional.empty() : voice.clientFor(contactId);
    }

    /** RT refused the contact: remember it (the API user writes instead); a retryable failure propagates. */
    private void refusedOrRethrow(String contactId, RtException e) {
        if (e.retryable()) {
            throw e;
        }
        voice.refused(contactId, e);
    }

    /**
     * RT creates a racing duplicate but leaves its unique thread key empty (rt-host.md §4.3): delete
     * ours and return the winner.
     */
    private TicketRef resolveLostRace(String id, String threadKey) {
        Optional<TicketRef> winner = findByThread(threadKey);
        client.delete("/ticket/" + id);
        if (winner.isPresent() && !winner.get().id().equals(id)) {
            LOG.info("thread already had ticket {}; deleted duplicate {}", winner.get().id(), id);
            return winner.get();
        }
        throw new HostException("RT did not store the thread key on new ticket " + id + " (deleted it): is '"
                + codec.label(FieldKeys.THREAD_KEY) + "' applied to the queue? Run verify.", false);
    }

    private ObjectNode createBody(TicketRequest request) {
        QueueDef queue = queue(request.queueKey());
        ObjectNode body = RtClient.JSON.createObjectNode()
                .put("Queue", queue.label())
                .put("Subject", subject(request.subject()))
                .put("Content", request.body() == null ? "" : request.body())
                .put("ContentType", "text/plain")
                .put("Priority", request.priority() != null ? request.priority() : queue.defaultPriority())
                .put("Due", RtDates.format(request.due() != null ? request.due()
                        : clock.instant().plus(Duration.ofMinutes(queue.sla().firstResponseMinutes()))));
        body.put("Requestor", requestor(request.contactId()));
        if (request.owner() != null) {
            body.put("Owner", request.owner());
        }
        attach(body, request.attachments());
        body.set("CustomFields", codec.toCustomFields(request.fields()));
        // POST /ticket ignores TxnCustomFields; RT::Ticket::Create reads these keys for the Create transaction
        Map<String, String> txn = new java.util.LinkedHashMap<>(messageFields(request.fields()));
        if (request.firstMessageId() != null) {
            txn.put(FieldKeys.SOCIAL_MESSAGE_ID, request.firstMessageId());
        }
        txn.forEach((key, value) -> txnFields.appliedId(key).ifPresent(cfId ->
                body.put("Object-RT::Transaction--CustomField-" + cfId, value)));
        return body;
    }

    /**
     * @param fields descriptor keys of ticket fields describing this message: each {@code message_<key>} transaction
     *               field the descriptor declares and RT has applied records its value on the message's transaction
     */
    void appendCustomerMessage(TicketRef ticket, String contactId, String messageId, String text,
                               List<HostAttachment> attachments, Map<String, String> fields) {
        ObjectNode body = RtClient.JSON.createObjectNode()
                .put("Content", text == null ? "" : text)
                .put("ContentType", "text/plain");
        attach(body, attachments);
        ObjectNode txn = RtClient.JSON.createObjectNode();
        Optional<String> label = txnFields.appliedId(FieldKeys.SOCIAL_MESSAGE_ID)
                .flatMap(id -> txnFields.label(FieldKeys.SOCIAL_MESSAGE_ID));
        if (messageId != null && label.isPresent()) {
            if (alreadyRecorded(ticket, label.get(), messageId)) {
                LOG.debug("message already on RT ticket {}", ticket.id());
                return;
            }
            txn.put(label.get(), messageId);
        }
        messageFields(fields).forEach((key, value) -> txnFields.appliedId(key)
                .flatMap(id -> txnFields.label(key)).ifPresent(l -> txn.put(l, value)));
        if (!txn.isEmpty()) {
            body.set("TxnCustomFields", txn);
        }
        String path = "/ticket/" + ticket.id() + "/correspond";
        Optional<RtClient> customer = customer(contactId);
        if (customer.isPresent() && correspondAsCustomer(ticket, contactId, customer.get(), path, body)) {
            return;
        }
        client.post(path, body);
    }

    /**
     * Posts the message as the contact; another author in a thread (a second commenter) becomes a requestor of the
     * ticket first, since only its watchers may reply. False when RT refused the contact.
     */
    private boolean correspondAsCustomer(TicketRef ticket, String contactId, RtClient customer, String path,
                                         ObjectNode body) {
        try {
            customer.post(path, body);
            return true;
        } catch (RtException e) {
            if (e.retryable() || !deniedTo(e) || !addRequestor(ticket, contactId)) {
                refusedOrRethrow(contactId, e);
                return false;
            }
        }
        try {
            customer.post(path, body);
            return true;
        } catch (RtException e) {
            refusedOrRethrow(contactId, e);
            return false;
        }
    }

    /** RT's refusal of a reply by someone who is not a watcher: 403, or REST2's 400 "Permission Denied". */
    private static boolean deniedTo(RtException e) {
        return e.status() == 403 || e.status() == 400 && String.valueOf(e.getMessage()).contains("Permission Denied");
    }

    /**
     * Adds the contact to the ticket's requestors; false when it already was a watcher (the refusal is something
     * else). A requestor rather than a Cc: RT counts a requestor's message as the customer's, not as staff telling
     * the customer ({@code Told}).
     */
    private boolean addRequestor(TicketRef ticket, String contactId) {
        Optional<String> login = voice.login(contactId);
        if (login.isEmpty()) {
            return false;
        }
        JsonNode current = client.get("/ticket/" + ticket.id());
        List<String> requestors = new java.util.ArrayList<>();
        for (String role : List.of("Requestor", "Cc")) {
            for (JsonNode watcher : current.path(role)) {   // REST2 names users by login, groups by id
                String name = watcher.path("id").asText();
                if (name.equalsIgnoreCase(login.get())) {
                    return false;
                }
                if ("Requestor".equals(role)) {
                    requestors.add(name);
                }
            }
        }
        requestors.add(login.get());
        client.put("/ticket/" + ticket.id(), Map.of("Requestor", requestors));
        return true;
    }

    /**
     * Makes the contact the ticket's only requestor (the person's email user in place of a social identity's user);
     * nothing when it already is.
     */
    void setRequestor(TicketRef ticket, String contactId) {
        String login = voice != null ? voice.login(contactId).orElse(null) : null;
        if (login == null) {
            login = client.get("/user/" + requestor(contactId)).path("Name").asText();
        }
        JsonNode current = client.get("/ticket/" + ticket.id()).path("Requestor");
        if (current.size() == 1 && login.equalsIgnoreCase(current.path(0).path("id").asText())) {
            return;
        }
        client.put("/ticket/" + ticket.id(), Map.of("Requestor", List.of(login)));
    }

    /** {@code message_<key>} → value for each ticket field value given. */
    private static Map<String, String> messageFields(Map<String, String> fields) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (fields != null) {
            fields.forEach((key, value) -> {
                if (value != null && !value.isBlank() && !key.startsWith(FieldKeys.MESSAGE_FIELD_PREFIX)) {
                    out.put(FieldKeys.MESSAGE_FIELD_PREFIX + key, value);
                }
            });
        }
        return out;
    }

    /** REST2's {@code Attachments}: file name, MIME type and base64 content per file. */
    private static void attach(ObjectNode body, List<HostAttachment> attachments) {
        if (attachments == null || attachments.isEmpty()) {
            return;
        }
        ArrayNode files = body.putArray("Attachments");
        for (HostAttachment a : attachments) {
            files.addObject().put("FileName", a.fileName()).put("FileType", a.mimeType())
                    .put("FileContent", java.util.Base64.getEncoder().encodeToString(a.content()));
        }
    }

    /** Whether this ticket already has a transaction for {@code messageId} (ids are unique within a thread, not across platforms). */
    private boolean alreadyRecorded(TicketRef ticket, String label, String messageId) {
        ArrayNode query = RtClient.JSON.createArrayNode();
        query.addObject().put("field", "CustomField.{" + label + "}").put("value", messageId);
        query.addObject().put("field", "ObjectType").put("value", "RT::Ticket");
        query.addObject().put("field", "ObjectId").put("value", ticket.id());
        return client.post("/transactions?per_page=1", query).path("total").asInt(0) > 0;
    }

    void addNote(TicketRef ticket, String text) {
        client.post("/ticket/" + ticket.id() + "/comment",
                Map.of("Content", text == null ? "" : text, "ContentType", "text/plain"));
    }

    void update(TicketRef ticket, TicketUpdate update) {
        ObjectNode body = RtClient.JSON.createObjectNode();
        if (update.queueKey() != null) {
            body.put("Queue", queue(update.queueKey()).label());
        }
        if (update.priority() != null) {
            body.put("Priority", update.priority());
        }
        if (update.due() != null) {
            body.put("Due", RtDates.format(update.due()));
        }
        if (update.status() != null) {
            body.put("Status", update.status());
        }
        ObjectNode cfs = codec.toCustomFields(update.fields());
        if (!cfs.isEmpty()) {
            body.set("CustomFields", cfs);
        }
        if (!body.isEmpty()) {
            put(ticket, body);
        }
        if (update.owner() != null) {   // after a move: the owner needs OwnTicket in the new queue
            owners.giveIfUnowned(ticket.id(), update.owner());
        }
    }

    private void put(TicketRef ticket, ObjectNode body) {
        RtResponse response = client.exchange("PUT", "/ticket/" + ticket.id(), body);
        if (response.status() == 404) {
            throw new HostException("RT ticket " + ticket.id() + " does not exist", false);
        }
        if (!response.ok()) {
            throw new HostException("RT refused to update ticket " + ticket.id() + " (HTTP " + response.status()
                    + ": " + response.message() + ")", false);
        }
        failOnRejectedChanges(ticket, response.body());
    }

    /** RT answers 200 with a list of messages even when it applied nothing. */
    private static void failOnRejectedChanges(TicketRef ticket, JsonNode messages) {
        List<String> failures = StreamSupport.stream(messages.spliterator(), false)
                .map(JsonNode::asText)
                .filter(m -> FAILURE_MARKERS.stream().anyMatch(m::contains))
                .toList();
        if (!failures.isEmpty()) {
            throw new HostException("RT rejected changes to ticket " + ticket.id() + ": " + String.join("; ", failures),
                    false);
        }
    }

    Map<String, String> readFields(TicketRef ticket) {
        return codec.fromCustomFields(client.get("/ticket/" + ticket.id()).path("CustomFields"));
    }

    TicketRef ref(String id) {
        return new TicketRef(id, client.baseUrl() + "/Ticket/Display.html?id=" + id);
    }

    private QueueDef queue(String key) {
        return descriptor.queue(key)
                .orElseThrow(() -> new HostException("descriptor has no queue '" + key + "'", false));
    }

    /** The numeric user id: RT reads a name with a colon as a group and silently drops the requestor. */
    private static long requestor(String contactId) {
        if (contactId == null || !contactId.matches("\\d{1,18}")) {
            throw new HostException("contact id must be the numeric RT user id from upsertContact, got '"
                    + contactId + "'", false);
        }
        return Long.parseLong(contactId);
    }

    /** RT cuts subjects at 200 bytes (not characters), so shorten on a character boundary and mark it. */
    static String subject(String subject) {
        String s = subject == null || subject.isBlank() ? "Social message" : subject.strip().replaceAll("\\s+", " ");
        if (utf8Length(s) <= MAX_SUBJECT_BYTES) {
            return s;
        }
        int budget = MAX_SUBJECT_BYTES - utf8Length(ELLIPSIS);
        int end = 0;
        for (int used = 0; end < s.length(); end += Character.charCount(s.codePointAt(end))) {
            used += utf8Length(s.codePointAt(end));
            if (used > budget) {
                break;
            }
        }
        return s.substring(0, end) + ELLIPSIS;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }

    /** Quotes a TicketSQL string literal's content: backslashes and single quotes get a backslash. */
    static String escapeTicketSql(String value) {
        return value.replace("\\", "\\\\").replace("'", "\\'");
    }
}
