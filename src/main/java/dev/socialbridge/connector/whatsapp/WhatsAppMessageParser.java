package dev.socialbridge.connector.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.connector.spi.ParsedItem;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.interaction.Referral;
import java.time.Instant;

/**
 * One {@code messages[]} item (a customer's message) or {@code message_echoes[]} item (a message the business typed
 * in the WhatsApp Business app, coexistence) to an item: a customer's message is {@link ParsedItem.Accepted} under
 * {@code wa:msg:<id>}, a reaction is {@link ParsedItem.Ignored}, an echo is accepted with {@code fromSelf}.
 */
final class WhatsAppMessageParser {

    ParsedItem message(WhatsAppChange change, JsonNode message, String raw) {
        String id = WhatsAppJson.requireText(message, "id", "message");
        String type = WhatsAppJson.requireText(message, "type", "message");
        String from = WhatsAppJson.text(message, "from");
        String fromUserId = WhatsAppJson.text(message, "from_user_id");
        WhatsAppCustomer customer = WhatsAppCustomer.of(from, fromUserId, change.contact(from, fromUserId));
        if (customer == null) {
            throw new WhatsAppJson.Malformed("message has no from, from_user_id or contact");
        }
        Instant at = WhatsAppJson.timestamp(message, "message");
        if ("reaction".equals(type)) {
            return new ParsedItem.Ignored(key(id), raw, reaction(WhatsAppJson.object(message, "reaction")));
        }
        WhatsAppContent content = WhatsAppContent.of(type, message);
        String phoneNumberId = change.phoneNumberId();
        return new ParsedItem.Accepted(key(id), raw, new Interaction(Platform.WHATSAPP, content.kind(), phoneNumberId,
                customer.threadKey(phoneNumberId), id, contextId(message), null, customer.author(), content.text(),
                content.attachments(), referral(WhatsAppJson.object(message, "referral")), null, at, false,
                customer.sendTo(), content.automationBlockedBy(), 0));
    }

    /** An echo: in the customer's thread, authored by our number, recorded but never ticketed as theirs. */
    ParsedItem echo(WhatsAppChange change, JsonNode echo, String raw) {
        String id = WhatsAppJson.requireText(echo, "id", "message_echo");
        String type = WhatsAppJson.requireText(echo, "type", "message_echo");
        String to = WhatsAppJson.text(echo, "to");
        String toUserId = WhatsAppJson.text(echo, "to_user_id");
        WhatsAppCustomer customer = WhatsAppCustomer.of(to, toUserId, change.contact(to, toUserId));
        if (customer == null) {
            throw new WhatsAppJson.Malformed("message_echo has no to or to_user_id");
        }
        Instant at = WhatsAppJson.timestamp(echo, "message_echo");
        WhatsAppContent content = WhatsAppContent.of(type, echo);
        String phoneNumberId = change.phoneNumberId();
        Author business = new Author(phoneNumberId, null, change.displayPhoneNumber(), null, false);
        return new ParsedItem.Accepted(key(id), raw, new Interaction(Platform.WHATSAPP, content.kind(), phoneNumberId,
                customer.threadKey(phoneNumberId), id, contextId(echo), null, business, content.text(),
                content.attachments(), null, null, at, true, customer.sendTo(), content.automationBlockedBy(), 0));
    }

    static String key(String messageId) {
        return "wa:msg:" + messageId;
    }

    private static String contextId(JsonNode message) {
        return WhatsAppJson.text(WhatsAppJson.object(message, "context"), "id");
    }

    private static String reaction(JsonNode reaction) {
        String emoji = WhatsAppJson.text(reaction, "emoji");
        String on = WhatsAppJson.text(reaction, "message_id");
        return "reaction: " + (emoji != null ? emoji : "removed") + (on != null ? " on " + on : "");
    }

    /**
     * A Click-to-WhatsApp {@code referral}: where the conversation came from (an ad, or a post when
     * {@code source_type} is {@code post}). The ad's headline goes into the referral only; its body, media and
     * welcome text go nowhere.
     */
    static Referral referral(JsonNode r) {
        if (r == null) {
            return null;
        }
        String sourceType = WhatsAppJson.text(r, "source_type");
        String adId = "ad".equals(sourceType) ? WhatsAppJson.text(r, "source_id") : null;
        String postId = "post".equals(sourceType) ? WhatsAppJson.text(r, "source_id") : null;
        Referral referral = new Referral(null, sourceType, "ctwa", adId, WhatsAppJson.text(r, "source_url"),
                WhatsAppJson.text(r, "ctwa_clid"), WhatsAppJson.text(r, "headline"), postId);
        return referral.isEmpty() ? null : referral;
    }
}
