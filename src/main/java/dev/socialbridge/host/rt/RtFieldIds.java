package dev.socialbridge.host.rt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

/**
 * RT ids of ticket custom fields by name, looked up once each (RT names a field in a transaction by its id). A
 * field not found is looked up again on the next call: it may be created later by {@code install}.
 */
final class RtFieldIds {
    private final RtClient client;
    private final Map<String, String> ids = new ConcurrentHashMap<>();

    RtFieldIds(RtClient client) {
        this.client = client;
    }

    /** The id of the enabled ticket field named {@code label}, if RT has one. */
    Optional<String> ticketFieldId(String label) {
        String known = ids.get(label);
        if (known != null) {
            return Optional.of(known);
        }
        ArrayNode query = RtClient.JSON.createArrayNode();
        query.addObject().put("field", "Name").put("value", label);
        query.addObject().put("field", "LookupType").put("value", "RT::Queue-RT::Ticket");
        JsonNode result = client.post("/customfields?fields=Name&per_page=10", query);
        Optional<String> id = StreamSupport.stream(result.path("items").spliterator(), false)
                .filter(item -> label.equalsIgnoreCase(item.path("Name").asText(label)))
                .map(item -> item.path("id").asText())
                .findFirst();
        id.ifPresent(found -> ids.put(label, found));
        return id;
    }
}
