package dev.socialbridge.classify;

/** Decodes the HTML that leaks into scraped comments: entities ("&amp;#39;", "&amp;amp;") and tags ("&lt;br /&gt;"). */
final class HtmlText {
    private static final int MAX_TAG = 200;
    private static final int MAX_ENTITY = 10;

    private HtmlText() {
    }

    static String decode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int next = c == '&' ? entity(s, i, out) : c == '<' ? tag(s, i, out) : -1;
            if (next < 0) {
                out.append(c);
                i++;
            } else {
                i = next;
            }
        }
        return out.toString();
    }

    /** Appends the decoded entity at {@code i} and returns the index after it, or -1 if there is none. */
    private static int entity(String s, int i, StringBuilder out) {
        int semi = s.indexOf(';', i);
        if (semi < 0 || semi - i > MAX_ENTITY) {
            return -1;
        }
        String name = s.substring(i + 1, semi);
        int cp = switch (name) {
            case "amp" -> '&';
            case "lt" -> '<';
            case "gt" -> '>';
            case "quot" -> '"';
            case "apos" -> '\'';
            case "nbsp" -> ' ';
            default -> numeric(name);
        };
        if (cp < 0) {
            return -1;
        }
        out.appendCodePoint(cp);
        return semi + 1;
    }

    private static int numeric(String name) {
        if (name.length() < 2 || name.charAt(0) != '#') {
            return -1;
        }
        try {
            boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
            int cp = hex ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
            return Character.isValidCodePoint(cp) ? cp : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Replaces a tag such as {@code <br />} or {@code </a>} by a space; "&lt;3" is not a tag. */
    private static int tag(String s, int i, StringBuilder out) {
        int j = i + 1;
        if (j < s.length() && s.charAt(j) == '/') {
            j++;
        }
        if (j >= s.length() || !Character.isLetter(s.charAt(j))) {
            return -1;
        }
        int close = s.indexOf('>', j);
        if (close < 0 || close - i > MAX_TAG || s.substring(j, close).indexOf('<') >= 0) {
            return -1;
        }
        out.append(' ');
        return close + 1;
    }
}
