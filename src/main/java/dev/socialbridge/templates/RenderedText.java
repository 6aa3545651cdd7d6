package dev.socialbridge.templates;

/**
 * A reply ready to send.
 *
 * @param text     the final text: disclosure prefix, resolved tokens, within the length limit
 * @param variant  the A/B variant used ("A" is the control)
 * @param fallback true when the template's fallback text was used because a token was unknown
 */
public record RenderedText(String text, String variant, boolean fallback) {
}
