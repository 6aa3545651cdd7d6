package dev.socialbridge.connector.telegram;

import static dev.socialbridge.connector.telegram.TelegramJson.flag;
import static dev.socialbridge.connector.telegram.TelegramJson.integer;
import static dev.socialbridge.connector.telegram.TelegramJson.object;
import static dev.socialbridge.connector.telegram.TelegramJson.requireInteger;
import static dev.socialbridge.connector.telegram.TelegramJson.requireObject;
import static dev.socialbridge.connector.telegram.TelegramJson.requireText;
import static dev.socialbridge.connector.telegram.TelegramJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.connector.spi.ParsedItem;
import dev.socialbridge.interaction.Attachment;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import java.time.Instant;
import java.util.List;

/**
 * A {@code message} or {@code edited_message} update: a private chat is a DM, a group message for the bot is a
 * GROUP_MESSAGE (other group messages and channel posts are ignored), an edit is MESSAGE_EDITED that automation
 * leaves alone. The text is {@code text} or the media's {@code caption}.
 */
final class TelegramMessageParser {
    static final String EDIT_BLOCK = "an edit of an earlier message";
    /** Content without text or file, shown on the ticket by name so that the agent knows something came. */
    private static final List<String> OTHER_CONTENT = List.of("venue", "location", "contact", "poll", "dice", "story",
            "game", "invoice");

    ParsedItem parse(TelegramUpdate u, JsonNode msg) {
        boolean edited = "edited_message".equals(u.type());
        String path = u.type();
        long messageId = requireInteger(msg, "message_id", path);
        JsonNode chat = requireObject(msg, "chat", path);
        long chatId = requireInteger(chat, "id", path + ".chat");
        String chatType = requireText(chat, "type", path + ".chat");
        long date = requireInteger(msg, "date", path);
        JsonNode from = object(msg, "from", path);
        Author author = from != null ? TelegramJson.user(from, path + ".from")
                : TelegramJson.chat(requireObject(msg, "sender_chat", path), path + ".sender_chat");
        boolean fromSelf = from != null && flag(from, "is_bot") && u.bot().id().equals(author.id());
        InteractionKind kind;
        switch (chatType) {
            case "private" -> kind = edited ? InteractionKind.MESSAGE_EDITED : InteractionKind.DM;
            case "group", "supergroup" -> {
                if (!fromSelf && !TelegramAddressing.isForBot(msg, u.bot(), path)) {
                    return u.ignored("group message not addressed to the bot");
                }
                kind = edited ? InteractionKind.MESSAGE_EDITED : InteractionKind.GROUP_MESSAGE;
            }
            case "channel" -> {
                return u.ignored("channel post: channels are not handled");
            }
            default -> throw new TelegramJson.Malformed(path + ".chat.type '" + chatType + "' is unknown");
        }
        List<Attachment> attachments = TelegramAttachments.of(msg, path);
        String text = text(msg, "text", path);
        if (text == null) {
            text = text(msg, "caption", path);
        }
        if (text == null && attachments.isEmpty()) {
            text = placeholder(msg);
        }
        JsonNode replied = object(msg, "reply_to_message", path);
        String parentId = replied == null ? null
                : TelegramIds.message(chatId, requireInteger(replied, "message_id", path + ".reply_to_message"));
        Long editDate = edited ? integer(msg, "edit_date", path) : null;
        String itemId = edited ? TelegramIds.edit(chatId, messageId, editDate != null ? editDate : date)
                : TelegramIds.message(chatId, messageId);
        Instant at = Instant.ofEpochSecond(editDate != null ? editDate : date);
        Interaction i = new Interaction(Platform.TELEGRAM, kind, u.bot().name(),
                TelegramIds.threadKey(u.bot().name(), chatId), itemId, parentId, null, author, text, attachments, null,
                permalink(chat, chatType, messageId, path), at, fromSelf, Long.toString(chatId),
                edited ? EDIT_BLOCK : null, 0L);
        return u.accepted(i);
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
        String username = text(chat, "username", path + ".chat");
        return "supergroup".equals(chatType) && username != null ? "https://t.me/" + username + "/" + messageId : null;
    }
}
