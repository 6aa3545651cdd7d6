package dev.socialbridge.classify;

import dev.socialbridge.classify.NormalizedText.Signal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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

    private static final String MARKED_EMOJI = "🖕🤮💩😂🤣";
    private static final int SIGNALS = Signal.values().length;
    private static final int UPPER = Signal.UPPER_LETTERS.ordinal();
    private static final int LETTERS = Signal.LETTERS.ordinal();
    private static final int ACCENTS = Signal.FRENCH_ACCENTS.ordinal();
    private static final int NON_LATIN = Signal.NON_LATIN_LETTERS.ordinal();
    private static final int URLS = Signal.URLS.ordinal();
    private static final int MENTIONS = Signal.MENTIONS.ordinal();
    private static final int HASHTAGS = Signal.HASHTAGS.ordinal();
    private static final int QUESTIONS = Signal.QUESTION_MARKS.ordinal();
    private static final int EXCLAMATIONS = Signal.EXCLAMATIONS.ordinal();
    private static final int WORDS = Signal.WORDS.ordinal();

    private final Map<String, String[]> aliases;
    private final Set<String> vocabulary;

    /**
     * @param aliases    token → replacement tokens (e.g. "pls" → ["please"]), applied after folding
     * @param vocabulary known words; an elongated token collapses to double letters when that form is known
     *                   ("cooool" → "cool"), otherwise to single letters ("merciii" → "merci")
     */
    public MessageNormalizer(Map<String, String[]> aliases, Set<String> vocabulary) {
        this.aliases = new HashMap<>(aliases);
        this.vocabulary = new HashSet<>(vocabulary);
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
        String source = joinSpacedLetters(prepare(text));
        Scan scan = new Scan(source);
        scan.run();
        return new NormalizedText(scan.tokens.toArray(new String[0]), scan.signals);
    }

    /**
     * Joins runs of three or more single letters written apart to dodge filters ("f u c k", "i d i o t") when
     * the joined word is a known word, an alias or an insult; usually returns the input.
     */
    private String joinSpacedLetters(String text) {
        StringBuilder out = null;
        int copied = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetter(text.charAt(i)) || (i > 0 && !isGap(text.charAt(i - 1)))) {
                i++;
                continue;
            }
            int at = i;
            int end = i;
            int letters = 0;
            while (at < n && Character.isLetter(text.charAt(at)) && (at + 1 == n || isGap(text.charAt(at + 1)))) {
                letters++;
                end = at + 1;
                if (at + 2 < n && text.charAt(at + 1) == ' ' && Character.isLetter(text.charAt(at + 2))) {
                    at += 2;
                } else {
                    break;
                }
            }
            if (letters >= 3) {
                String word = fold(text.substring(i, end).replace(" ", ""));
                if (aliases.containsKey(word) || vocabulary.contains(word) || InsultWords.isInsult(word)) {
                    if (out == null) {
                        out = new StringBuilder(n);
                    }
                    out.append(text, copied, i).append(word);
                    copied = end;
                }
            }
            i = Math.max(end, i + 1);
        }
        return out == null ? text : out.append(text, copied, n).toString();
    }

    private static boolean isGap(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == ',' || c == '.' || c == '!' || c == '?';
    }

    private static String fold(String word) {
        StringBuilder b = new StringBuilder(word.length());
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            String f = c < FOLD.length ? FOLD[c] : null;
            b.append(f != null ? f : String.valueOf(Character.toLowerCase(c)));
        }
        return b.toString();
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

    /** One scan over one message; not shared. ASCII takes a fast path, other code points the general one. */
    private final class Scan {
        final String s;
        final ArrayList<String> tokens = new ArrayList<>(24);
        final int[] signals = new int[SIGNALS];
        final StringBuilder word = new StringBuilder(24);
        boolean wordHasLetter;
        boolean wordHasDigit;
        boolean wordElongated;
        /** The word has a '*' between letters: a masked swear word ("f*ck"), looked up in the aliases. */
        boolean wordMasked;
        int run;
        int chunkStart;
        String lastEmoji;

        Scan(String s) {
            this.s = s;
        }

        void run() {
            int n = s.length();
            int i = 0;
            boolean atChunkStart = true;
            while (i < n) {
                char c = s.charAt(i);
                if (c <= ' ' || (c >= 0x80 && (Character.isWhitespace(c) || Character.isSpaceChar(c)))) {
                    endWord();
                    atChunkStart = true;
                    i++;
                    continue;
                }
                if (atChunkStart) {
                    atChunkStart = false;
                    chunkStart = i;
                    int link = (c | 0x20) == 'h' || (c | 0x20) == 'w' ? linkEnd(i) : i;
                    if (link > i) {
                        i = link;
                        continue;
                    }
                }
                if (c < 0x80) {
                    i = ascii(i, c);
                } else {
                    int cp = s.codePointAt(i);
                    if (Character.isLetterOrDigit(cp)) {
                        lastEmoji = null;
                        appendOther(cp);
                        i += Character.charCount(cp);
                    } else {
                        endWord();
                        i = symbol(i, cp);
                    }
                }
            }
            endWord();
        }

        int ascii(int i, char c) {
            if (c >= 'a' && c <= 'z') {
                letter(c);
                return i + 1;
            }
            if (c >= 'A' && c <= 'Z') {
                signals[UPPER]++;
                letter((char) (c + 32));
                return i + 1;
            }
            if (c >= '0' && c <= '9') {
                lastEmoji = null;
                wordHasDigit = true;
                appendFolded(c);
                return i + 1;
            }
            if ((c == '*' || c == '$') && wordHasLetter && maskContinues(i)) {
                lastEmoji = null;
                wordMasked |= c == '*';
                appendFolded(c == '$' ? 's' : '*');
                return i + 1;
            }
            if (c == '.' && wordHasLetter && i + 1 < s.length() && Character.isLetter(s.charAt(i + 1))) {
                int link = domainEnd(i);
                if (link > i) {
                    resetWord();
                    emitLink();
                    return link;
                }
            }
            endWord();
            return symbol(i, c);
        }

        /** A '*' or '$' inside a word ("f*ck", "a$$hole"): more of them, then a letter. */
        boolean maskContinues(int i) {
            int j = i;
            while (j < s.length() && (s.charAt(j) == '*' || s.charAt(j) == '$')) {
                j++;
            }
            return j < s.length() && j - i <= 3 && Character.isLetter(s.charAt(j));
        }

        void letter(char c) {
            lastEmoji = null;
            wordHasLetter = true;
            signals[LETTERS]++;
            appendFolded(c);
        }

        void appendOther(int cp) {
            if (Character.isDigit(cp)) {
                wordHasDigit = true;
                appendFolded((char) ('0' + Character.digit(cp, 10)));
                return;
            }
            wordHasLetter = true;
            signals[LETTERS]++;
            if (Character.isUpperCase(cp)) {
                signals[UPPER]++;
            }
            if (cp < FOLD.length) {
                if (FRENCH_ACCENTS.indexOf(cp) >= 0) {
                    signals[ACCENTS]++;
                }
                String folded = FOLD[cp];
                for (int k = 0; k < folded.length(); k++) {
                    appendFolded(folded.charAt(k));
                }
            } else {
                if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN) {
                    signals[NON_LATIN]++;
                }
                word.appendCodePoint(Character.toLowerCase(cp));
                run = 1;
            }
        }

        void appendFolded(char c) {
            int len = word.length();
            run = len > 0 && word.charAt(len - 1) == c ? run + 1 : 1;
            if (run == 3) {
                wordElongated = true;
            }
            word.append(c);
        }

        /** End of an http(s):// or www. link starting at {@code i}, or {@code i} if there is none. */
        int linkEnd(int i) {
            if (s.regionMatches(true, i, "http://", 0, 7) || s.regionMatches(true, i, "https://", 0, 8)
                    || s.regionMatches(true, i, "www.", 0, 4)) {
                emitLink();
                return chunkEnd(i);
            }
            return i;
        }

        /** Called at a '.' inside a word: end of a bare domain ("murdev.com") covering the chunk, or {@code i}. */
        int domainEnd(int i) {
            int end = chunkEnd(i);
            int trimmed = end;
            while (trimmed > chunkStart && ".,;:!?)".indexOf(s.charAt(trimmed - 1)) >= 0) {
                trimmed--;
            }
            int from = chunkStart;
            while (from < i && !Character.isLetterOrDigit(s.charAt(from))) {
                from++;
            }
            return BARE_DOMAIN.matcher(s).region(from, trimmed).matches() ? trimmed : i;
        }

        int chunkEnd(int from) {
            int j = from;
            while (j < s.length() && s.charAt(j) > ' ' && !Character.isWhitespace(s.charAt(j))
                    && !Character.isSpaceChar(s.charAt(j))) {
                j++;
            }
            return j;
        }

        void emitLink() {
            emit(NormalizedText.URL);
            signals[URLS]++;
        }

        /** Punctuation, emoji, mentions and hashtags at {@code i}; returns the next index. */
        int symbol(int i, int cp) {
            if (cp == '@' && i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i + 1))) {
                int j = i + 1;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_'
                        || (s.charAt(j) == '.' && j + 1 < s.length() && Character.isLetterOrDigit(s.charAt(j + 1))))) {
                    j++;
                }
                emit(NormalizedText.MENTION);
                signals[MENTIONS]++;
                return j;
            }
            if (cp == '#' && i + 1 < s.length() && Character.isLetter(s.charAt(i + 1))) {
                signals[HASHTAGS]++;
                return i + 1;
            }
            if (cp == '?') {
                signals[QUESTIONS]++;
            } else if (cp == '!') {
                signals[EXCLAMATIONS]++;
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
            return i + Character.charCount(cp);
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
            if (MARKED_EMOJI.contains(glyph)) {
                emit("_emo" + Integer.toHexString(glyph.codePointAt(0)) + "_");
            }
        }

        void resetWord() {
            word.setLength(0);
            wordHasLetter = false;
            wordHasDigit = false;
            wordElongated = false;
            wordMasked = false;
        }

        void endWord() {
            if (word.length() == 0) {
                return;
            }
            String w = word.toString();
            boolean letters = wordHasLetter;
            boolean digits = wordHasDigit;
            boolean elongated = wordElongated;
            boolean masked = wordMasked;
            resetWord();
            if (masked) {
                emitMasked(w);
            } else if (!letters) {
                emit(w.length() >= 5 ? NormalizedText.LONG_NUMBER : NormalizedText.NUMBER);
            } else if (digits && !aliases.containsKey(w)) {
                splitLettersAndDigits(w);
            } else {
                emitWord(elongated ? collapseElongation(w) : w);
            }
        }

        /** A masked word known to the aliases ("f*ck" → "fuck"), otherwise its parts around the '*'. */
        void emitMasked(String w) {
            String collapsed = w.replaceAll("\\*+", "*");
            if (aliases.containsKey(w)) {
                emitWord(w);
            } else if (aliases.containsKey(collapsed)) {
                emitWord(collapsed);
            } else {
                for (String part : w.split("\\*+")) {
                    if (!part.isEmpty()) {
                        emitWord(part);
                    }
                }
            }
        }

        void splitLettersAndDigits(String w) {
            int start = 0;
            for (int k = 1; k <= w.length(); k++) {
                if (k == w.length() || Character.isDigit(w.charAt(k)) != Character.isDigit(w.charAt(start))) {
                    String part = w.substring(start, k);
                    if (Character.isDigit(part.charAt(0))) {
                        emit(part.length() >= 5 ? NormalizedText.LONG_NUMBER : NormalizedText.NUMBER);
                    } else {
                        emitWord(collapseElongation(part));
                    }
                    start = k;
                }
            }
        }

        void emitWord(String w) {
            String[] alias = aliases.get(w);
            if (alias == null) {
                emit(w);
            } else {
                for (String a : alias) {
                    emit(a);
                }
            }
        }

        void emit(String token) {
            tokens.add(token);
            if (token.charAt(0) != '_') {
                signals[WORDS]++;
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
