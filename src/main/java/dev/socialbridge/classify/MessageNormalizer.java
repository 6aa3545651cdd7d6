package dev.socialbridge.classify;

import dev.socialbridge.classify.NormalizedText.Signal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a raw social message into accent-free, lower-case word tokens in one pass: links, @mentions,
 * numbers and emoji become special tokens, hashtags keep their word, elongations ("merciii") collapse,
 * HTML entities decode and chat abbreviations expand through an alias table. Thread-safe.
 */
public final class MessageNormalizer {
    private static final String[] FOLD = buildFoldTable();
    private static final String FRENCH_ACCENTS = "éèêàâùûçôîïëœÉÈÊÀÂÙÛÇÔÎÏËŒ";
    private static final Pattern BARE_DOMAIN = Pattern.compile(
            "(?i)[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.(?:com|net|org|fr|ly|io|co|me|tv|info|biz|be|ch|ca|uk|de|gl|gg"
                    + "|xyz|shop|store|link|site|online|club|top|us|ru|tk)(?:/\\S*)?");
    private static final String[] EMOTICONS = {":-)", ":)", ":-D", ":D", ";-)", ";)", ":P", ":p", "<3", "=)", "^^",
        ":-(", ":(", ":'(", ":'-(", ":/", ":-/", "=(", ":@"};
    private static final int POSITIVE_EMOTICONS = 11;
    private static final String POSITIVE_EMOJI = "😀😁😃😄😅😆😉😊😋😎😍😘😗😙😚🥰🥳🤩☺🙂🤗👍👌👏🙌💪🎉🎊✨🔥💯⭐🌟❤♥💕"
            + "💖💗💓💞💘💝💜💙💚💛🧡🤍🤎😻🙏✌🤘✅🌹💐😇😜😝😛🤪👑🏆🎁";
    private static final String NEGATIVE_EMOJI = "😡😠🤬😤😞😟😢😭😩😫😒🙄😔😕☹🙁👎💔😣😖🤮🤢🖕💩😾😿😓😥😰😱🤦😑";

    private final Map<String, String[]> aliases;
    private final Set<String> vocabulary;

    /**
     * @param aliases    token → replacement tokens (e.g. "pls" → ["please"]), applied after folding
     * @param vocabulary known words; an elongated token collapses to double letters when that form is known
     *                   ("cooool" → "cool"), otherwise to single letters ("merciii" → "merci")
     */
    public MessageNormalizer(Map<String, String[]> aliases, Set<String> vocabulary) {
        this.aliases = Map.copyOf(aliases);
        this.vocabulary = Set.copyOf(vocabulary);
    }

    /** The normaliser with the bundled aliases and word lists, as {@link SocialClassifier} uses it. */
    public static MessageNormalizer bundled() {
        Lexicon lexicon = Lexicon.loadDefault();
        return new MessageNormalizer(lexicon.aliases, lexicon.vocabulary());
    }

    /** Normalises {@code text}; null or blank gives an empty result. Never throws. */
    public NormalizedText normalize(String text) {
        if (text == null || text.isBlank()) {
            return NormalizedText.EMPTY;
        }
        String source = prepare(text);
        Scan scan = new Scan(source);
        scan.run();
        return new NormalizedText(scan.tokens.toArray(new String[0]), scan.signals);
    }

