package dev.socialbridge.learning;

import dev.socialbridge.support.BackgroundWorker;
import java.time.Duration;

/**
 * Keeps this instance on the installation's current model: checks the store every reload interval, so that a model
 * trained by {@code learn} (or a rollback) reaches every running instance without a restart.
 */
public final class ModelFollower extends BackgroundWorker {
    private final ActiveClassifier active;
    private final ModelStore models;

    public ModelFollower(ActiveClassifier active, ModelStore models, Duration interval) {
        super("model-follower", interval.toMillis());
        this.active = active;
        this.models = models;
    }

    public ModelFollower start() {
        startWorker();
        return this;
    }

    @Override
    protected boolean runOnce() {
        active.follow(models);
        return false;
    }
}
