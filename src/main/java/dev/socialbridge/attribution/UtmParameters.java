package dev.socialbridge.attribution;

/**
 * The five UTM parameters of a link, each null when absent.
 *
 * @param source   {@code utm_source}
 * @param medium   {@code utm_medium}
 * @param campaign {@code utm_campaign}
 * @param content  {@code utm_content}
 * @param term     {@code utm_term}
 */
public record UtmParameters(String source, String medium, String campaign, String content, String term) {
    private static final UtmParameters NONE = new UtmParameters(null, null, null, null, null);

    /** No UTM parameter. */
    public static UtmParameters none() {
        return NONE;
    }

    public boolean isEmpty() {
        return source == null && medium == null && campaign == null && content == null && term == null;
    }
}
