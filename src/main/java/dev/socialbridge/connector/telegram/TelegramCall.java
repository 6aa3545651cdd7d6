package dev.socialbridge.connector.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.connector.spi.OutboundMessage;
import dev.socialbridge.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One Bot API call derived from an {@link OutboundAction}: {@code sendMessage} for a reply (into the chat, as a
 * reply to the customer's message when it is one, with an inline keyboard for quick replies), or
 * {@code answerCallbackQuery} for an acknowledgement. No token here: the client puts it in the URL.
 *
 * @param method  Bot API method name
 * @param params  its JSON parameters
 * @param chatId  the chat a message goes to (the delivered id is {@code <chat id>:<message_id>}), or null
 * @param problem non-null when the action cannot become a call: deliver as Failed
 */
record TelegramCall(String method, ObjectNode params, String chatId, String problem) {
    /** Longest {@code callback_data} Telegram accepts, in UTF-8 bytes. */
    static final int MAX_CALLBACK_DATA_BYTES = 64;
    private static final Pattern CHAT_ID = Pattern.compile("-?[0-9]{1,20}");

    static TelegramCall of(OutboundAction action) {
        if (action instanceof OutboundAction.Reply r) {
            return sendMessage(r);
        }
        if (action instanceof OutboundAction.Acknowledge a) {
            return TelegramIds.callbackQueryId(a.itemId())
                    .map(id -> new TelegramCall("answerCallbackQuery", Json.MAPPER.createObjectNode()
                            .put("callback_query_id", id), null, null))
                    .orElseGet(() -> failed("only a button press (callback query) can be acknowledged on Telegram"));
        }
        return failed("Telegram messages cannot be hidden by a bot");
    }

    private static TelegramCall sendMessage(OutboundAction.Reply r) {
        String chat = r.to().conversationId();
        if (chat == null || !CHAT_ID.matcher(chat).matches()) {
            return failed("no Telegram chat to send the reply into");
        }
        OutboundMessage message = r.message();
        if (message.text().isBlank()) {
            return failed("empty message text");
        }
        ObjectNode p = Json.MAPPER.createObjectNode().put("chat_id", Long.parseLong(chat)).put("text", message.text());
        Optional<Long> repliedTo = TelegramIds.messageId(r.to().itemId());
        repliedTo.ifPresent(id -> p.putObject("reply_parameters").put("message_id", id)
                .put("allow_sending_without_reply", true));
        if (!message.quickReplies().isEmpty()) {
            var rows = p.putObject("reply_markup").putArray("inline_keyboard");
            for (String label : message.quickReplies()) {
                rows.addArray().addObject().put("text", label).put("callback_data", callbackData(label));
            }
        }
        return new TelegramCall("sendMessage", p, chat, null);
    }

    /** The label, cut to {@value #MAX_CALLBACK_DATA_BYTES} UTF-8 bytes without splitting a character. */
    static String callbackData(String label) {
        if (label.getBytes(StandardCharsets.UTF_8).length <= MAX_CALLBACK_DATA_BYTES) {
            return label;
        }
        int bytes = 0;
        int end = 0;
        while (end < label.length()) {
            int cp = label.codePointAt(end);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > MAX_CALLBACK_DATA_BYTES) {
                break;
            }
            bytes += n;
            end += Character.charCount(cp);
        }
        return label.substring(0, end);
    }

    /** What a successful answer ({@code result}) means. */
    DeliveryResult delivered(JsonNode result) {
        JsonNode messageId = result == null ? null : result.get("message_id");
        return new DeliveryResult.Delivered(chatId != null && messageId != null && messageId.canConvertToLong()
                ? TelegramIds.message(Long.parseLong(chatId), messageId.longValue()) : null);
    }

    private static TelegramCall failed(String problem) {
        return new TelegramCall(null, null, null, problem);
    }
}
