package dev.socialbridge.connector.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.connector.spi.ParsedItem;
import dev.socialbridge.connector.spi.WebhookParser;
import dev.socialbridge.support.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a verified WhatsApp Cloud API webhook body ({@code object} "whatsapp_business_account") into one item per
 * {@code entry[].changes[].value} {@code messages[]}, {@code statuses[]}, {@code errors[]} and
 * {@code message_echoes[]} element. Stateless and thread-safe; never throws.
 *
 * <p>Items are routed by {@code metadata.phone_number_id} (the account id): a number that is not configured is
 * quarantined, as are malformed items and unknown fields; account and template notifications are ignored. Each
 * item's raw JSON is a one-item envelope that parses again into the same item.
 */
final class WhatsAppWebhookParser implements WebhookParser {
    /** Known WhatsApp Business Account fields that carry no conversation. */
    private static final Set<String> NOTIFICATION_FIELDS = Set.of("account_alerts", "account_review_update",
            "account_update", "business_capability_update", "history", "message_template_components_update",
            "message_template_quality_update", "message_template_status_update", "phone_number_name_update",
            "phone_number_quality_update", "security", "smb_app_state_sync", "template_category_update",
            "user_preferences");

    /** Parses one array item, given its one-item raw JSON. */
    private interface ItemParser {
        ParsedItem parse(JsonNode item, String raw);
    }

    private final WhatsAppAccounts accounts;
    private final WhatsAppMessageParser messages = new WhatsAppMessageParser();
    private final WhatsAppStatusParser statuses = new WhatsAppStatusParser();

    WhatsAppWebhookParser(WhatsAppAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<ParsedItem> parse(JsonNode body, String endpoint) {
        if (body == null || !body.isObject() || !WhatsAppChange.OBJECT.equals(body.path("object").asText(null))) {
            return List.of(whole(body, "not a WhatsApp Business Account webhook (object must be "
                    + WhatsAppChange.OBJECT + ")"));
        }
        JsonNode entries = body.get("entry");
        if (entries == null || !entries.isArray()) {
            return List.of(whole(body, "entry[] missing or not an array"));
        }
        List<ParsedItem> out = new ArrayList<>();
        for (JsonNode entry : entries) {
            JsonNode changes = entry.get("changes");
            if (changes == null || !changes.isArray()) {
                out.add(whole(entry, "entry has no changes[]"));
                continue;
            }
            String entryId = entry.path("id").isValueNode() ? entry.path("id").asText() : null;
            for (JsonNode change : changes) {
                change(entryId, change, out);
            }
        }
        return out;
    }

    private void change(String entryId, JsonNode change, List<ParsedItem> out) {
        String field = change.path("field").asText("");
        JsonNode value = change.get("value");
        WhatsAppChange c = new WhatsAppChange(entryId, field, value);
        if (NOTIFICATION_FIELDS.contains(field)) {
            String raw = Json.write(change);
            out.add(new ParsedItem.Ignored("wa:field:" + field + ":" + WhatsAppJson.hash(raw), raw,
                    "notification: " + field + " (account, template or sync notice, not a conversation)"));
            return;
        }
        if (!"messages".equals(field) && !"smb_message_echoes".equals(field)) {
            out.add(whole(change, "unknown field '" + field + "'"));
            return;
        }
        if (value == null || !value.isObject()) {
            out.add(whole(change, field + ": value missing or not an object"));
            return;
        }
        int before = out.size();
        items(c, "messages", (m, raw) -> messages.message(c, m, raw), out);
        items(c, "message_echoes", (e, raw) -> messages.echo(c, e, raw), out);
        items(c, "statuses", (s, raw) -> statuses.parse(c, s, raw), out);
        items(c, "errors", (e, raw) -> error(c, e, raw), out);
        if (out.size() == before) {
            out.add(whole(change, field + ": no messages[], message_echoes[], statuses[] or errors[]"));
        }
    }

    private void items(WhatsAppChange c, String array, ItemParser parser, List<ParsedItem> out) {
        JsonNode items = c.value().get(array);
        if (items == null || items.isNull()) {
            return;
        }
        if (!items.isArray()) {
            out.add(WhatsAppChange.quarantined(c.raw(array, items), array + " is not an array"));
            return;
        }
        for (JsonNode item : items) {
            out.add(routed(c, array, item, parser));
        }
    }

    /** The item parsed for its configured number, or quarantined with why. */
    private ParsedItem routed(WhatsAppChange c, String array, JsonNode item, ItemParser parser) {
        String raw = c.raw(array, item);
        try {
            String phoneNumberId = c.phoneNumberId();
            if (phoneNumberId == null) {
                return WhatsAppChange.quarantined(raw, "metadata.phone_number_id missing");
            }
            if (accounts.find(phoneNumberId).isEmpty()) {
                return WhatsAppChange.quarantined(raw, "phone number id " + phoneNumberId + " is not configured"
                        + " (no socialbridge.whatsapp.accounts.<name>.phone-number-id has it)");
            }
            if (!item.isObject()) {
                return WhatsAppChange.quarantined(raw, array + "[] item is not an object");
            }
            return parser.parse(item, raw);
        } catch (WhatsAppJson.Malformed e) {
            return WhatsAppChange.quarantined(raw, array + "[]: " + e.getMessage());
        } catch (RuntimeException e) {
            return WhatsAppChange.quarantined(raw, array + "[]: cannot parse: " + e);
        }
    }

    /** A top-level {@code value.errors[]} item: the platform could not deliver something to us; nothing to ticket. */
    private static ParsedItem error(WhatsAppChange c, JsonNode error, String raw) {
        return new ParsedItem.Ignored("wa:error:" + c.phoneNumberId() + ":" + WhatsAppJson.hash(raw), raw,
                "error: WhatsApp error " + error.path("code").asText("?") + ": " + WhatsAppErrors.describe(error));
    }

    private static ParsedItem whole(JsonNode node, String reason) {
        return WhatsAppChange.quarantined(node == null ? "null" : Json.write(node), reason);
    }
}
