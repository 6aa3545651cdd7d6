package dev.socialbridge.learning;

import dev.socialbridge.classify.train.LabelledRow;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What {@code learn} does, from the command line or on a schedule: imports labelled rows, trains and judges a model
 * ({@link Learner}), keeps it when it is better, rolls back.
 */
public final class Learning {
    private final CorrectionStore corrections;
    private final ModelStore models;
    private final ActiveClassifier active;
    private final Learner learner;
    private final Supplier<List<LabelledRow>> base;
    private final Clock clock;

    /** @param base the shipped training data (read when learning, not before) */
    public Learning(CorrectionStore corrections, ModelStore models, ActiveClassifier active, Learner learner,
                    Supplier<List<LabelledRow>> base, Clock clock) {
        this.corrections = corrections;
        this.models = models;
        this.active = active;
        this.learner = learner;
        this.base = base;
        this.clock = clock;
    }

    /** A learning run: the learner's result and the name the trained model was stored under (null if none). */
    public record Outcome(Learner.Result result, String version) { }

    /** Trains on the shipped data plus every intent example; the new model becomes current only when better. */
    public Outcome learn() {
        active.follow(models);
        List<CorrectionStore.Correction> examples = corrections.examples(CorrectionStore.INTENT);
        Learner.Result r = learner.learn(base.get(), examples, active.shipped(), active);
        if (r.candidate() == null) {
            return new Outcome(r, null);
        }
        int n = models.nextNumber();
        String version = r.better() ? ModelVersion.local(n, r.model()) : "local-" + n + "-rejected";
        ModelStore.ModelInfo info = new ModelStore.ModelInfo(version, r.better() ? ModelStore.CURRENT : ModelStore.REJECTED,
                clock.instant(), r.trainedRows(), r.examples(), r.current().accuracy(), r.candidate().accuracy(),
                r.summary());
        if (r.better()) {
            models.adopt(info, r.model());
            active.follow(models);
        } else {
            models.reject(info);
        }
        return new Outcome(r, version);
    }

    /**
     * Stores imported rows as intent examples (and sentiment examples where a row has one).
     *
     * @return how many rows were stored
     */
    public int importRows(List<LabelledRow> rows, String name) {
        return corrections.database().inTransaction(c -> {
            int n = 0;
            for (LabelledRow row : rows) {
                String lang = row.lang().isEmpty() ? null : row.lang();
                corrections.record(c, new CorrectionStore.Correction(0, CorrectionStore.FROM_IMPORT, null, null, row.text(),
                        lang, CorrectionStore.INTENT, null, row.intent(), "import:" + name, null, clock.instant()));
                if (!row.sentiment().isEmpty()) {
                    corrections.record(c, new CorrectionStore.Correction(0, CorrectionStore.FROM_IMPORT, null, null,
                            row.text(), lang, CorrectionStore.SENTIMENT, null, row.sentiment(), "import:" + name, null,
                            clock.instant()));
                }
                n++;
            }
            return n;
        });
    }

    /**
     * Goes back to the model before the current one (the shipped one if there was none).
     *
     * @return the model in use afterwards; empty when the installation had no model of its own
     */
    public Optional<String> rollback() {
        if (models.currentVersion().isEmpty()) {
            return Optional.empty();
        }
        String now = models.rollback().orElse(ModelVersion.shipped());
        active.follow(models);
        return Optional.of(now);
    }
}
