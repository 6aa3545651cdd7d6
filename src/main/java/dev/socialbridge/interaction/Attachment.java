package dev.socialbridge.interaction;

/**
 * A media item or link attached to an interaction.
 *
 * @param type     platform attachment type as sent (image, video, audio, file, document, sticker, story_mention, share...)
 * @param url      URL of the media when the platform gives one (may expire), or null
 * @param mediaId  the platform's media/file id to download it with (WhatsApp media id, Telegram file_id), or null
 * @param mimeType its MIME type when known, or null
 * @param fileName its file name when known, or null
 */
public record Attachment(String type, String url, String mediaId, String mimeType, String fileName) {

    /** An attachment known by its URL only. */
    public static Attachment link(String type, String url) {
        return new Attachment(type, url, null, null, null);
    }
}
