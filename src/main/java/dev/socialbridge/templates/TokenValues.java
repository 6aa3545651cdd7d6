package dev.socialbridge.templates;

import java.util.Map;

/**
 * Token values for one rendering, indexed by {@link Token}. Blank values count as unknown. Values
 * are inserted verbatim (single pass: a value containing {@code {x}} is not expanded again), with
 * whitespace collapsed and at most {@value #MAX_VALUE_LENGTH} characters.
 */
public final class TokenValues {

    static final int MAX_VALUE_LENGTH = 200;
    private final String[] values = new String[Token.values().length];

    /** Reply tokens from a key → value map (unknown keys ignored) plus the brand when the map has none. */
    public static TokenValues of(Map<String, String> tokens, String brand) {
        TokenValues v = new TokenValues();
        for (Map.Entry<String, String> e : tokens.entrySet()) {
            Token t = Token.byKey(e.getKey());
            if (t != null) {
                v.set(t, e.getValue());
            }
        }
        if (v.get(Token.BRAND) == null) {
            v.set(Token.BRAND, brand);
        }
        return v;
    }

    /** Sets a value; null or blank clears it. */
    public TokenValues set(Token token, String value) {
        values[token.ordinal()] = clean(value);
        return this;
    }

    /** The value, or null when unknown. */
    public String get(Token token) {
        return values[token.ordinal()];
    }

    private static String clean(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return collapsed(v.length() <= MAX_VALUE_LENGTH ? v : v.substring(0, MAX_VALUE_LENGTH).strip());
    }

    /** Runs of whitespace (newlines included) become one space; the common case allocates nothing. */
    private static String collapsed(String v) {
        StringBuilder out = null;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean space = Character.isWhitespace(c);
            if (out == null && space && (c != ' ' || Character.isWhitespace(v.charAt(i + 1)))) {
                out = new StringBuilder(v.length()).append(v, 0, i);
            }
            if (out != null && !(space && out.charAt(out.length() - 1) == ' ')) {
                out.append(space ? ' ' : c);
            }
        }
        return out == null ? v : out.toString();
    }
}
