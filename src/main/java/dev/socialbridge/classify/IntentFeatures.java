package dev.socialbridge.classify;

import dev.socialbridge.classify.NormalizedText.Signal;

import java.util.ArrayList;
import java.util.List;

/**
 * Features of the intent model, shared by training and classification: words, word bigrams (with a start
 * marker), 5-letter stems of long words, character 4-grams of each word with boundary marks (robust to
 * inflection, typos and obfuscation), whether a word of {@link InsultWords} occurs (with or without a word that
 * addresses someone) and surface signals.
 */
public final class IntentFeatures {
    private static final int STEM = 5;
    private static final int STEM_MIN_WORD = 7;
    /** Character n-grams of each word, padded with '<' and '>' (4-grams: chosen by cross-validation). */
    private static final int CHAR_MIN = 4;
    private static final int CHAR_MAX = 4;

    private IntentFeatures() {
    }

    public static String[] of(NormalizedText text) {
        List<String> f = new ArrayList<>(text.size() * 9 + 6);
        String previous = "^";
        boolean insult = false;
        boolean addressed = false;
        for (int i = 0; i < text.size(); i++) {
            String t = text.token(i);
            insult |= InsultWords.isInsult(t);
            addressed |= InsultWords.addressesSomeone(t);
            f.add(t);
            f.add(previous + '|' + t);
            if (t.length() >= STEM_MIN_WORD && t.charAt(0) != '_') {
                f.add("s=" + t.substring(0, STEM));
            }
            previous = t;
            if (t.charAt(0) != '_') {
                addCharGrams(t, f);
            }
        }
        if (insult) {
            f.add(addressed ? "L=insult_you" : "L=insult");
        }
        addSignals(text, f);
        return f.toArray(new String[0]);
    }

    private static void addCharGrams(String word, List<String> f) {
        int len = word.length() + 2;
        char[] gram = new char[2 + CHAR_MAX];
        gram[0] = 'c';
        gram[1] = '=';
        for (int n = CHAR_MIN; n <= CHAR_MAX && n < len; n++) {
            for (int i = 0; i + n <= len; i++) {
                for (int k = 0; k < n; k++) {
                    int at = i + k;
                    gram[2 + k] = at == 0 ? '<' : at == len - 1 ? '>' : word.charAt(at - 1);
                }
                f.add(new String(gram, 0, 2 + n));
            }
        }
    }

    private static void addSignals(NormalizedText text, List<String> f) {
        if (text.count(Signal.QUESTION_MARKS) > 0) {
            f.add("?");
        }
        if (text.count(Signal.EXCLAMATIONS) > 0) {
            f.add(text.count(Signal.EXCLAMATIONS) >= 3 ? "!!!" : "!");
        }
        if (text.shouting() > 0.6) {
            f.add("SHOUT");
        }
        int words = text.count(Signal.WORDS);
        f.add(words <= 2 ? "len=1" : words <= 6 ? "len=2" : words <= 15 ? "len=3" : "len=4");
    }
}
