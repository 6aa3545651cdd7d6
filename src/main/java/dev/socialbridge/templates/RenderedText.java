package dev.socialbridge.templates;

import java.util.List;

/**
 * A reply ready to send.
 *
 * @param text         the final text: disclosure prefix, resolved tokens, within the length limit
 * @param variant      the A/B variant used ("A" is the control)
 * @param fallback     true when the template's fallback text was used because a token was unknown
 * @param quickReplies short answers the template offers as buttons (in the reply's language), possibly empty
 */
public record RenderedText(String text, String variant, boolean fallback, List<String> quickReplies) {
    public RenderedText {
        quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
    }

    public RenderedText(String text, String variant, boolean fallback) {
        this(text, variant, fallback, List.of());
    }
}
