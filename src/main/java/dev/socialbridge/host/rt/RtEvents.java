package dev.socialbridge.host.rt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.socialbridge.host.spi.HostEvent;
import dev.socialbridge.host.spi.HostEvents;
import dev.socialbridge.host.spi.HostFile;
import dev.socialbridge.host.spi.TicketRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Agents' replies, moderation requests and closed tickets, read from RT's transactions over REST2 after a
 * transaction id: {@code POST /transactions} for the ticket {@code Correspond}, {@code Status} and
 * {@code CustomField} transactions with a greater id, oldest first. A correspondence is an agent's reply when the
 * plugin's API user did not write it and it carries no {@code social_message_id} (the mark of a customer message);
 * its text is its {@code text/plain} part. A person setting the moderation status field to
 * {@code <action>_requested} is a moderation request; a person (not the plugin) changing the intent or sentiment field
 * is a correction of the classifier ({@link HostEvent.LabelCorrected}).
 */
final class RtEvents {
    private static final Set<String> CLOSED = Set.of("resolved", "rejected", "deleted");
    private static final String REQUESTED = "_requested";

    private final RtClient client;
    private final RtTickets tickets;
    private final RtTransactionField messageIdField;
    private final Set<String> ownUsers;
    private final RtFieldIds fieldIds;
    private final java.util.Optional<String> moderationLabel;
    private final Map<String, String> correctableLabels;
    /** Logins known to be staff; others are asked again (a new agent may be made privileged meanwhile). */
    private final Set<String> staff = new java.util.HashSet<>();

    /**
     * @param ownUsers        the logins of the plugin's API user and bot user (their transactions are the plugin's own)
     * @param moderationLabel RT name of the moderation status field, if the descriptor has one
     * @param correctableLabels RT names of the classifier's fields a person may correct, by descriptor key
     */
    RtEvents(RtClient client, RtTickets tickets, RtTransactionField messageIdField, Set<String> ownUsers,
             java.util.Optional<String> moderationLabel, Map<String, String> correctableLabels) {
        this.correctableLabels = correctableLabels;
        this.client = client;
        this.tickets = tickets;
        this.fieldIds = new RtFieldIds(client);
        this.moderationLabel = moderationLabel;
        this.messageIdField = messageIdField;
        this.ownUsers = Set.copyOf(ownUsers);
    }

    HostEvents after(long position, int limit) {
        ArrayNode query = RtClient.JSON.createArrayNode();
        query.addObject().put("field", "id").put("operator", ">").put("value", Long.toString(position));
        query.addObject().put("field", "ObjectType").put("value", "RT::Ticket");
        query.addObject().put("field", "Type").put("value", "Correspond").put("entry_aggregator", "OR");
        query.addObject().put("field", "Type").put("value", "Status").put("entry_aggregator", "OR");
        query.addObject().put("field", "Type").put("value", "CustomField").put("entry_aggregator", "OR");
        JsonNode page = client.post("/transactions?fields=Type,Field,ObjectId,Creator,Created,OldValue,NewValue&orderby=id&order=ASC"
                + "&per_page=" + Math.max(1, Math.min(limit, 100)), query);
        List<HostEvent> events = new ArrayList<>();
        long last = position;
        for (JsonNode t : page.path("items")) {
            long id = t.path("id").asLong();
            last = Math.max(last, id);
            HostEvent e = event(id, t);
            if (e != null) {
                events.add(e);
            }
        }
        return new HostEvents(events, last);
    }

    /** The newest transaction id (REST2 lists no transactions without a query, hence {@code id > 0}). */
    long latest() {
        ArrayNode query = RtClient.JSON.createArrayNode();
        query.addObject().put("field", "id").put("operator", ">").put("value", "0");
        JsonNode page = client.post("/transactions?orderby=id&order=DESC&per_page=1", query);
        return page.path("items").path(0).path("id").asLong(0);
    }

