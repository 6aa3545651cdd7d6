package dev.socialbridge.classify;

/**
 * Classifies one social message: language, intent and sentiment.
 *
 * <p>Implementations are thread-safe: one instance is shared by every thread and loaded once.
 * {@link #classify} never throws, whatever the input (null, empty, binary junk, very long text); an empty or
 * blank text gives language {@code "other"}, intent {@code "other"} and a neutral sentiment.
 */
public interface Classifier {
    /**
     * @param text the message as received, possibly null
     * @return the classification, never null
     */
    Classification classify(String text);
}
