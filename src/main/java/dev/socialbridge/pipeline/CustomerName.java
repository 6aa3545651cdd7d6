package dev.socialbridge.pipeline;

import dev.socialbridge.interaction.Author;

/**
 * How a customer is called in a ticket subject: {@code @username} where the platform has one, else the name the
 * platform gives (first and last name), else the platform-scoped id. Names come from strangers: control characters,
 * line breaks and bidirectional overrides are dropped, whitespace is collapsed, and the result is bounded to
 * {@value #MAX_CODE_POINTS} code points without cutting a surrogate pair or leaving half an emoji sequence.
 */
public final class CustomerName {
    /** Longest name in a subject, in code points. */
    public static final int MAX_CODE_POINTS = 40;

    private CustomerName() {
    }

    /** The customer's name for a subject; the author id when the platform gave neither username nor name. */
    public static String of(Author author) {
        String handle = clean(author.handle(), MAX_CODE_POINTS - 1);
        if (handle != null) {
            return "@" + (handle.startsWith("@") ? handle.substring(1) : handle);
        }
        String name = clean(author.displayName(), MAX_CODE_POINTS);
        return name != null ? name : clean(author.id(), MAX_CODE_POINTS);
    }

    /** Whether the platform named the author (a username or a name), so that nothing needs to be looked up. */
    public static boolean isNamed(Author author) {
        return clean(author.handle(), MAX_CODE_POINTS) != null || clean(author.displayName(), MAX_CODE_POINTS) != null;
    }

    /**
     * {@code text} on one line, without control characters or bidirectional overrides, at most {@code max} code
     * points (an ellipsis marks a cut); null when nothing printable is left.
     */
    static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(cp -> b.appendCodePoint(isDropped(cp) ? ' ' : cp));
        String oneLine = b.toString().replaceAll("\\s+", " ").strip();
        if (oneLine.isEmpty()) {
            return null;
        }
        if (oneLine.codePointCount(0, oneLine.length()) <= max) {
            return oneLine;
        }
        String cut = oneLine.substring(0, oneLine.offsetByCodePoints(0, max - 1));
        // no dangling joiner or variation selector: the emoji sequence they belonged to was cut
        while (!cut.isEmpty() && isJoiner(cut.codePointBefore(cut.length()))) {
            cut = cut.substring(0, cut.length() - Character.charCount(cut.codePointBefore(cut.length())));
        }
        return cut.stripTrailing() + "…";
    }

    private static boolean isDropped(int cp) {
        return Character.getType(cp) == Character.CONTROL
                || cp == 0x2028 || cp == 0x2029                   // line and paragraph separators
                || cp >= 0x202A && cp <= 0x202E                   // bidirectional embeddings and overrides
                || cp >= 0x2066 && cp <= 0x2069                   // bidirectional isolates
                || cp == 0x200E || cp == 0x200F                   // direction marks
                || cp == 0xFEFF;                                  // byte order mark
    }

    private static boolean isJoiner(int cp) {
        return cp == 0x200D || cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0x1F3FB && cp <= 0x1F3FF;
    }
}
