package dev.socialbridge.connector.telegram;

import static dev.socialbridge.connector.telegram.TelegramJson.array;
import static dev.socialbridge.connector.telegram.TelegramJson.flag;
import static dev.socialbridge.connector.telegram.TelegramJson.integer;
import static dev.socialbridge.connector.telegram.TelegramJson.object;
import static dev.socialbridge.connector.telegram.TelegramJson.requireText;
import static dev.socialbridge.connector.telegram.TelegramJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.interaction.Attachment;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a Telegram message as attachments whose {@code mediaId} is the {@code file_id} (downloaded later
 * with {@code getFile}). Of a photo's sizes only the largest is kept. An animation also carries a
 * {@code document}, which is the one kept.
 */
final class TelegramAttachments {
    /** Media fields of a Message, in the order they are read. */
    static final List<String> TYPES = List.of("photo", "document", "audio", "voice", "video", "video_note", "sticker");

    private TelegramAttachments() {
    }

    static List<Attachment> of(JsonNode msg, String path) {
        List<Attachment> out = new ArrayList<>(1);
        JsonNode photo = largest(array(msg, "photo", path), path + ".photo");
        if (photo != null) {
            out.add(new Attachment("photo", null, fileId(photo, path + ".photo[]"), "image/jpeg", null));
        }
        file(msg, "document", null, path, out);
        file(msg, "audio", null, path, out);
        file(msg, "voice", "audio/ogg", path, out);
        file(msg, "video", null, path, out);
        file(msg, "video_note", "video/mp4", path, out);
        JsonNode sticker = object(msg, "sticker", path);
        if (sticker != null) {
            String mime = flag(sticker, "is_animated") ? "application/x-tgsticker"
                    : flag(sticker, "is_video") ? "video/webm" : "image/webp";
            out.add(new Attachment("sticker", null, fileId(sticker, path + ".sticker"), mime, null));
        }
        return out;
    }

    private static void file(JsonNode msg, String type, String defaultMime, String path, List<Attachment> out) {
        JsonNode f = object(msg, type, path);
        if (f == null) {
            return;
        }
        String p = path + "." + type;
        String mime = text(f, "mime_type", p);
        out.add(new Attachment(type, null, fileId(f, p), mime != null ? mime : defaultMime, text(f, "file_name", p)));
    }

    /** The biggest {@code PhotoSize}: by {@code file_size}, else by pixels, else the last (Telegram sorts them). */
    private static JsonNode largest(JsonNode sizes, String path) {
        if (sizes == null || sizes.isEmpty()) {
            return null;
        }
        JsonNode best = null;
        long bestScore = -1;
        for (JsonNode s : sizes) {
            if (!s.isObject()) {
                throw new TelegramJson.Malformed(path + "[] is not an object");
            }
            Long size = integer(s, "file_size", path + "[]");
            Long w = integer(s, "width", path + "[]");
            Long h = integer(s, "height", path + "[]");
            long score = size != null ? size : (w != null && h != null ? w * h : 0);
            if (score >= bestScore) {
                best = s;
                bestScore = score;
            }
        }
        return best;
    }

    private static String fileId(JsonNode file, String path) {
        return requireText(file, "file_id", path);
    }
}
