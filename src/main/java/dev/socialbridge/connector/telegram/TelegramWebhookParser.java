package dev.socialbridge.connector.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.connector.spi.ParsedItem;
import dev.socialbridge.connector.spi.WebhookParser;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One Telegram {@code Update} (a webhook body holds exactly one) for the bot named by the endpoint, as one item.
 * {@code message} and {@code edited_message} go to {@link TelegramMessageParser}, {@code callback_query} to
 * {@link TelegramCallbackParser}; channel posts and every other update type are {@link ParsedItem.Ignored} with
 * the type; a malformed update is {@link ParsedItem.Quarantined}. Never throws; stateless and thread-safe.
 *
 * <p>Thread key {@code telegram:chat:<bot>:<chat id>} (one ticket per chat and bot), conversation id the chat id,
 * dedupe key {@code tg:<bot>:<update_id>:<hash of the update>} (see {@link TelegramIds}).
 */
public final class TelegramWebhookParser implements WebhookParser {
    private static final Set<String> CHANNEL = Set.of("channel_post", "edited_channel_post");

    private final TelegramBots bots;
    private final TelegramMessageParser messages = new TelegramMessageParser();
    private final TelegramCallbackParser callbacks;

    TelegramWebhookParser(TelegramBots bots, Clock clock) {
        this.bots = bots;
        this.callbacks = new TelegramCallbackParser(clock);
    }

    @Override
    public List<ParsedItem> parse(JsonNode body, String endpoint) {
        String raw = body == null ? "null" : body.toString();
        JsonNode updateId = body == null ? null : body.get("update_id");
        if (body == null || !body.isObject() || updateId == null || !updateId.isIntegralNumber()) {
            return List.of(new ParsedItem.Quarantined(TelegramIds.dedupeKey(endpoint, "quarantine", raw), raw,
                    "not a Telegram Update (a JSON object with an integer update_id)"));
        }
        String key = TelegramIds.dedupeKey(endpoint, updateId.asText(), raw);
        String type = contentField(body);
        TelegramBot bot = bots.find(endpoint).orElse(null);
        if (bot == null) {
            return List.of(new ParsedItem.Quarantined(key, raw, "no Telegram bot named '" + endpoint + "' is configured"));
        }
        TelegramUpdate u = new TelegramUpdate(bot, type, raw, key);
        if (type == null) {
            return List.of(u.quarantined("the update carries nothing besides update_id"));
        }
        return List.of(item(u, body.get(type)));
    }

    private ParsedItem item(TelegramUpdate u, JsonNode content) {
        try {
            if (CHANNEL.contains(u.type())) {
                return u.ignored(u.type() + ": channels are not handled");
            }
            if (!"message".equals(u.type()) && !"edited_message".equals(u.type()) && !"callback_query".equals(u.type())) {
                return u.ignored(u.type() + ": update type not handled");
            }
            if (content == null || !content.isObject()) {
                return u.quarantined(u.type() + " is not an object");
            }
            return "callback_query".equals(u.type()) ? callbacks.parse(u, content) : messages.parse(u, content);
        } catch (TelegramJson.Malformed e) {
            return u.quarantined(e.getMessage());
        } catch (RuntimeException e) {
            // an input we did not foresee: quarantine it rather than block the inbox
            return u.quarantined("unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The one optional field an Update carries besides {@code update_id}, or null. */
    private static String contentField(JsonNode update) {
        for (Iterator<String> it = update.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!"update_id".equals(name)) {
                return name;
            }
        }
        return null;
    }
}
