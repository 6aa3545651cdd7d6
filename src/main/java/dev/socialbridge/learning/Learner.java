package dev.socialbridge.learning;

import dev.socialbridge.classify.Categories;
import dev.socialbridge.classify.Classifier;
import dev.socialbridge.classify.SocialClassifier;
import dev.socialbridge.classify.train.LabelledRow;
import dev.socialbridge.classify.train.TrainIntentModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Trains an installation's intent model and decides whether it is better than the current one.
 *
 * <p>The candidate is trained on the shipped training data plus the intent examples (agents' corrections and
 * imported rows, each counted {@code weight} times: they are the installation's own messages). It is judged by
 * k-fold cross-validation on the examples: for each fold a model trained without that fold classifies it, so every
 * example is predicted by a model that never saw it. The current model classifies the same examples. The candidate
 * (trained on everything) replaces the current model only when its cross-validated accuracy is strictly higher.
 */
public final class Learner {
    /**
     * @param folds      k of the cross-validation (fewer when there are fewer examples)
     * @param weight     how many times an example counts in training
     * @param minExamples fewer intent examples than this: nothing is trained
     */
    public record Settings(int folds, int weight, int minExamples) {
        public static final Settings DEFAULT = new Settings(5, 3, 10);
    }

    /** Accuracy and macro-F1 (over the intents present among the examples) of predictions on the examples. */
    public record Score(int correct, int total, double macroF1) {
        public double accuracy() {
            return total == 0 ? 0 : (double) correct / total;
        }
    }

    /**
     * @param model   the candidate trained on everything (null when nothing was trained)
     * @param better  whether it should replace the current model
     * @param summary one plain sentence saying what was done and why
     */
    public record Result(byte[] model, boolean better, Score current, Score candidate, int trainedRows, int examples,
                         String summary) { }

    private final Settings settings;
    private final Function<List<LabelledRow>, byte[]> trainer;

    public Learner(Settings settings) {
        this(settings, Learner::train);
    }

    /** @param trainer trains an intent model from rows and returns its bytes (tests pass a faster one) */
    public Learner(Settings settings, Function<List<LabelledRow>, byte[]> trainer) {
        this.settings = settings;
        this.trainer = trainer;
    }

    /**
     * @param base     the shipped training data
     * @param examples intent corrections and imported rows ({@code newValue} is the right intent)
     * @param shipped  the bundled classifier, whose intent model the candidate replaces
     * @param current  the classifier in use now
     */
    public Result learn(List<LabelledRow> base, List<CorrectionStore.Correction> examples, SocialClassifier shipped,
                        Classifier current) {
        List<CorrectionStore.Correction> usable = examples.stream()
                .filter(x -> x.newValue() != null && Categories.INTENTS.contains(x.newValue()))
                .sorted(Comparator.comparingLong(CorrectionStore.Correction::id))
                .toList();
        if (usable.size() < settings.minExamples()) {
            return new Result(null, false, null, null, 0, usable.size(), "not enough intent examples to learn from: "
                    + usable.size() + " (at least " + settings.minExamples() + ")");
        }
        int k = Math.max(2, Math.min(settings.folds(), usable.size()));
        String[] predicted = new String[usable.size()];
        for (int fold = 0; fold < k; fold++) {
            List<LabelledRow> rows = new ArrayList<>(base);
            for (int i = 0; i < usable.size(); i++) {
                if (i % k != fold) {
                    addWeighted(rows, usable.get(i));
                }
            }
            SocialClassifier model = shipped.withIntentModel(trainer.apply(rows));
            for (int i = fold; i < usable.size(); i += k) {
                predicted[i] = model.classify(usable.get(i).text()).intent();
            }
        }
        String[] now = new String[usable.size()];
        for (int i = 0; i < usable.size(); i++) {
            now[i] = current.classify(usable.get(i).text()).intent();
        }
        Score candidate = score(usable, predicted);
        Score currentScore = score(usable, now);
        boolean better = candidate.accuracy() > currentScore.accuracy();
        List<LabelledRow> all = new ArrayList<>(base);
        usable.forEach(x -> addWeighted(all, x));
        byte[] model = better ? trainer.apply(all) : null;
        String summary = String.format(java.util.Locale.ROOT,
                "%d intent examples, %d-fold cross-validation: the new model gets %d/%d right (accuracy %.3f, macro-F1"
                        + " %.3f), the current one %d/%d (accuracy %.3f, macro-F1 %.3f): %s",
                usable.size(), k, candidate.correct(), candidate.total(), candidate.accuracy(), candidate.macroF1(),
                currentScore.correct(), currentScore.total(), currentScore.accuracy(), currentScore.macroF1(),
                better ? "switching to the new model" : "keeping the current model (the new one is not better)");
        return new Result(model, better, currentScore, candidate, all.size(), usable.size(), summary);
    }

    private void addWeighted(List<LabelledRow> rows, CorrectionStore.Correction x) {
        LabelledRow row = new LabelledRow("correction-" + x.id(), x.text(), x.lang() == null ? "" : x.lang(),
                x.newValue(), "", x.source());
        for (int w = 0; w < settings.weight(); w++) {
            rows.add(row);
        }
    }

    static Score score(List<CorrectionStore.Correction> examples, String[] predicted) {
        int correct = 0;
        List<String> classes = examples.stream().map(CorrectionStore.Correction::newValue).distinct().toList();
        double f1Sum = 0;
        for (String c : classes) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < examples.size(); i++) {
                boolean gold = c.equals(examples.get(i).newValue());
                boolean guess = c.equals(predicted[i]);
                tp += gold && guess ? 1 : 0;
                fp += !gold && guess ? 1 : 0;
                fn += gold && !guess ? 1 : 0;
            }
            f1Sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
        for (int i = 0; i < examples.size(); i++) {
            correct += examples.get(i).newValue().equals(predicted[i]) ? 1 : 0;
        }
        return new Score(correct, examples.size(), classes.isEmpty() ? 0 : f1Sum / classes.size());
    }

    /** The shipped model's recipe ({@link TrainIntentModel#trainIntents}) on {@code rows}. */
    static byte[] train(List<LabelledRow> rows) {
        try {
            return TrainIntentModel.serialize(TrainIntentModel.trainIntents(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
