package dev.socialbridge.connector.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.connector.spi.OutboundMessage;
import dev.socialbridge.support.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One Bot API call derived from an {@link OutboundAction}: {@code sendMessage} for a reply (into the chat, as a
 * reply to the customer's message when it is one, with an inline keyboard for quick replies), {@code sendPhoto},
 * {@code sendVideo}, {@code sendAudio} or {@code sendDocument} for a file (its URL, which Telegram downloads itself:
 * up to 5 MB for a photo, 20 MB for other files; addressed as a text reply),
 * {@code answerCallbackQuery} for an acknowledgement, {@code deleteMessage} for a delete, {@code banChatMember} for
 * a block in a group. No token here: the client puts it in the URL.
 *
 * @param method  Bot API method name
 * @param params  its JSON parameters
 * @param chatId  the chat a message goes to (the delivered id is {@code <chat id>:<message_id>}), or null
 * @param refusal non-null when the action cannot become a call: delivered as is, without HTTP
 *                ({@link DeliveryResult.Failed} for a malformed action, {@link DeliveryResult.NotSendable} for what
 *                a bot cannot do)
 */
record TelegramCall(String method, ObjectNode params, String chatId, DeliveryResult refusal) {
    /** Longest {@code callback_data} Telegram accepts, in UTF-8 bytes. */
    static final int MAX_CALLBACK_DATA_BYTES = 64;
    static final String CANNOT_HIDE = "Telegram messages cannot be hidden by a bot: delete the message instead (a bot"
            + " can delete a message for 48 hours; in a group only as an administrator allowed to delete messages)";
    static final String PRIVATE_CHAT_BLOCK = "a Telegram bot cannot block a person in a private chat: only the"
            + " person can block the bot; ignore their messages or close the ticket instead";
    static final String CHAT_SENDER_BLOCK = "this message was sent on behalf of a channel or of the group itself,"
            + " not by a person: the bot cannot ban it; ask a group administrator to remove it";
    private static final Pattern CHAT_ID = Pattern.compile("-?[0-9]{1,20}");
    private static final Pattern USER_ID = Pattern.compile("[0-9]{1,20}");
    static final String BAD_FILE_LINK = "the file's link is not an absolute http(s) URL Telegram could download";

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
        if (action instanceof OutboundAction.Delete d) {
            return deleteMessage(d);
        }
        if (action instanceof OutboundAction.Block b) {
            return banChatMember(b);
        }
        return refused(CANNOT_HIDE);
    }

    /** {@code deleteMessage} of the message {@code itemId} names, in the chat {@code conversationId} names. */
    private static TelegramCall deleteMessage(OutboundAction.Delete d) {
        String chat = d.conversationId();
        if (chat == null || !CHAT_ID.matcher(chat).matches()) {
            return failed("no Telegram chat to delete the message from");
        }
        Optional<Long> messageId = TelegramIds.messageId(d.itemId());
        if (messageId.isEmpty()) {
            return failed("not a Telegram message: " + abbreviate(d.itemId()));
        }
        if (!d.itemId().startsWith(chat + ":")) {
            return failed("message " + abbreviate(d.itemId()) + " is not in chat " + chat);
        }
        return new TelegramCall("deleteMessage", Json.MAPPER.createObjectNode().put("chat_id", Long.parseLong(chat))
                .put("message_id", messageId.get()), null, null);
    }

    /** {@code banChatMember} in a group or supergroup; a private chat has nobody a bot can ban. */
    private static TelegramCall banChatMember(OutboundAction.Block b) {
        String chat = b.conversationId();
        if (chat == null) {
            return refused(PRIVATE_CHAT_BLOCK);
        }
        if (!CHAT_ID.matcher(chat).matches()) {
            return failed("not a Telegram chat: " + abbreviate(chat));
        }
        if (!chat.startsWith("-")) {
            return refused(PRIVATE_CHAT_BLOCK);
        }
        String user = b.userId();
        if (user != null && CHAT_ID.matcher(user).matches() && user.startsWith("-")) {
            return refused(CHAT_SENDER_BLOCK);
        }
        if (user == null || !USER_ID.matcher(user).matches()) {
            return failed("not a Telegram user id: " + abbreviate(user));
        }
        return new TelegramCall("banChatMember", Json.MAPPER.createObjectNode().put("chat_id", Long.parseLong(chat))
                .put("user_id", Long.parseLong(user)), null, null);
    }

    private static TelegramCall sendMessage(OutboundAction.Reply r) {
        String chat = r.to().conversationId();
        if (chat == null || !CHAT_ID.matcher(chat).matches()) {
            return failed("no Telegram chat to send the reply into");
        }
        OutboundMessage message = r.message();
        if (message.carriesFile()) {
            return sendMedia(r, chat, message.media());
        }
        if (message.text().isBlank()) {
            return failed("empty message text");
        }
        ObjectNode p = Json.MAPPER.createObjectNode().put("chat_id", Long.parseLong(chat)).put("text", message.text());
        return new TelegramCall("sendMessage", addressed(p, r), chat, null);
    }

    /** {@code sendPhoto}, {@code sendVideo}, {@code sendAudio} or {@code sendDocument} of the file's URL. */
    private static TelegramCall sendMedia(OutboundAction.Reply r, String chat, OutboundMessage.MediaLink media) {
        if (!isDownloadLink(media.url())) {
            return failed(BAD_FILE_LINK);
        }
        String field = mediaField(media.mimeType());
        ObjectNode p = Json.MAPPER.createObjectNode().put("chat_id", Long.parseLong(chat)).put(field, media.url());
        String method = "send" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
        return new TelegramCall(method, addressed(p, r), chat, null);
    }

    /** A message's reply to the customer's message (when it is one) and its inline keyboard, as every send has. */
    private static ObjectNode addressed(ObjectNode p, OutboundAction.Reply r) {
        Optional<Long> repliedTo = TelegramIds.messageId(r.to().itemId());
        repliedTo.ifPresent(id -> p.putObject("reply_parameters").put("message_id", id)
                .put("allow_sending_without_reply", true));
        if (!r.message().quickReplies().isEmpty()) {
            var rows = p.putObject("reply_markup").putArray("inline_keyboard");
            for (String label : r.message().quickReplies()) {
                rows.addArray().addObject().put("text", label).put("callback_data", callbackData(label));
            }
        }
        return p;
    }

    /**
     * The Bot API parameter (and method suffix) of a file: {@code photo} for images but GIF, {@code video},
     * {@code audio} for MP3 and M4A (what Telegram plays as music), else {@code document}, which takes any type.
     * Parameters ({@code ; codecs=opus}) and case do not matter.
     */
    static String mediaField(String mimeType) {
        String mime = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT);
        int semicolon = mime.indexOf(';');
        mime = (semicolon < 0 ? mime : mime.substring(0, semicolon)).strip();
        if (mime.startsWith("image/") && !mime.equals("image/gif")) {
            return "photo";
        }
        if (mime.startsWith("video/")) {
            return "video";
        }
        return mime.equals("audio/mpeg") || mime.equals("audio/mp4") ? "audio" : "document";
    }

    /** Whether {@code url} is an absolute http or https URL with a host. */
    static boolean isDownloadLink(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return uri.isAbsolute() && !uri.isOpaque() && uri.getHost() != null
                    && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme));
        } catch (URISyntaxException e) {
            return false;
        }
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
        return new TelegramCall(null, null, null, new DeliveryResult.Failed(problem));
    }

    private static TelegramCall refused(String reason) {
        return new TelegramCall(null, null, null, new DeliveryResult.NotSendable(reason));
    }

    private static String abbreviate(String s) {
        return s == null ? "(none)" : "'" + (s.length() <= 40 ? s : s.substring(0, 40) + "…") + "'";
    }
}