    private HostEvent event(long id, JsonNode t) {
        TicketRef ticket = tickets.ref(t.path("ObjectId").asText());
        String created = t.path("Created").asText("");
        Instant at = created.isEmpty() ? Instant.now() : RtDates.parse(created);
        String creator = t.path("Creator").path("id").asText("");
        String type = t.path("Type").asText();
        if ("Status".equals(type)) {
            String status = t.path("NewValue").asText("");
            return CLOSED.contains(status) ? new HostEvent.TicketClosed(id, ticket, status, at)
                    : new HostEvent.StatusChanged(id, ticket, status, at);
        }
        if ("CustomField".equals(type)) {
            HostEvent request = moderationRequest(id, t, ticket, creator, at);   // the plugin never writes *_requested
            return request != null ? request : correction(id, t, ticket, creator, at);
        }
        if (ownUsers.contains(creator) || isCustomerMessage(id) || !isStaff(creator)) {
            return null;
        }
        JsonNode parts = client.get("/transaction/" + id + "/attachments?fields=Content,ContentType,Filename&per_page=50");
        return new HostEvent.AgentReply(id, ticket, creator, text(parts), files(parts), at);
    }

    /** A change of the moderation status field to {@code <action>_requested}, else null. */
    private HostEvent moderationRequest(long id, JsonNode t, TicketRef ticket, String creator, Instant at) {
        String value = t.path("NewValue").asText("");
        if (!value.endsWith(REQUESTED) || moderationLabel.isEmpty()) {
            return null;
        }
        String action = value.substring(0, value.length() - REQUESTED.length());
        boolean moderationField = fieldIds.ticketFieldId(moderationLabel.get())
                .map(t.path("Field").asText()::equals).orElse(false);
        return moderationField && HostEvent.MODERATION_ACTIONS.contains(action)
                ? new HostEvent.ModerationRequested(id, ticket, action, creator, at) : null;
    }

    /** A person's change of a correctable field (intent, sentiment), else null. */
    private HostEvent correction(long id, JsonNode t, TicketRef ticket, String creator, Instant at) {
        if (ownUsers.contains(creator)) {
            return null;
        }
        String field = t.path("Field").asText();
        for (Map.Entry<String, String> e : correctableLabels.entrySet()) {
            if (fieldIds.ticketFieldId(e.getValue()).map(field::equals).orElse(false)) {
                return isStaff(creator) ? new HostEvent.LabelCorrected(id, ticket, e.getKey(), t.path("OldValue").asText(""),
                        t.path("NewValue").asText(""), creator, at) : null;
            }
        }
        return null;
    }

    /**
     * Whether a person is RT staff (privileged): customers' own users are unprivileged, so a customer's message is
     * never taken for an agent's reply, even when its message id field could not be written.
     */
    private boolean isStaff(String login) {
        synchronized (staff) {
            if (staff.contains(login)) {
                return true;
            }
        }
        boolean privileged = client.find("/user/" + RtClient.segment(login))
                .map(u -> u.path("Privileged").asInt(0) == 1).orElse(false);
        if (privileged) {
            synchronized (staff) {
                staff.add(login);
            }
        }
        return privileged;
    }

    private boolean isCustomerMessage(long id) {
        JsonNode txn = client.get("/transaction/" + id);
        for (JsonNode cf : txn.path("CustomFields")) {
            if (messageIdField.label(dev.socialbridge.descriptor.FieldKeys.SOCIAL_MESSAGE_ID)
                    .map(cf.path("name").asText()::equals).orElse(false)
                    && cf.path("values").size() > 0) {
                return true;
            }
        }
        return false;
    }

    /** The files of the reply: its parts with a file name, in order. */
    private static List<HostFile> files(JsonNode parts) {
        List<HostFile> out = new ArrayList<>();
        for (JsonNode part : parts.path("items")) {
            String name = part.path("Filename").asText("");
            if (!name.isEmpty()) {
                String type = part.path("ContentType").asText("");
                out.add(new HostFile(part.path("id").asText(), name, type.isEmpty() ? "application/octet-stream" : type));
            }
        }
        return out;
    }

    /** The reply's plain text: its text/plain parts without a file name, in order. */
    private static String text(JsonNode parts) {
        StringBuilder b = new StringBuilder();
        for (JsonNode part : parts.path("items")) {
            if ("text/plain".equals(part.path("ContentType").asText()) && part.path("Filename").asText("").isEmpty()) {
                if (b.length() > 0) {
                    b.append('\n');
                }
                b.append(part.path("Content").asText(""));
            }
        }
        return b.toString().strip();
    }
}
