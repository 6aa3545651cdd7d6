package dev.socialbridge.connector.telegram;

import static dev.socialbridge.connector.telegram.TelegramJson.flag;
import static dev.socialbridge.connector.telegram.TelegramJson.integer;
import static dev.socialbridge.connector.telegram.TelegramJson.object;
import static dev.socialbridge.connector.telegram.TelegramJson.requireInteger;
import static dev.socialbridge.connector.telegram.TelegramJson.requireObject;
import static dev.socialbridge.connector.telegram.TelegramJson.requireText;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.connector.spi.ParsedItem;
import dev.socialbridge.interaction.Attachment;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.interaction.Referral;
import java.time.Instant;
import java.util.List;

/**
 * A {@code message} or {@code edited_message} update: a private chat is a DM, a group message for the bot is a
 * GROUP_MESSAGE (other group messages and channel posts are ignored), an edit is MESSAGE_EDITED that automation
 * leaves alone. The text is {@code text} or the media's {@code caption}.
 */
final class TelegramMessageParser {
    static final String EDIT_BLOCK = "an edit of an earlier message";
    private static final String START = "/start ";
    /** Content without text or file, shown on the ticket by name so that the agent knows something came. */
    private static final List<String> OTHER_CONTENT = List.of("venue", "location", "contact", "poll", "dice", "story",
            "game", "invoice");

    ParsedItem parse(TelegramUpdate u, JsonNode msg) {
        String path = u.type();
        boolean edited = "edited_message".equals(path);
        long messageId = requireInteger(msg, "message_id", path);
        JsonNode chat = requireObject(msg, "chat", path);
        long chatId = requireInteger(chat, "id", path + ".chat");
        String chatType = requireText(chat, "type", path + ".chat");
        long date = requireInteger(msg, "date", path);
        JsonNode from = object(msg, "from", path);
        Author author = from != null ? TelegramJson.user(from, path + ".from")
                : TelegramJson.chat(requireObject(msg, "sender_chat", path), path + ".sender_chat");
        boolean fromSelf = from != null && flag(from, "is_bot") && u.bot().id().equals(author.id());
        if ("channel".equals(chatType)) {
            return u.ignored("channel post: channels are not handled");
        }
        boolean group = isGroup(chatType, path);
        if (group && !fromSelf && !TelegramAddressing.isForBot(msg, u.bot(), path)) {
            return u.ignored("group message not addressed to the bot");
        }
        InteractionKind kind = edited ? InteractionKind.MESSAGE_EDITED : group ? InteractionKind.GROUP_MESSAGE : InteractionKind.DM;
        Long editDate = edited ? integer(msg, "edit_date", path) : null;
        String itemId = edited ? TelegramIds.edit(chatId, messageId, editDate != null ? editDate : date)
                : TelegramIds.message(chatId, messageId);
        List<Attachment> attachments = TelegramAttachments.of(msg, path);
        String text = text(msg, attachments, path);
        return u.accepted(new Interaction(Platform.TELEGRAM, kind, u.bot().name(),
                TelegramIds.threadKey(u.bot().name(), chatId), itemId, parentId(msg, chatId, path), null, author,
                text, attachments, group ? null : startReferral(text), permalink(chat, chatType, messageId, path),
                Instant.ofEpochSecond(editDate != null ? editDate : date), fromSelf, Long.toString(chatId),
                edited ? EDIT_BLOCK : null, 0L));
    }

    /**
     * A deep link {@code t.me/<bot>?start=<payload>} opens the private chat with {@code /start <payload>}: the
     * payload is the link's ref (the campaign it was published in), like an m.me {@code ref}.
     */
    static Referral startReferral(String text) {
        if (text == null || !text.startsWith(START)) {
            return null;
        }
        String payload = text.substring(START.length()).strip();
        return payload.isEmpty() || payload.contains(" ") ? null : new Referral(payload, "t.me", "start", null, null);
    }

    private static boolean isGroup(String chatType, String path) {
        return switch (chatType) {
            case "private" -> false;
            case "group", "supergroup" -> true;
            default -> throw new TelegramJson.Malformed(path + ".chat.type '" + chatType + "' is unknown");
        };
    }

    /** {@code text}, else the media's {@code caption}, else (no file either) what kind of content came. */
    private static String text(JsonNode msg, List<Attachment> attachments, String path) {
        String text = TelegramJson.text(msg, "text", path);
        if (text == null) {
            text = TelegramJson.text(msg, "caption", path);
        }
        return text != null || !attachments.isEmpty() ? text : placeholder(msg);
    }

    /** The message replied to, in the same chat. */
    private static String parentId(JsonNode msg, long chatId, String path) {
        JsonNode replied = object(msg, "reply_to_message", path);
        return replied == null ? null
                : TelegramIds.message(chatId, requireInteger(replied, "message_id", path + ".reply_to_message"));
    }

    private static String placeholder(JsonNode msg) {
        for (String field : OTHER_CONTENT) {
            if (msg.has(field)) {
                return "[" + field + "]";
            }
        }
        return "[message without text]";
    }

    /** Public supergroups have t.me links to their messages. */
    private static String permalink(JsonNode chat, String chatType, long messageId, String path) {
        String username = TelegramJson.text(chat, "username", path + ".chat");
        return "supergroup".equals(chatType) && username != null ? "https://t.me/" + username + "/" + messageId : null;
    }
}
