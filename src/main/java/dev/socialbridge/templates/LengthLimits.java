package dev.socialbridge.templates;

import dev.socialbridge.interaction.Platform;

import java.nio.charset.StandardCharsets;

/**
 * Maximum text length per platform and channel, and trimming to fit. Limits (public / private):
 * <ul>
 *   <li>instagram: comment 2200 chars / DM 1000 UTF-8 bytes (Instagram messaging API)</li>
 *   <li>facebook: comment 8000 chars / private reply via Messenger 2000 chars</li>
 *   <li>messenger: 2000 chars</li>
 *   <li>whatsapp, telegram: 4096 chars</li>
 *   <li>x: 280 chars / DM 10000 chars (URLs and emoji weighting not modelled)</li>
 *   <li>tiktok: comment 150 chars / DM 1000 chars</li>
 *   <li>youtube: comment 10000 chars</li>
 *   <li>linkedin: comment 1250 chars / message 8000 chars</li>
 * </ul>
 * Chars are UTF-16 code units, which over-counts emoji and so errs on the short side.
 */
public final class LengthLimits {

    static final String ELLIPSIS = "…";

    /** A maximum length, in chars or in UTF-8 bytes. */
    public record Limit(int max, boolean utf8Bytes) {
        int measure(CharSequence s) {
            return utf8Bytes ? s.toString().getBytes(StandardCharsets.UTF_8).length : s.length();
        }
    }

    private LengthLimits() {
    }

    public static Limit limit(Platform platform, ReplyChannel channel) {
        boolean pub = channel == ReplyChannel.PUBLIC;
        return switch (platform) {
            case INSTAGRAM -> pub ? chars(2200) : new Limit(1000, true);
            case FACEBOOK -> chars(pub ? 8000 : 2000);
            case MESSENGER -> chars(2000);
            case WHATSAPP, TELEGRAM -> chars(4096);
            case X -> chars(pub ? 280 : 10000);
            case TIKTOK -> chars(pub ? 150 : 1000);
            case YOUTUBE -> chars(10000);
            case LINKEDIN -> chars(pub ? 1250 : 8000);
        };
    }

    /**
     * {@code prefix + body}, with the body cut at a word boundary and ended by "…" when the whole
     * exceeds the limit. The prefix (the disclosure) is always kept whole.
     */
    public static String fit(String prefix, String body, Limit limit) {
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

    private static int longestPrefixWithin(String body, int budget, Limit limit) {
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

    private static Limit chars(int max) {
        return new Limit(max, false);
    }
}
