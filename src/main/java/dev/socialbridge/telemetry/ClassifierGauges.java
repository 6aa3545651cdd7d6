package dev.socialbridge.telemetry;

import dev.socialbridge.learning.ClassifierQuality;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The classifier's quality by the agents' judgement over the last 30 days, read at scrape time: moderation false
 * positives, tagging accuracy, corrections recorded and the model in use.
 */
public final class ClassifierGauges {
    static final Duration WINDOW = Duration.ofDays(30);

    private final ClassifierQuality quality;

    public ClassifierGauges(ClassifierQuality quality) {
        this.quality = quality;
    }

    /** Appends the gauges in the text exposition format (rates are left out while there is nothing to divide by). */
    public void render(StringBuilder out) {
        ClassifierQuality.Report r = quality.report(WINDOW);
        PromText.header(out, "socialbridge_moderation_hides", "gauge",
                "Comments automation hid in the last 30 days (outcome: kept, or undone by an agent).");
        PromText.sample(out, "socialbridge_moderation_hides", List.of("outcome"), List.of("kept"),
                Long.toString(r.moderation().automatedHides() - r.moderation().undoneByAgents()));
        PromText.sample(out, "socialbridge_moderation_hides", List.of("outcome"), List.of("undone"),
                Long.toString(r.moderation().undoneByAgents()));
        if (r.moderation().falsePositiveRate() != null) {
            PromText.header(out, "socialbridge_moderation_false_positive_ratio", "gauge",
                    "Automated hides an agent undid / automated hides, last 30 days (target under 0.05).");
            PromText.sample(out, "socialbridge_moderation_false_positive_ratio", List.of(), List.of(),
                    Double.toString(r.moderation().falsePositiveRate()));
        }
        if (r.tagging().intentAccuracy() != null) {
            PromText.header(out, "socialbridge_tagging_accuracy_ratio", "gauge",
                    "Threads whose label no agent corrected / threads classified, last 30 days (target over 0.85).");
            PromText.sample(out, "socialbridge_tagging_accuracy_ratio", List.of("field"), List.of("intent"),
                    Double.toString(r.tagging().intentAccuracy()));
            PromText.sample(out, "socialbridge_tagging_accuracy_ratio", List.of("field"), List.of("sentiment"),
                    Double.toString(r.tagging().sentimentAccuracy()));
        }
        PromText.header(out, "socialbridge_classifier_corrections", "gauge",
                "Labelled examples recorded, per field (intent, sentiment, unhide) and source (agent, import).");
        for (Map.Entry<String, Long> e : r.corrections().entrySet()) {
            String[] fieldSource = e.getKey().split("/", 2);
            PromText.sample(out, "socialbridge_classifier_corrections", List.of("field", "source"),
                    List.of(fieldSource[0], fieldSource[1]), Long.toString(e.getValue()));
        }
        PromText.header(out, "socialbridge_classifier_model_info", "gauge", "1 for the intent model in use.");
        PromText.sample(out, "socialbridge_classifier_model_info", List.of("version"), List.of(r.model()), "1");
    }
}
