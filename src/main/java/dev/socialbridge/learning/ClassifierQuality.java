package dev.socialbridge.learning;

import dev.socialbridge.pipeline.ModerationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How well the classifier does by the agents' judgement, over a window: the moderation false-positive rate (comments
 * automation hid that a person unhid ÷ comments automation hid; the playbook's target is under 5 %) and the tagging
 * accuracy (threads whose intent, or sentiment, no agent corrected ÷ threads classified; target over 85 %).
 */
public final class ClassifierQuality {
    public static final double FALSE_POSITIVE_TARGET = 0.05;
    public static final double TAGGING_TARGET = 0.85;

    private final ModerationStore moderation;
    private final ClassifiedMessages classified;
    private final CorrectionStore corrections;
    private final ModelStore models;
    private final ActiveClassifier active;
    private final Clock clock;

    public ClassifierQuality(ModerationStore moderation, ClassifiedMessages classified, CorrectionStore corrections,
                             ModelStore models, ActiveClassifier active, Clock clock) {
        this.moderation = moderation;
        this.classified = classified;
        this.corrections = corrections;
        this.models = models;
        this.active = active;
        this.clock = clock;
    }

    /** Rates are null when there is nothing to divide by. */
    public record Moderation(long automatedHides, long undoneByAgents, Double falsePositiveRate, double target) { }

    public record Tagging(long classifiedThreads, long intentCorrected, long sentimentCorrected, Double intentAccuracy,
                          Double sentimentAccuracy, double target) { }

    /** The report of {@code GET /admin/classifier}. */
    public record Report(String model, Instant since, Moderation moderation, Tagging tagging,
                         Map<String, Long> corrections, List<ModelStore.ModelInfo> models) { }

    public Report report(Duration window) {
        Instant since = clock.instant().minus(window);
        ModerationStore.AutomatedHides hides = moderation.automatedSince(since);
        long threads = classified.count(since);
        long intent = corrections.correctedThreads(CorrectionStore.INTENT, since);
        long sentiment = corrections.correctedThreads(CorrectionStore.SENTIMENT, since);
        return new Report(active.version(), since,
                new Moderation(hides.hidden(), hides.undone(), ratio(hides.undone(), hides.hidden()), FALSE_POSITIVE_TARGET),
                new Tagging(threads, intent, sentiment, accuracy(intent, threads), accuracy(sentiment, threads),
                        TAGGING_TARGET),
                corrections.counts(), models.list());
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static Double accuracy(long corrected, long threads) {
        return threads == 0 ? null : Math.max(0, 1 - (double) corrected / threads);
    }
}