    /** Decodes HTML entities and tags and folds decorative Unicode letters; usually returns the input. */
    private static String prepare(String text) {
        String out = text;
        if (out.indexOf('&') >= 0 || out.indexOf('<') >= 0) {
            out = HtmlText.decode(out);
        }
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if ((c >= 0xFF01 && c <= 0xFF5E) || (Character.isHighSurrogate(c) && c == 0xD835)) {
                return Normalizer.normalize(out, Normalizer.Form.NFKC);
            }
        }
        return out;
    }

    /** One scan over one message; not shared. */
    private final class Scan {
        final String s;
        final ArrayList<String> tokens = new ArrayList<>(24);
        final int[] signals = new int[Signal.values().length];
        final StringBuilder word = new StringBuilder(24);
        boolean wordHasLetter;
        boolean wordHasDigit;
        String lastEmoji;

        Scan(String s) {
            this.s = s;
        }

        void run() {
            int i = 0;
            int n = s.length();
            while (i < n) {
                int cp = s.codePointAt(i);
                if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                    endWord();
                    i += Character.charCount(cp);
                    int chunkEnd = chunkEnd(i);
                    i = maybeLink(i, chunkEnd);
                    continue;
                }
                if (i == 0) {
                    int skipped = maybeLink(0, chunkEnd(0));
                    if (skipped > 0) {
                        i = skipped;
                        continue;
                    }
                }
                i = step(i, cp);
            }
            endWord();
        }

        int chunkEnd(int from) {
            int j = from;
            while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && !Character.isSpaceChar(s.charAt(j))) {
                j++;
            }
            return j;
        }

        /** If the chunk [from, to) is a link, emits it and returns {@code to}; otherwise returns {@code from}. */
        int maybeLink(int from, int to) {
            if (to - from < 4) {
                return from;
            }
            if (s.regionMatches(true, from, "http://", 0, 7) || s.regionMatches(true, from, "https://", 0, 8)
                    || s.regionMatches(true, from, "www.", 0, 4)) {
                emit(NormalizedText.URL);
                signals[Signal.URLS.ordinal()]++;
                return to;
            }
            int dot = s.indexOf('.', from);
            if (dot > from && dot < to - 2) {
                int end = to;
                while (end > from && ".,;:!?)".indexOf(s.charAt(end - 1)) >= 0) {
                    end--;
                }
                if (BARE_DOMAIN.matcher(s).region(from, end).matches()) {
                    emit(NormalizedText.URL);
                    signals[Signal.URLS.ordinal()]++;
                    return end;
                }
            }
            return from;
        }

        int step(int i, int cp) {
            int len = Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                lastEmoji = null;
                appendLetterOrDigit(cp);
                return i + len;
            }
            endWord();
            if (cp == '@' && i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i + 1))) {
                int j = i + 1;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_'
                        || (s.charAt(j) == '.' && j + 1 < s.length() && Character.isLetterOrDigit(s.charAt(j + 1))))) {
                    j++;
                }
                emit(NormalizedText.MENTION);
                signals[Signal.MENTIONS.ordinal()]++;
                return j;
            }
            if (cp == '#' && i + 1 < s.length() && Character.isLetter(s.charAt(i + 1))) {
                signals[Signal.HASHTAGS.ordinal()]++;
                return i + 1;
            }
            if (cp == '?') {
                signals[Signal.QUESTION_MARKS.ordinal()]++;
            } else if (cp == '!') {
                signals[Signal.EXCLAMATIONS.ordinal()]++;
            }
            int emoticon = emoticonAt(i);
            if (emoticon >= 0) {
                emitEmoji(emoticon < POSITIVE_EMOTICONS ? Signal.EMOJI_POSITIVE : Signal.EMOJI_NEGATIVE,
                        EMOTICONS[emoticon]);
                return i + EMOTICONS[emoticon].length();
            }
            if (isEmoji(cp)) {
                emitEmoji(classify(cp), new String(Character.toChars(cp)));
            } else if (cp != 0xFE0F && cp != 0x200D && !(cp >= 0x1F3FB && cp <= 0x1F3FF)) {
                lastEmoji = null;
            }
            return i + len;
        }

        int emoticonAt(int i) {
            char c = s.charAt(i);
            if (c != ':' && c != ';' && c != '<' && c != '=' && c != '^') {
                return -1;
            }
            for (int k = 0; k < EMOTICONS.length; k++) {
                String e = EMOTICONS[k];
                if (s.startsWith(e, i) && (i + e.length() == s.length()
                        || !Character.isLetterOrDigit(s.charAt(i + e.length())) || e.charAt(1) == '\'')) {
                    return k;
                }
            }
            return -1;
        }

        void emitEmoji(Signal kind, String glyph) {
            signals[kind.ordinal()]++;
            if (glyph.equals(lastEmoji)) {
                return;
            }
            lastEmoji = glyph;
            String token = switch (kind) {
                case EMOJI_POSITIVE -> NormalizedText.EMOJI_POSITIVE;
                case EMOJI_NEGATIVE -> NormalizedText.EMOJI_NEGATIVE;
                default -> NormalizedText.EMOJI_OTHER;
            };
            emit(token);
            if ("🖕".equals(glyph) || "🤮".equals(glyph) || "💩".equals(glyph) || "😂".equals(glyph)
                    || "🤣".equals(glyph)) {
                emit("_emo" + Integer.toHexString(glyph.codePointAt(0)) + "_");
            }
        }

        void appendLetterOrDigit(int cp) {
            if (Character.isDigit(cp)) {
                wordHasDigit = true;
                word.append((char) ('0' + Character.digit(cp, 10)));
                return;
            }
            wordHasLetter = true;
            signals[Signal.LETTERS.ordinal()]++;
            if (Character.isUpperCase(cp)) {
                signals[Signal.UPPER_LETTERS.ordinal()]++;
            }
            if (cp < FOLD.length) {
                if (cp >= 0xC0 && FRENCH_ACCENTS.indexOf(cp) >= 0) {
                    signals[Signal.FRENCH_ACCENTS.ordinal()]++;
                }
                word.append(FOLD[cp]);
            } else {
                if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN) {
                    signals[Signal.NON_LATIN_LETTERS.ordinal()]++;
                }
                word.appendCodePoint(Character.toLowerCase(cp));
            }
        }

        void endWord() {
            if (word.length() == 0) {
                return;
            }
            String w = word.toString();
            word.setLength(0);
            if (!wordHasLetter) {
                emit(w.length() >= 5 ? NormalizedText.LONG_NUMBER : NormalizedText.NUMBER);
            } else if (wordHasDigit && !aliases.containsKey(w)) {
                splitLettersAndDigits(w);
            } else {
                emitWord(w);
            }
            wordHasLetter = false;
            wordHasDigit = false;
        }

        void splitLettersAndDigits(String w) {
            int start = 0;
            for (int k = 1; k <= w.length(); k++) {
                if (k == w.length() || Character.isDigit(w.charAt(k)) != Character.isDigit(w.charAt(start))) {
                    String part = w.substring(start, k);
                    if (Character.isDigit(part.charAt(0))) {
                        emit(part.length() >= 5 ? NormalizedText.LONG_NUMBER : NormalizedText.NUMBER);
                    } else {
                        emitWord(part);
                    }
                    start = k;
                }
            }
        }

        void emitWord(String w) {
            String word = collapseElongation(w);
            String[] alias = aliases.get(word);
            if (alias == null) {
                emit(word);
            } else {
                for (String a : alias) {
                    emit(a);
                }
            }
        }

        void emit(String token) {
            tokens.add(token);
            if (token.charAt(0) != '_') {
                signals[Signal.WORDS.ordinal()]++;
            }
        }
    }

    /** "merciiii" → "merci", "cooool" → "cool" (when known), "sooo" → "so". */
    String collapseElongation(String w) {
        if (!hasRun(w, 3)) {
            return w;
        }
        String single = collapse(w, 1);
        String twice = collapse(w, 2);
        return vocabulary.contains(twice) && !vocabulary.contains(single) ? twice : single;
    }

    private static boolean hasRun(String w, int min) {
        int run = 1;
        for (int i = 1; i < w.length(); i++) {
            run = w.charAt(i) == w.charAt(i - 1) ? run + 1 : 1;
            if (run >= min) {
                return true;
            }
        }
        return false;
    }

    private static String collapse(String w, int keep) {
        StringBuilder b = new StringBuilder(w.length());
        int run = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            run = i > 0 && c == w.charAt(i - 1) ? run + 1 : 1;
            boolean longRun = runLength(w, i) >= 3;
            if (!longRun || run <= keep) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static int runLength(String w, int i) {
        char c = w.charAt(i);
        int a = i;
        int b = i;
        while (a > 0 && w.charAt(a - 1) == c) {
            a--;
        }
        while (b + 1 < w.length() && w.charAt(b + 1) == c) {
            b++;
        }
        return b - a + 1;
    }

    static boolean isEmoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF && !(cp >= 0x1F3FB && cp <= 0x1F3FF))
                || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0x2B50 || cp == 0x2B55 || cp == 0x2665;
    }

    private static Signal classify(int cp) {
        String glyph = new String(Character.toChars(cp));
        if (POSITIVE_EMOJI.contains(glyph)) {
            return Signal.EMOJI_POSITIVE;
        }
        if (NEGATIVE_EMOJI.contains(glyph)) {
            return Signal.EMOJI_NEGATIVE;
        }
        return Signal.EMOJI_OTHER;
    }

    private static String[] buildFoldTable() {
        String[] table = new String[0x250];
        for (int c = 0; c < table.length; c++) {
            String lower = String.valueOf((char) c).toLowerCase(java.util.Locale.ROOT);
            String stripped = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            table[c] = stripped.isEmpty() ? lower : stripped;
        }
        table['œ'] = "oe";
        table['Œ'] = "oe";
        table['æ'] = "ae";
        table['Æ'] = "ae";
        table['ß'] = "ss";
        table['ø'] = "o";
        table['Ø'] = "o";
        table['ł'] = "l";
        table['Ł'] = "l";
        table['đ'] = "d";
        table['Đ'] = "d";
        table['ı'] = "i";
        return table;
    }
}
