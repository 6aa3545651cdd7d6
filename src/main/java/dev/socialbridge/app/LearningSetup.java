package dev.socialbridge.app;

import dev.socialbridge.config.SocialBridgeConfig;
import dev.socialbridge.learning.ActiveClassifier;
import dev.socialbridge.learning.ClassifiedMessages;
import dev.socialbridge.learning.ClassifierQuality;
import dev.socialbridge.learning.CorrectionRecorder;
import dev.socialbridge.learning.CorrectionStore;
import dev.socialbridge.learning.LabelledLines;
import dev.socialbridge.learning.Learner;
import dev.socialbridge.learning.Learning;
import dev.socialbridge.learning.ModelFollower;
import dev.socialbridge.learning.ModelStore;
import dev.socialbridge.learning.ScheduledLearning;
import dev.socialbridge.pipeline.ModerationStore;
import dev.socialbridge.store.Database;
import java.time.Clock;
import java.util.Optional;

/** The classifier's learning parts of one installation, built from {@code socialbridge.learning.*}. */
record LearningSetup(ActiveClassifier classifier, ModelStore models, CorrectionStore corrections,
                     ClassifiedMessages classified, Learning learning) {

    static LearningSetup of(SocialBridgeConfig.Learning settings, Database db, ActiveClassifier classifier) {
        return of(settings, db, classifier, LabelledLines::shipped);
    }

    /** @param base the training data the installation's models start from (the shipped data; tests pass less) */
    static LearningSetup of(SocialBridgeConfig.Learning settings, Database db, ActiveClassifier classifier,
                            java.util.function.Supplier<java.util.List<dev.socialbridge.classify.train.LabelledRow>> base) {
        ModelStore models = new ModelStore(db);
        CorrectionStore corrections = new CorrectionStore(db);
        Learner learner = new Learner(new Learner.Settings(Learner.Settings.DEFAULT.folds(), settings.correctionWeight(),
                settings.minCorrections()));
        Learning learning = new Learning(corrections, models, classifier, learner, base,
                Clock.systemUTC());
        return new LearningSetup(classifier, models, corrections, new ClassifiedMessages(db), learning);
    }

    CorrectionRecorder recorder() {
        return new CorrectionRecorder(corrections, classified);
    }

    ClassifierQuality quality(ModerationStore moderation) {
        return new ClassifierQuality(moderation, classified, corrections, models, classifier, Clock.systemUTC());
    }

    ModelFollower follower(SocialBridgeConfig.Learning settings) {
        return new ModelFollower(classifier, models, settings.reloadInterval());
    }

    Optional<ScheduledLearning> schedule(SocialBridgeConfig.Learning settings) {
        return settings.schedule().map(every -> new ScheduledLearning(learning, corrections, models, every));
    }
}
