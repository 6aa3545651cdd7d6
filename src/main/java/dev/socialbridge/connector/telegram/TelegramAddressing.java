package dev.socialbridge.connector.telegram;

import static dev.socialbridge.connector.telegram.TelegramJson.array;
import static dev.socialbridge.connector.telegram.TelegramJson.integer;
import static dev.socialbridge.connector.telegram.TelegramJson.object;
import static dev.socialbridge.connector.telegram.TelegramJson.text;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether a group message is for the bot: it replies to one of the bot's messages, or it mentions the bot
 * ({@code mention} entity {@code @username}, {@code text_mention} of the bot's user id, or a
 * {@code /command@username}). Entity offsets count UTF-16 code units, as Java strings do.
 */
final class TelegramAddressing {
    private TelegramAddressing() {
    }

    static boolean isForBot(JsonNode msg, TelegramBot bot, String path) {
        JsonNode replied = object(msg, "reply_to_message", path);
        JsonNode repliedFrom = object(replied, "from", path + ".reply_to_message");
        if (repliedFrom != null && bot.id().equals(String.valueOf(integer(repliedFrom, "id", path + ".reply_to_message.from")))) {
            return true;
        }
        return mentions(text(msg, "text", path), array(msg, "entities", path), bot, path + ".entities")
                || mentions(text(msg, "caption", path), array(msg, "caption_entities", path), bot, path + ".caption_entities");
    }

    private static boolean mentions(String text, JsonNode entities, TelegramBot bot, String path) {
        if (text == null || entities == null) {
            return false;
        }
        for (JsonNode e : entities) {
            if (!e.isObject()) {
                throw new TelegramJson.Malformed(path + "[] is not an object");
            }
            String type = text(e, "type", path + "[]");
            if ("text_mention".equals(type)) {
                JsonNode user = object(e, "user", path + "[]");
                if (user != null && bot.id().equals(String.valueOf(integer(user, "id", path + "[].user")))) {
                    return true;
                }
            } else if (bot.username() != null && ("mention".equals(type) || "bot_command".equals(type))) {
                String s = slice(text, integer(e, "offset", path + "[]"), integer(e, "length", path + "[]"));
                if (s != null && namesBot(s, type, bot.username())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean namesBot(String entity, String type, String username) {
        if ("mention".equals(type)) {
            return entity.equalsIgnoreCase("@" + username);
        }
        int at = entity.indexOf('@');
        return at > 0 && entity.substring(at + 1).equalsIgnoreCase(username);
    }

    private static String slice(String text, Long offset, Long length) {
        if (offset == null || length == null || offset < 0 || length <= 0 || offset + length > text.length()) {
            return null;
        }
        return text.substring(offset.intValue(), (int) (offset + length));
    }
}
