package dev.socialbridge.interaction;

/**
 * A media item or link attached to an interaction.
 *
 * @param type platform attachment type as sent (image, video, audio, file, story_mention, share, ...)
 * @param url  URL of the media, or null
 */
public record Attachment(String type, String url) {
}
