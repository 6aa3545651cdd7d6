package dev.socialbridge.learning;

import dev.socialbridge.classify.Classification;
import dev.socialbridge.classify.Classifier;
import dev.socialbridge.classify.SocialClassifier;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classifier the pipeline uses: the shipped one until the installation has a model of its own, then that one.
 * Switching is one volatile write, so messages classified meanwhile use either model whole. Thread-safe.
 */
public final class ActiveClassifier implements Classifier {
    private static final Logger LOG = LoggerFactory.getLogger(ActiveClassifier.class);

    /** A classifier and the name of its intent model. */
    public record Versioned(SocialClassifier classifier, String version) { }

    private final SocialClassifier shipped;
    private volatile Versioned active;

    /** @param shipped the bundled classifier with the admin's keyword rules */
    public ActiveClassifier(SocialClassifier shipped) {
        this.shipped = shipped;
        this.active = new Versioned(shipped, ModelVersion.shipped());
    }

    @Override
    public Classification classify(String text) {
        return active.classifier().classify(text);
    }

    /** The model in use now. */
    public Versioned active() {
        return active;
    }

    /** The name of the intent model in use now (written on every audit record). */
    public String version() {
        return active.version();
    }

    /** The bundled classifier (with the admin's keyword rules), whatever the installation uses. */
    public SocialClassifier shipped() {
        return shipped;
    }

    /**
     * Uses the store's current model, or the shipped one when the store has none (after a rollback to it). A model
     * that cannot be read leaves the classifier as it was.
     *
     * @return whether the model changed
     */
    public boolean follow(ModelStore models) {
        Optional<String> version = models.currentVersion();
        String wanted = version.orElse(ModelVersion.shipped());
        if (wanted.equals(active.version())) {
            return false;
        }
        if (version.isEmpty()) {
            active = new Versioned(shipped, wanted);
        } else {
            Optional<ModelStore.StoredModel> m = models.current();
            if (m.isEmpty()) {
                return false;
            }
            try {
                active = new Versioned(shipped.withIntentModel(m.get().model()), m.get().version());
            } catch (IllegalArgumentException e) {
                LOG.error("the installation's model {} cannot be read ({}); keeping {}", m.get().version(), e.getMessage(),
                        active.version());
                return false;
            }
        }
        LOG.info("classifying with intent model {}", wanted);
        return true;
    }
}
