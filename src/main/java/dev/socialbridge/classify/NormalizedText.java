package dev.socialbridge.classify;

import java.util.Arrays;
import java.util.List;

/**
 * A message after {@link MessageNormalizer}: lower-case, accent-free word tokens plus the surface signals
 * (punctuation, emoji, links, shouting) that the tokens no longer carry. Immutable.
 *
 * <p>Special tokens: {@value #URL}, {@value #MENTION}, {@value #NUMBER}, {@value #LONG_NUMBER},
 * {@value #EMOJI_POSITIVE}, {@value #EMOJI_NEGATIVE}, {@value #EMOJI_OTHER}; a hashtag contributes its word.
 */
public final class NormalizedText {
    public static final String URL = "_url_";
    public static final String MENTION = "_mention_";
    public static final String NUMBER = "_num_";
    public static final String LONG_NUMBER = "_longnum_";
    public static final String EMOJI_POSITIVE = "_emopos_";
    public static final String EMOJI_NEGATIVE = "_emoneg_";
    public static final String EMOJI_OTHER = "_emo_";

    static final NormalizedText EMPTY = new NormalizedText(new String[0], new int[Signal.values().length]);

    /** Counted surface signals. */
    public enum Signal {
        QUESTION_MARKS, EXCLAMATIONS, UPPER_LETTERS, LETTERS, FRENCH_ACCENTS, NON_LATIN_LETTERS,
        URLS, MENTIONS, HASHTAGS, EMOJI_POSITIVE, EMOJI_NEGATIVE, EMOJI_OTHER, WORDS
    }

    private final String[] tokens;
    private final int[] signals;

    NormalizedText(String[] tokens, int[] signals) {
        this.tokens = tokens;
        this.signals = signals;
    }

    public int size() {
        return tokens.length;
    }

    public String token(int i) {
        return tokens[i];
    }

    public List<String> tokens() {
        return List.of(tokens);
    }

    public int count(Signal signal) {
        return signals[signal.ordinal()];
    }

    /** Share of upper-case letters among cased letters, 0 when the text has fewer than 8 letters. */
    public double shouting() {
        int letters = count(Signal.LETTERS);
        return letters < 8 ? 0 : (double) count(Signal.UPPER_LETTERS) / letters;
    }

    @Override
    public String toString() {
        return String.join(" ", tokens) + " " + Arrays.toString(signals);
    }
}
