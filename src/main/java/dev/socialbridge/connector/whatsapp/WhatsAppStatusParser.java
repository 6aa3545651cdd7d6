package dev.socialbridge.connector.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.connector.spi.ParsedItem;
import dev.socialbridge.interaction.DeliveryStatus;
import dev.socialbridge.interaction.Platform;
import java.util.Locale;

/**
 * One {@code statuses[]} item (what became of a message we sent) to a {@link ParsedItem.StatusUpdate} keyed
 * {@code wa:status:<id>:<status>}. A voice message {@code played} counts as read; {@code deleted} and
 * {@code warning} (catalog item unavailable) are ignored; a failure carries its first error's code and an
 * explanation the agent can act on.
 */
final class WhatsAppStatusParser {

    ParsedItem parse(WhatsAppChange change, JsonNode status, String raw) {
        String id = WhatsAppJson.requireText(status, "id", "status");
        String value = WhatsAppJson.requireText(status, "status", "status").toLowerCase(Locale.ROOT);
        String key = "wa:status:" + id + ":" + value;
        DeliveryStatus.State state = switch (value) {
            case "sent" -> DeliveryStatus.State.SENT;
            case "delivered" -> DeliveryStatus.State.DELIVERED;
            case "read", "played" -> DeliveryStatus.State.READ;
            case "failed" -> DeliveryStatus.State.FAILED;
            case "deleted", "warning" -> null;
            default -> throw new WhatsAppJson.Malformed("unknown status '" + value + "'");
        };
        if (state == null) {
            return new ParsedItem.Ignored(key, raw, "receipt: status " + value + " of " + id);
        }
        String recipient = WhatsAppJson.text(status, "recipient_user_id");
        if (recipient == null) {
            recipient = WhatsAppJson.text(status, "recipient_id");
        }
        JsonNode errors = WhatsAppJson.array(status, "errors");
        JsonNode error = errors == null || errors.isEmpty() ? null : errors.get(0);
        return new ParsedItem.StatusUpdate(key, raw, new DeliveryStatus(Platform.WHATSAPP, change.phoneNumberId(), id,
                state, WhatsAppJson.timestamp(status, "status"), recipient,
                error == null ? null : WhatsAppJson.text(error, "code"),
                error == null ? null : WhatsAppErrors.describe(error)));
    }
}
