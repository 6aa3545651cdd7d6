package dev.socialbridge.connector.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.interaction.Author;

/**
 * The customer side of a WhatsApp conversation. Keyed by the business-scoped user id (BSUID, {@code US.1349...})
 * when WhatsApp sends one, else by the phone number: a customer who adopted a username may have no phone at all,
 * so {@code wa_id}/{@code from} are never assumed. Messages go to the phone number when known (Meta's advice), else
 * to the BSUID.
 *
 * @param id          stable customer id in thread keys and as author id
 * @param sendTo      the id a reply is addressed to (the conversation id)
 * @param handle      WhatsApp username without '@', or null
 * @param displayName profile name, or null
 */
record WhatsAppCustomer(String id, String sendTo, String handle, String displayName) {

    /**
     * @param phone   the phone number from the message ({@code from}, {@code to} of an echo), or null
     * @param userId  the BSUID from the message ({@code from_user_id}, {@code to_user_id}), or null
     * @param contact the matching {@code contacts[]} entry, or null
     * @return the customer, or null when nothing identifies them
     */
    static WhatsAppCustomer of(String phone, String userId, JsonNode contact) {
        String p = phone != null ? phone : WhatsAppJson.text(contact, "wa_id");
        String u = userId != null ? userId : WhatsAppJson.text(contact, "user_id");
        if (p == null && u == null) {
            return null;
        }
        JsonNode profile = WhatsAppJson.object(contact, "profile");
        String username = WhatsAppJson.text(profile, "username");
        if (username != null && username.startsWith("@")) {
            username = username.length() > 1 ? username.substring(1) : null;
        }
        return new WhatsAppCustomer(u != null ? u : p, p != null ? p : u, username, WhatsAppJson.text(profile, "name"));
    }

    Author author() {
        return new Author(id, handle, displayName, null, false);
    }

    /** {@code whatsapp:dm:<phone-number-id>:<customer id>}: one thread (ticket) per customer and business number. */
    String threadKey(String phoneNumberId) {
        return "whatsapp:dm:" + phoneNumberId + ":" + id;
    }
}
