package dev.socialbridge.classify;

import opennlp.tools.ml.model.MaxentModel;

/**
 * The statistical intent layer: an OpenNLP maxent model over {@link IntentFeatures}. OpenNLP's
 * {@code GISModel.eval} only reads the model, so one instance serves every thread.
 */
final class IntentModel {
    private final MaxentModel model;
    private final int[] outcomeOfIntent;

    IntentModel(MaxentModel model) {
        this.model = model;
        this.outcomeOfIntent = new int[Categories.INTENTS.size()];
        for (int i = 0; i < outcomeOfIntent.length; i++) {
            outcomeOfIntent[i] = model.getIndex(Categories.INTENTS.get(i));
        }
    }

    /** Probability of each intent, in {@link Categories#INTENTS} order (0 for intents the model never saw). */
    double[] probabilities(NormalizedText text) {
        double[] raw = model.eval(IntentFeatures.of(text));
        double[] p = new double[outcomeOfIntent.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = outcomeOfIntent[i] < 0 ? 0 : raw[outcomeOfIntent[i]];
        }
        return p;
    }
}
