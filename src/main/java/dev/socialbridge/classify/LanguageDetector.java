package dev.socialbridge.classify;

import dev.socialbridge.classify.NormalizedText.Signal;
import opennlp.tools.ml.model.MaxentModel;

import java.util.Map;

/**
 * Tells French from English (or neither): counts words from the per-language lists and French accents, and
 * breaks ties with a small maxent model over words and character trigrams. Thread-safe.
 */
final class LanguageDetector {
    static final String FR = "fr";
    static final String EN = "en";
    static final String OTHER = "other";
    private static final double ACCENT_WEIGHT = 0.6;
    private static final int MAX_ACCENTS = 3;

    private final Map<String, Integer> words;
    private final MaxentModel tieBreaker;
    private final int frenchOutcome;

    LanguageDetector(Map<String, Integer> words, MaxentModel tieBreaker) {
        this.words = words;
        this.tieBreaker = tieBreaker;
        this.frenchOutcome = tieBreaker.getIndex(FR);
    }

    String detect(NormalizedText text) {
        if (text.count(Signal.WORDS) == 0 || text.count(Signal.NON_LATIN_LETTERS) * 2 > text.count(Signal.LETTERS)) {
            return OTHER;
        }
        double fr = ACCENT_WEIGHT * Math.min(text.count(Signal.FRENCH_ACCENTS), MAX_ACCENTS);
        double en = 0;
        int other = 0;
        for (int i = 0; i < text.size(); i++) {
            Integer mask = words.get(text.token(i));
            if (mask != null) {
                fr += (mask & Lexicon.FR) != 0 ? 1 : 0;
                en += (mask & Lexicon.EN) != 0 ? 1 : 0;
                other += (mask & Lexicon.OTHER) != 0 ? 1 : 0;
            }
        }
        if (other >= 2 && other > fr && other > en) {
            return OTHER;
        }
        if (fr != en) {
            return fr > en ? FR : EN;
        }
        double[] p = tieBreaker.eval(LanguageFeatures.of(text));
        return p[frenchOutcome] >= 0.5 ? FR : EN;
    }
}
