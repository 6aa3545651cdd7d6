package dev.socialbridge.classify;

import dev.socialbridge.classify.NormalizedText.Signal;

import java.util.ArrayList;
import java.util.List;

/**
 * Features of the intent model, shared by training and classification: words, word bigrams (with a start
 * marker), 5-letter stems of long words, character 4-grams of each word with boundary marks (robust to
 * inflection, typos and obfuscation), whether a word of {@link InsultWords} occurs (with or without a word that
 * addresses someone) and surface signals.
 *
 * <p>{@link #of} gives them as strings (training); {@link #generate} hands the same features, in the same order, to a
 * {@link Sink} as characters in a reused buffer, so that classification builds no string per feature.
 */
public final class IntentFeatures {
    private static final int STEM = 5;
    private static final int STEM_MIN_WORD = 7;
    /** Character n-grams of each word, padded with '<' and '>' (4-grams: chosen by cross-validation). */
    private static final int CHAR_MIN = 4;
    private static final int CHAR_MAX = 4;

    /** Receives features one at a time; the characters are valid only during the call. */
    public interface Sink {
        void feature(char[] chars, int length);
    }

    private IntentFeatures() {
    }

    public static String[] of(NormalizedText text) {
        List<String> f = new ArrayList<>(text.size() * 9 + 6);
        generate(text, (chars, length) -> f.add(new String(chars, 0, length)));
        return f.toArray(new String[0]);
    }

    /** Hands every feature of {@code text} to {@code sink}, in the order of {@link #of}. */
    public static void generate(NormalizedText text, Sink sink) {
        Buffer b = new Buffer(sink);
        String previous = "^";
        boolean insult = false;
        boolean addressed = false;
        for (int i = 0; i < text.size(); i++) {
            String t = text.token(i);
            insult |= InsultWords.isInsult(t);
            addressed |= InsultWords.addressesSomeone(t);
            b.emit(t);
            b.start().add(previous).add('|').add(t).emit();
            if (t.length() >= STEM_MIN_WORD && t.charAt(0) != '_') {
                b.start().add('s').add('=').add(t, 0, STEM).emit();
            }
            previous = t;
            if (t.charAt(0) != '_') {
                addCharGrams(t, b);
            }
        }
        if (insult) {
            b.emit(addressed ? "L=insult_you" : "L=insult");
        }
        addSignals(text, b);
    }

    private static void addCharGrams(String word, Buffer b) {
        int len = word.length() + 2;
        for (int n = CHAR_MIN; n <= CHAR_MAX && n < len; n++) {
            for (int i = 0; i + n <= len; i++) {
                b.start().add('c').add('=');
                for (int k = 0; k < n; k++) {
                    int at = i + k;
                    b.add(at == 0 ? '<' : at == len - 1 ? '>' : word.charAt(at - 1));
                }
                b.emit();
            }
        }
    }

    private static void addSignals(NormalizedText text, Buffer b) {
        if (text.count(Signal.QUESTION_MARKS) > 0) {
            b.emit("?");
        }
        if (text.count(Signal.EXCLAMATIONS) > 0) {
            b.emit(text.count(Signal.EXCLAMATIONS) >= 3 ? "!!!" : "!");
        }
        if (text.shouting() > 0.6) {
            b.emit("SHOUT");
        }
        int words = text.count(Signal.WORDS);
        b.emit(words <= 2 ? "len=1" : words <= 6 ? "len=2" : words <= 15 ? "len=3" : "len=4");
    }

    /** The characters of the feature being built, handed to the sink by {@link #emit()}. */
    private static final class Buffer {
        private final Sink sink;
        private char[] chars = new char[32];
        private int length;

        Buffer(Sink sink) {
            this.sink = sink;
        }

        Buffer start() {
            length = 0;
            return this;
        }

        Buffer add(char c) {
            if (length == chars.length) {
                chars = java.util.Arrays.copyOf(chars, length * 2);
            }
            chars[length++] = c;
            return this;
        }

        Buffer add(String s) {
            return add(s, 0, s.length());
        }

        Buffer add(String s, int from, int to) {
            int n = to - from;
            if (length + n > chars.length) {
                chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, length + n));
            }
            s.getChars(from, to, chars, length);
            length += n;
            return this;
        }

        void emit() {
            sink.feature(chars, length);
        }

        void emit(String feature) {
            start().add(feature).emit();
        }
    }
}
