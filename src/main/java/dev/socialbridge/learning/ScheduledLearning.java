package dev.socialbridge.learning;

import dev.socialbridge.support.BackgroundWorker;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code socialbridge.learning.schedule}: trains a model from the corrections on a schedule, on the instance that runs
 * the singleton jobs, and only when the number of intent examples differs from the one the last trained model saw.
 */
public final class ScheduledLearning extends BackgroundWorker {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledLearning.class);

    private final Learning learning;
    private final CorrectionStore corrections;
    private final ModelStore models;
    private boolean first = true;

    public ScheduledLearning(Learning learning, CorrectionStore corrections, ModelStore models, Duration every) {
        super("scheduled-learning", every.toMillis());
        this.learning = learning;
        this.corrections = corrections;
        this.models = models;
    }

    public ScheduledLearning start() {
        startWorker();
        return this;
    }

    /** Waits one period after start (training competes with the pipeline for CPU), then trains when there is news. */
    @Override
    protected boolean runOnce() {
        if (first) {
            first = false;
            return false;
        }
        long examples = corrections.examples(CorrectionStore.INTENT).size();
        long learnt = models.list().stream().findFirst().map(ModelStore.ModelInfo::corrections).orElse(0);
        if (examples == learnt) {
            return false;   // nothing new since the last model was trained (kept or not)
        }
        Learning.Outcome o = learning.learn();
        LOG.info("scheduled learning: {}{}", o.result().summary(), o.version() == null ? "" : " (" + o.version() + ")");
        return false;
    }
}
