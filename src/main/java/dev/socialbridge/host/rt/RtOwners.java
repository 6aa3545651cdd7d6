package dev.socialbridge.host.rt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ticket owners in RT: a group's enabled privileged members (REST2 lists a group's members by id, disabled users left
 * out), a ticket's owner, and giving an unowned ticket to someone. RT creates a ticket without an owner it refuses
 * (no OwnTicket right in the queue, an unknown or disabled user) and answers an update with a message: the ticket
 * stays unowned and the refusal is logged once per owner and queue, never retried.
 */
final class RtOwners {
    /** RT's owner of an unowned ticket. */
    static final String NOBODY = "Nobody";
    private static final Logger LOG = LoggerFactory.getLogger(RtOwners.class);
    private static final int MAX_MEMBERS = 100;

    private final RtClient client;
    /** "owner|queue" refusals already logged. */
    private final Set<String> refusals = ConcurrentHashMap.newKeySet();

    RtOwners(RtClient client) {
        this.client = client;
    }

    /** The numeric id of the user-defined group named {@code name}, if RT has it. */
    Optional<String> groupId(String name) {
        ArrayNode query = RtClient.JSON.createArrayNode();
        query.addObject().put("field", "Name").put("value", name);
        JsonNode first = client.post("/groups?per_page=1", query).path("items").path(0);
        return first.isMissingNode() ? Optional.empty() : Optional.of(first.path("id").asText());
    }

    /** Logins of the group's enabled, privileged members (also through subgroups); empty for an unknown group. */
    List<String> members(String group) {
        Optional<String> id = groupId(group);
        if (id.isEmpty()) {
            return List.of();
        }
        JsonNode members = client.get("/group/" + id.get() + "/members?users=1&groups=0&recursively=1&per_page="
                + MAX_MEMBERS);
        List<String> logins = new ArrayList<>();
        for (JsonNode member : members.path("items")) {
            JsonNode user = client.find("/user/" + RtClient.segment(member.path("id").asText())).orElse(null);
            if (user != null && user.path("Disabled").asInt(0) == 0 && user.path("Privileged").asInt(0) == 1) {
                logins.add(user.path("Name").asText());
            }
        }
        return logins;
    }

    /** The login of the ticket's owner; empty when nobody owns it. */
    Optional<String> owner(String ticketId) {
        return ownerIn(client.get("/ticket/" + ticketId));
    }

    /** The owner named in a ticket's JSON; empty for Nobody. */
    static Optional<String> ownerIn(JsonNode ticket) {
        String login = ticket.path("Owner").path("id").asText("");
        return login.isEmpty() || NOBODY.equalsIgnoreCase(login) ? Optional.empty() : Optional.of(login);
    }

    /**
     * Gives the ticket to {@code login} when nobody owns it; a person's ticket keeps its owner. A refusal is logged
     * (once per owner and queue), not thrown.
     *
     * @return whether {@code login} owns the ticket now
     */
    boolean giveIfUnowned(String ticketId, String login) {
        JsonNode ticket = client.get("/ticket/" + ticketId);
        Optional<String> current = ownerIn(ticket);
        if (current.isPresent()) {
            if (!current.get().equalsIgnoreCase(login)) {
                LOG.debug("RT ticket {} stays with {} (not given to {})", ticketId, current.get(), login);
            }
            return current.get().equalsIgnoreCase(login);
        }
        RtResponse response = client.exchange("PUT", "/ticket/" + ticketId, Map.of("Owner", login));
        String messages = StreamSupport.stream(response.body().spliterator(), false).map(JsonNode::asText)
                .reduce((a, b) -> a + "; " + b).orElse("");
        if (response.ok() && messages.contains("Owner changed")) {
            return true;
        }
        refused(login, ticket.path("Queue").path("id").asText("?"), ticketId,
                "HTTP " + response.status() + (messages.isEmpty() ? "" : ": " + messages));
        return false;
    }

    /** RT did not give a ticket to {@code login}: logged once per owner and queue. */
    void refused(String login, String queue, String ticketId, String reason) {
        if (refusals.add(login.toLowerCase(java.util.Locale.ROOT) + "|" + queue)) {
            LOG.warn("RT did not give ticket {} to {} (queue {}): {}. The ticket stays unowned; check that {} is an"
                    + " enabled privileged user with OwnTicket on the queue (bin/social-bridge verify)", ticketId, login,
                    queue, reason, login);
        } else {
            LOG.debug("RT did not give ticket {} to {} (queue {}): {}", ticketId, login, queue, reason);
        }
    }
}
