package dev.socialbridge.classify;

import opennlp.tools.ml.model.MaxentModel;

/**
 * The statistical intent layer: an OpenNLP maxent model over {@link IntentFeatures}. A quasi-Newton model (the
 * shipped one) is evaluated through {@link CompiledQnModel}, which gives the same probabilities without a string
 * per feature; other model types through OpenNLP. Both only read the model, so one instance serves every thread.
 */
final class IntentModel {
    private final MaxentModel model;
    private final CompiledQnModel compiled;
    private final int[] outcomeOfIntent;

    IntentModel(MaxentModel model) {
        this.compiled = CompiledQnModel.of(model);
        this.model = compiled == null ? model : null;
        this.outcomeOfIntent = new int[Categories.INTENTS.size()];
        for (int i = 0; i < outcomeOfIntent.length; i++) {
            String intent = Categories.INTENTS.get(i);
            outcomeOfIntent[i] = compiled != null ? compiled.index(intent) : model.getIndex(intent);
        }
    }

    /** Probability of each intent, in {@link Categories#INTENTS} order (0 for intents the model never saw). */
    double[] probabilities(NormalizedText text) {
        double[] raw;
        if (compiled != null) {
            CompiledQnModel.Scores scores = compiled.scores();
            IntentFeatures.generate(text, scores);
            raw = scores.probabilities();
        } else {
            raw = model.eval(IntentFeatures.of(text));
        }
        double[] p = new double[outcomeOfIntent.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = outcomeOfIntent[i] < 0 ? 0 : raw[outcomeOfIntent[i]];
        }
        return p;
    }
}
