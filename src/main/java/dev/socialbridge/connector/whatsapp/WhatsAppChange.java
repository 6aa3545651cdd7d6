package dev.socialbridge.connector.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialbridge.connector.spi.ParsedItem;
import dev.socialbridge.support.Json;

/**
 * One {@code entry[].changes[]} element of a WhatsApp webhook and where its items belong: the business phone number
 * ({@code metadata.phone_number_id}, our account id), its display number, the customer contacts, and the one-item
 * raw JSON of each item, an envelope that parses again into the same item.
 *
 * @param entryId the WhatsApp Business Account id ({@code entry[].id}), or null
 * @param field   the change's {@code field}
 * @param value   the change's {@code value} object
 */
record WhatsAppChange(String entryId, String field, JsonNode value) {

    static final String OBJECT = "whatsapp_business_account";

    /** {@code metadata.phone_number_id}: the number the change is for, or null. */
    String phoneNumberId() {
        return WhatsAppJson.text(WhatsAppJson.object(value, "metadata"), "phone_number_id");
    }

    /** {@code metadata.display_phone_number}, or null. */
    String displayPhoneNumber() {
        return WhatsAppJson.text(WhatsAppJson.object(value, "metadata"), "display_phone_number");
    }

    /**
     * The {@code contacts[]} entry of the customer with this phone number or business-scoped user id; else the only
     * entry, unless it names someone else; else null.
     */
    JsonNode contact(String phone, String userId) {
        JsonNode contacts = WhatsAppJson.array(value, "contacts");
        if (contacts == null || contacts.isEmpty()) {
            return null;
        }
        for (JsonNode c : contacts) {
            if (same(userId, c.get("user_id")) || same(phone, c.get("wa_id"))) {
                return c;
            }
        }
        JsonNode only = contacts.size() == 1 ? contacts.get(0) : null;
        boolean someoneElse = only != null && (phone != null && only.hasNonNull("wa_id")
                || userId != null && only.hasNonNull("user_id"));
        return someoneElse ? null : only;
    }

    private static boolean same(String id, JsonNode node) {
        return id != null && node != null && id.equals(node.asText());
    }

    /** {@code {"object":..,"entry":[{"id":..,"changes":[{"field":..,"value":{<envelope>,"<array>":[item]}}]}]}}. */
    String raw(String array, JsonNode item) {
        ObjectNode v = Json.MAPPER.createObjectNode();
        copy(v, "messaging_product");
        copy(v, "metadata");
        if (!"statuses".equals(array) && !"errors".equals(array)) {
            copy(v, "contacts");
        }
        v.putArray(array).add(item);
        ObjectNode body = Json.MAPPER.createObjectNode().put("object", OBJECT);
        ObjectNode entry = body.putArray("entry").addObject();
        if (entryId != null) {
            entry.put("id", entryId);
        }
        ArrayNode changes = entry.putArray("changes");
        changes.addObject().put("field", field).set("value", v);
        return Json.write(body);
    }

    private void copy(ObjectNode target, String member) {
        JsonNode n = value == null ? null : value.get(member);
        if (n != null) {
            target.set(member, n);
        }
    }

    static ParsedItem quarantined(String raw, String reason) {
        return new ParsedItem.Quarantined("wa:quarantine:" + WhatsAppJson.hash(raw), raw, reason);
    }
}
