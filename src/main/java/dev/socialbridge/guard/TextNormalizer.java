package dev.socialbridge.guard;

import java.text.Normalizer;

/**
 * Folds text for word matching: lower case, diacritics removed (é → e, œ → oe, ß → ss), every run
 * of characters that are not letters or digits collapsed to one space, and one space added at both
 * ends. A word or phrase {@code w} then occurs in the text exactly when {@code " " + fold(w) + " "}
 * is a substring of the folded text, which is what gives cheap word-boundary matching
 * ("stop" matches "STOP!" but not "stopwatch"). Thread-safe, allocation is one string per call.
 */
public final class TextNormalizer {

    /** Characters below this code point (Latin, Greek, Cyrillic) are folded through a table built once from NFD. */
    private static final int TABLE_SIZE = 0x530;
    private static final String[] TABLE = buildTable();

    private TextNormalizer() {
    }

    /** The folded form of {@code text}; {@code " "} for null, empty or letterless text. */
    public static String fold(String text) {
        StringBuilder out = new StringBuilder(text == null ? 2 : text.length() + 2).append(' ');
        if (text != null) {
            for (int i = 0; i < text.length(); i++) {
                appendFolded(out, text.charAt(i));
            }
        }
        if (out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
        return out.toString();
    }

    private static void appendFolded(StringBuilder out, char c) {
        String mapped = c < TABLE_SIZE ? TABLE[c] : (Character.isLetterOrDigit(c) ? null : " ");
        if (mapped == null) {
            out.append(Character.toLowerCase(c));
        } else if (mapped.equals(" ")) {
            if (out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        } else {
            out.append(mapped);
        }
    }

    /** Entry per char: its folded text, " " for a separator; null only above the table. */
    private static String[] buildTable() {
        String[] table = new String[TABLE_SIZE];
        for (char c = 0; c < TABLE_SIZE; c++) {
            table[c] = Character.isLetterOrDigit(c) ? foldLetter(c) : " ";
        }
        table['œ'] = "oe";
        table['Œ'] = "oe";
        table['æ'] = "ae";
        table['Æ'] = "ae";
        table['ß'] = "ss";
        return table;
    }

    private static String foldLetter(char c) {
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder();
        for (int i = 0; i < decomposed.length(); i++) {
            char d = decomposed.charAt(i);
            if (Character.getType(d) != Character.NON_SPACING_MARK) {
                base.append(Character.toLowerCase(d));
            }
        }
        return base.length() == 0 ? " " : base.toString();
    }
}
