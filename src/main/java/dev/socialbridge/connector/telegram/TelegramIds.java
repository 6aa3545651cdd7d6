package dev.socialbridge.connector.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ids this connector gives Telegram items. Message ids are unique per chat only, so a message is
 * {@code <chat id>:<message_id>}; an edit adds {@code :edit:<edit_date>} (the host records each message id once,
 * and an edit must still reach the ticket); a button press is {@code callback:<callback query id>}.
 */
final class TelegramIds {
    private static final Pattern MESSAGE = Pattern.compile("(-?[0-9]{1,20}):([0-9]{1,20})(:edit:[0-9]+)?");
    private static final String CALLBACK = "callback:";

    private TelegramIds() {
    }

    static String threadKey(String bot, long chatId) {
        return "telegram:chat:" + bot + ":" + chatId;
    }

    static String message(long chatId, long messageId) {
        return chatId + ":" + messageId;
    }

    static String edit(long chatId, long messageId, long editDate) {
        return message(chatId, messageId) + ":edit:" + editDate;
    }

    static String callback(String callbackQueryId) {
        return CALLBACK + callbackQueryId;
    }

    /** The callback query id of a button press's item id. */
    static Optional<String> callbackQueryId(String itemId) {
        return itemId != null && itemId.startsWith(CALLBACK) && itemId.length() > CALLBACK.length()
                ? Optional.of(itemId.substring(CALLBACK.length())) : Optional.empty();
    }

    /** The message_id of a message's (or an edit's) item id. */
    static Optional<Long> messageId(String itemId) {
        Matcher m = itemId == null ? null : MESSAGE.matcher(itemId);
        return m != null && m.matches() ? Optional.of(Long.parseLong(m.group(2))) : Optional.empty();
    }

    /** The dedupe key of an update: update ids may restart after a week of silence, the hash tells updates apart. */
    static String dedupeKey(String bot, String updateId, String rawJson) {
        return "tg:" + bot + ":" + updateId + ":" + hash(rawJson);
    }

    /** First 48 bits of SHA-256 of the UTF-8 text, as 12 hex digits. */
    static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a mandatory JDK algorithm", e);
        }
    }
}
