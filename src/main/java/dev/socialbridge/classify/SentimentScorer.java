package dev.socialbridge.classify;

import dev.socialbridge.classify.NormalizedText.Signal;

/**
 * Sentiment from the positive/negative lexicon hits, emoji and the intent just chosen (a complaint leans
 * negative, praise positive). Score in -1..1; labels cut at ±{@value #LABEL_CUT}. Positive words do not count in a
 * complaint or a toxic message: there they are sarcasm or quotes ("great job losing my bag, thanks").
 */
final class SentimentScorer {
    static final double LABEL_CUT = 0.25;
    private static final double LEXICON_SLOPE = 0.6;
    private static final double EMOJI_WEIGHT = 0.5;
    private static final int MAX_EMOJI = 3;
    private static final double[] INTENT_LEAN = {0.15, -0.2, -0.45, -1.1, 1.1, 0, 0, -1.2, 0};

    private SentimentScorer() {
    }

    static double score(NormalizedText text, double[] ruleWeights, int intent, double confidence) {
        double lexicon = ruleWeights[Categories.POSITIVE] - ruleWeights[Categories.NEGATIVE]
                + EMOJI_WEIGHT * (Math.min(text.count(Signal.EMOJI_POSITIVE), MAX_EMOJI)
                - Math.min(text.count(Signal.EMOJI_NEGATIVE), MAX_EMOJI));
        if (intent == Categories.COMPLAINT || intent == Categories.TOXIC) {
            lexicon = Math.min(lexicon, 0);
        }
        return Math.tanh(LEXICON_SLOPE * lexicon + INTENT_LEAN[intent] * confidence);
    }

    static String label(double score) {
        return score >= LABEL_CUT ? "positive" : score <= -LABEL_CUT ? "negative" : "neutral";
    }
}
