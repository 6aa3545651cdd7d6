/**
 * The classifier learns per installation: agents' corrections in the host (a changed intent or sentiment, an unhide
 * of a comment automation hid) and imported labelled rows become examples ({@link CorrectionStore}); {@link Learner}
 * trains an intent model from the shipped training data plus those examples and keeps it only when it scores better
 * than the current one on them; {@link ModelStore} keeps the installation's models in the store (shared by every
 * instance, with the previous one for a rollback); {@link ActiveClassifier} is the classifier the pipeline uses and
 * follows the store's current model; {@link ClassifierQuality} measures the moderation false-positive rate and the
 * tagging accuracy from the corrections.
 */
package dev.socialbridge.learning;
