package dev.socialbridge.interaction;

import java.nio.charset.StandardCharsets;

/**
 * The longest text a platform takes on a reply channel, in characters (UTF-16 code units, which over-counts
 * emoji and so errs on the short side) or in UTF-8 bytes.
 *
 * @param max       the maximum
 * @param utf8Bytes true when {@code max} counts UTF-8 bytes
 */
public record TextLimit(int max, boolean utf8Bytes) {

    public static TextLimit chars(int max) {
        return new TextLimit(max, false);
    }

    public static TextLimit bytes(int max) {
        return new TextLimit(max, true);
    }

    /** The length of {@code s} in this limit's unit. */
    public int measure(CharSequence s) {
        return utf8Bytes ? s.toString().getBytes(StandardCharsets.UTF_8).length : s.length();
    }
}
