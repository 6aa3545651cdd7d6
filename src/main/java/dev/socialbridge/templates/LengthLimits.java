package dev.socialbridge.templates;

import dev.socialbridge.interaction.TextLimit;


/**
 * Trimming a reply to its channel's {@link TextLimit} (each connector declares its platforms' limits).
 */
public final class LengthLimits {

    static final String ELLIPSIS = "…";

    private LengthLimits() {
    }

    /**
     * {@code prefix + body}, with the body cut at a word boundary and ended by "…" when the whole
     * exceeds the limit. The prefix (the disclosure) is always kept whole.
     */
    public static String fit(String prefix, String body, TextLimit limit) {
        String whole = prefix + body;
        if (whole.length() * (limit.utf8Bytes() ? 3 : 1) <= limit.max() || limit.measure(whole) <= limit.max()) {
            return whole;
        }
        int budget = limit.max() - limit.measure(prefix) - limit.measure(ELLIPSIS);
        int end = longestPrefixWithin(body, budget, limit);
        int space = lastSpace(body, end);
        int cut = space > end / 2 ? space : end;
        return prefix + stripTrailing(body.substring(0, cut)) + ELLIPSIS;
    }

    private static int longestPrefixWithin(String body, int budget, TextLimit limit) {
        int used = 0;
        int i = 0;
        while (i < body.length()) {
            int cp = body.codePointAt(i);
            int size = limit.utf8Bytes() ? utf8Length(cp) : Character.charCount(cp);
            if (used + size > budget) {
                break;
            }
            used += size;
            i += Character.charCount(cp);
        }
        return i;
    }

    /** Index of the last whitespace at or before {@code end} (the cut may fall right on it), or -1. */
    private static int lastSpace(String body, int end) {
        for (int i = Math.min(end, body.length() - 1); i > 0; i--) {
            if (Character.isWhitespace(body.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && (Character.isWhitespace(s.charAt(end - 1)) || ",;:-–—".indexOf(s.charAt(end - 1)) >= 0)) {
            end--;
        }
        return s.substring(0, end);
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

}
