package dev.socialbridge.connector.telegram;

import static dev.socialbridge.connector.telegram.TelegramJson.array;
import static dev.socialbridge.connector.telegram.TelegramJson.object;
import static dev.socialbridge.connector.telegram.TelegramJson.requireInteger;
import static dev.socialbridge.connector.telegram.TelegramJson.requireObject;
import static dev.socialbridge.connector.telegram.TelegramJson.requireText;
import static dev.socialbridge.connector.telegram.TelegramJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.connector.spi.ParsedItem;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import java.time.Clock;
import java.util.List;

/**
 * A {@code callback_query} (an inline keyboard button pressed) as a POSTBACK in the chat of the message that
 * carried the keyboard. Its text is the button's label when the keyboard is in the update, else its
 * {@code callback_data}. Telegram gives no time for the press: it is the time of receipt.
 */
final class TelegramCallbackParser {
    private final Clock clock;

    TelegramCallbackParser(Clock clock) {
        this.clock = clock;
    }

    ParsedItem parse(TelegramUpdate u, JsonNode cq) {
        String path = u.type();
        String id = requireText(cq, "id", path);
        var author = TelegramJson.user(requireObject(cq, "from", path), path + ".from");
        JsonNode msg = object(cq, "message", path);
        if (msg == null) {
            return u.ignored("callback_query on an inline-mode message: no chat to answer in");
        }
        String data = text(cq, "data", path);
        if (data == null) {
            return u.ignored("callback_query without data (a game button)");
        }
        long chatId = requireInteger(requireObject(msg, "chat", path + ".message"), "id", path + ".message.chat");
        long messageId = requireInteger(msg, "message_id", path + ".message");
        String label = label(object(msg, "reply_markup", path + ".message"), data, path + ".message.reply_markup");
        Interaction i = new Interaction(Platform.TELEGRAM, InteractionKind.POSTBACK, u.bot().name(),
                TelegramIds.threadKey(u.bot().name(), chatId), TelegramIds.callback(id),
                TelegramIds.message(chatId, messageId), null, author, label != null ? label : data, List.of(), null, null,
                clock.instant(), false, Long.toString(chatId), null, 0L);
        return u.accepted(i);
    }

    /** The text of the button whose {@code callback_data} is {@code data}, or null. */
    private static String label(JsonNode markup, String data, String path) {
        JsonNode rows = array(markup, "inline_keyboard", path);
        if (rows == null) {
            return null;
        }
        for (JsonNode row : rows) {
            for (JsonNode button : row.isArray() ? row : List.<JsonNode>of()) {
                if (button.isObject() && data.equals(button.path("callback_data").asText(null))) {
                    return text(button, "text", path + ".inline_keyboard[][]");
                }
            }
        }
        return null;
    }
}
