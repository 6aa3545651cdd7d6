package dev.socialbridge.classify;

/**
 * Combines model probabilities with keyword weights: {@code score(i) = log(p(i) + floor) + ruleWeight *
 * clamp(rules(i), ±ruleCap)}, normalised like a softmax. Spam and toxic stay out of the running unless a
 * keyword rule of weight ≥ {@code gateRule} fired for them or the model alone gives them ≥ {@code gateModel}.
 */
record IntentCombiner(double ruleWeight, double ruleCap, double floor, double gateRule, double gateModel) {
    static final IntentCombiner DEFAULT = new IntentCombiner(1.5, 3, 0.10, 1.0, 0.80);

    /** The chosen intent (index into {@link Categories#INTENTS}) and its combined probability. */
    record Decision(int intent, double confidence) {
    }

    Decision decide(double[] modelProbabilities, double[] ruleWeights) {
        int n = modelProbabilities.length;
        double[] score = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double rule = Math.max(-ruleCap, Math.min(ruleCap, ruleWeights[i]));
            boolean gated = (i == Categories.SPAM || i == Categories.TOXIC)
                    && ruleWeights[i] < gateRule && modelProbabilities[i] < gateModel;
            score[i] = gated ? Double.NEGATIVE_INFINITY : Math.log(modelProbabilities[i] + floor) + ruleWeight * rule;
            max = Math.max(max, score[i]);
        }
        int best = Categories.OTHER;
        double total = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (score[i] > bestScore) {
                bestScore = score[i];
                best = i;
            }
            total += Math.exp(score[i] - max);
        }
        return new Decision(best, Math.exp(bestScore - max) / total);
    }
}
