package dev.socialbridge.templates;

import java.util.List;

/**
 * One language of one variant: the parts in message order, each with alternatives tried in turn.
 * Rendering picks per part the first alternative whose tokens are all known; a part with none is
 * dropped, except the answer: without it (or with nothing left at all) rendering fails and the
 * template's fallback applies.
 */
final class TemplateContent {

    /** Part names in the order they are joined. */
    static final List<String> PARTS = List.of("greeting", "empathy", "answer", "next_step", "signature");
    static final int ANSWER = PARTS.indexOf("answer");

    /** Indexed like {@link #PARTS}; null or empty where the part is absent. */
    private final TokenText[][] parts;

    TemplateContent(TokenText[][] parts) {
        this.parts = parts;
    }

    /** The parts joined by single spaces, or null when the answer or everything is unresolvable. */
    String render(TokenValues values) {
        StringBuilder out = new StringBuilder(160);
        for (int p = 0; p < parts.length; p++) {
            TokenText chosen = firstResolvable(parts[p], values);
            if (chosen == null) {
                if (p == ANSWER && parts[p] != null) {
                    return null;
                }
                continue;
            }
            if (out.length() > 0 && !Character.isWhitespace(out.charAt(out.length() - 1))) {
                out.append(' ');
            }
            chosen.appendTo(out, values);
        }
        String text = out.toString().strip();
        return text.isEmpty() ? null : text;
    }

    private static TokenText firstResolvable(TokenText[] alternatives, TokenValues values) {
        if (alternatives != null) {
            for (TokenText alt : alternatives) {
                if (alt.resolvable(values)) {
                    return alt;
                }
            }
        }
        return null;
    }
}
