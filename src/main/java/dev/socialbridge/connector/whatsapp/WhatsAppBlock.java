package dev.socialbridge.connector.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.support.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A block through the Block Users API ({@code POST /{phone-number-id}/block_users}): whom to block and what WhatsApp's
 * per-user answer means. The API takes the customer's phone number (wa_id), so a customer known only by username
 * (business-scoped user id) cannot be blocked. WhatsApp blocks only people who messaged the business in the last
 * 24 hours and reports refusals per user in {@code block_users.failed_users} (with HTTP 400 and error 139100 when
 * nobody was blocked): such a refusal is {@link DeliveryResult.NotSendable} with WhatsApp's message and details.
 *
 * @param user    the phone number to block, or null when {@code refusal} says why there is none
 * @param refusal why nobody can be blocked (no HTTP call), or null
 */
record WhatsAppBlock(String user, DeliveryResult refusal) {
    static final String USERNAME_ONLY = "this customer is known to WhatsApp by username only (no phone number) and"
            + " WhatsApp blocks phone numbers only: ignore their messages or close the ticket instead";
    static final String OUTSIDE_24H_ADVICE = "WhatsApp only blocks people who messaged this number in the last 24"
            + " hours: block them right after their next message, or ignore their messages";
    /** Re-engagement required: the user has not messaged in the last 24 hours. */
    private static final int NOT_IN_24H = WhatsAppErrors.REENGAGEMENT;
    private static final int MAX_REASON = 500;

    /** The phone number to block: the person's id when it is one, else the conversation's (their phone). */
    static WhatsAppBlock of(OutboundAction.Block block) {
        for (String candidate : new String[] {block.userId(), block.conversationId()}) {
            if (candidate != null && WhatsAppReplyBody.PHONE.matcher(candidate).matches()) {
                return new WhatsAppBlock(candidate, null);
            }
        }
        if (isBsuid(block.userId()) || isBsuid(block.conversationId())) {
            return new WhatsAppBlock(null, new DeliveryResult.NotSendable(USERNAME_ONLY));
        }
        return new WhatsAppBlock(null, new DeliveryResult.Failed("invalid WhatsApp user "
                + WhatsAppReplyBody.abbreviate(block.userId()) + ": neither a phone number nor a business-scoped user id"));
    }

    private static boolean isBsuid(String id) {
        return id != null && WhatsAppReplyBody.BSUID.matcher(id).matches();
    }

    /** {@code {"messaging_product":"whatsapp","block_users":[{"user":"<phone>"}]}}. */
    String json() {
        ObjectNode body = Json.MAPPER.createObjectNode().put("messaging_product", "whatsapp");
        body.putArray("block_users").addObject().put("user", user);
        return Json.write(body);
    }

    /**
     * WhatsApp's refusal to block {@code user} ({@code block_users.failed_users}), whatever the HTTP status, or null
     * when the answer lists none.
     */
    static DeliveryResult.NotSendable refused(String user, String body) {
        JsonNode entry = entryFor(user, parse(body), "failed_users");
        if (entry == null) {
            return null;
        }
        List<String> said = new ArrayList<>();
        boolean notIn24h = false;
        JsonNode errors = entry.path("errors");
        for (JsonNode error : errors.isArray() ? errors : List.<JsonNode>of()) {
            int code = error.path("code").asInt(-1);
            notIn24h |= code == NOT_IN_24H;
            String message = text(error.get("message"));
            String details = text(error.path("error_data").get("details"));
            String one = message == null ? details : details == null || details.equals(message) ? message
                    : message + ": " + details;
            said.add((one == null ? "no reason given" : one) + " [error " + error.path("code").asText("?") + "]");
        }
        String reason = "WhatsApp did not block " + user + ": "
                + (said.isEmpty() ? "no reason given" : String.join("; ", said));
        if (notIn24h) {
            reason = OUTSIDE_24H_ADVICE + " (" + reason + ")";
        }
        return new DeliveryResult.NotSendable(reason.length() <= MAX_REASON ? reason
                : reason.substring(0, MAX_REASON) + "…");
    }

    /** A successful answer: delivered, with the blocked wa_id WhatsApp lists in {@code added_users}, else the number. */
    static DeliveryResult.Delivered blocked(String user, String body) {
        JsonNode entry = entryFor(user, parse(body), "added_users");
        String waId = entry == null ? null : text(entry.get("wa_id"));
        return new DeliveryResult.Delivered(waId != null ? waId : user);
    }

    /** The entry of {@code block_users.<list>} about {@code user}; the first when none names it (one user is sent). */
    private static JsonNode entryFor(String user, JsonNode json, String list) {
        JsonNode entries = json == null ? null : json.path("block_users").get(list);
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            return null;
        }
        for (JsonNode e : entries) {
            if (user.equals(text(e.get("input"))) || user.equals(text(e.get("wa_id")))) {
                return e;
            }
        }
        return entries.get(0);
    }

    private static String text(JsonNode n) {
        return n != null && n.isValueNode() && !n.isNull() && !n.asText().isBlank() ? n.asText() : null;
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
