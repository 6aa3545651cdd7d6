package dev.socialbridge.templates;

import java.util.ArrayList;
import java.util.List;

/**
 * A text with {@code {token}} placeholders, parsed once. Rendering either resolves every token or
 * fails (returns false) — it never emits a placeholder literally. Immutable and thread-safe.
 */
public final class TokenText {

    /** Literal pieces and tokens interleaved: literals[i], tokens[i], literals[i+1], ... */
    private final String[] literals;
    private final Token[] tokens;

    private TokenText(String[] literals, Token[] tokens) {
        this.literals = literals;
        this.tokens = tokens;
    }

    /**
     * Parses {@code text}; each unknown or disallowed token adds a problem (prefixed by {@code where})
     * to {@code problems}. {@code notes} allows the note-only tokens.
     */
    public static TokenText parse(String text, boolean notes, String where, List<String> problems) {
        List<String> literals = new ArrayList<>();
        List<Token> tokens = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            int close = open < 0 ? -1 : text.indexOf('}', open);
            if (close < 0) {
                if (open >= 0) {
                    problems.add(where + ": '{' without a closing '}'");
                }
                literal.append(text, i, text.length());
                break;
            }
            literal.append(text, i, open);
            String key = text.substring(open + 1, close);
            Token token = Token.byKey(key.strip());
            if (token == null || (!notes && !token.allowedInReplies())) {
                problems.add(where + ": unknown token {" + key + "} (expected one of "
                        + String.join(", ", Token.keys(notes)) + ")");
            } else {
                literals.add(literal.toString());
                literal.setLength(0);
                tokens.add(token);
            }
            i = close + 1;
        }
        literals.add(literal.toString());
        return new TokenText(literals.toArray(String[]::new), tokens.toArray(Token[]::new));
    }

    /** True when every token has a value. */
    public boolean resolvable(TokenValues values) {
        for (Token t : tokens) {
            if (values.get(t) == null) {
                return false;
            }
        }
        return true;
    }

    /** Appends the text with tokens replaced; call only when {@link #resolvable}. */
    public void appendTo(StringBuilder out, TokenValues values) {
        out.append(literals[0]);
        for (int i = 0; i < tokens.length; i++) {
            out.append(values.get(tokens[i])).append(literals[i + 1]);
        }
    }

    /** The text with every unknown token replaced by {@code unknown}: for internal notes only. */
    public String renderLenient(TokenValues values, String unknown) {
        StringBuilder out = new StringBuilder(literals[0]);
        for (int i = 0; i < tokens.length; i++) {
            String v = values.get(tokens[i]);
            out.append(v == null ? unknown : v).append(literals[i + 1]);
        }
        return out.toString();
    }

    public boolean isBlank() {
        return tokens.length == 0 && literals[0].isBlank();
    }
}
