package dev.socialbridge.classify.train;

import dev.socialbridge.classify.Classification;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a confidence gate in automation would do at several thresholds: for hides (predicted spam or toxic) and
 * auto-replies (predicted sales_lead, support, refund_cancel, praise or question), the share of messages acted on
 * (predicted intent in the group with confidence ≥ t) and the precision of those actions (predicted intent equals
 * the gold one). Rendered as a Markdown table.
 */
final class ConfidenceThresholds {
    static final double[] THRESHOLDS = {0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    static final Set<String> HIDES = Set.of("spam", "toxic");
    static final Set<String> AUTO_REPLIES = Set.of("sales_lead", "support", "refund_cancel", "praise", "question");

    private final List<LabelledRow> rows;
    private final List<Classification> results;

    ConfidenceThresholds(List<LabelledRow> rows, List<Classification> results) {
        this.rows = rows;
        this.results = results;
    }

    /** Messages acted on and, of those, correct ones, for one group of intents at one threshold. */
    record Acted(int acted, int correct) {
        double precision() {
            return acted == 0 ? Double.NaN : (double) correct / acted;
        }
    }

    Acted acted(Set<String> intents, double threshold) {
        int acted = 0;
        int correct = 0;
        for (int i = 0; i < rows.size(); i++) {
            Classification c = results.get(i);
            if (intents.contains(c.intent()) && c.intentConfidence() >= threshold) {
                acted++;
                correct += c.intent().equals(rows.get(i).intent()) ? 1 : 0;
            }
        }
        return new Acted(acted, correct);
    }

    void appendTo(StringBuilder out) {
        out.append(String.format(Locale.ROOT, "%n## Confidence thresholds (%d rows)%n%nHides = predicted spam or toxic "
                + "with confidence ≥ t; auto-replies = predicted sales_lead, support, refund_cancel, praise or question "
                + "with confidence ≥ t. Precision: predicted intent equals gold; share: of all rows.%n%n"
                + "| t | hides precision | hides share | hides n | auto-replies precision | auto-replies share "
                + "| auto-replies n |%n|---:|---:|---:|---:|---:|---:|---:|%n", rows.size()));
        for (double t : THRESHOLDS) {
            Acted hides = acted(HIDES, t);
            Acted replies = acted(AUTO_REPLIES, t);
            out.append(String.format(Locale.ROOT, "| %.1f | %s | %s | %d | %s | %s | %d |%n", t, num(hides.precision()),
                    share(hides.acted()), hides.acted(), num(replies.precision()), share(replies.acted()),
                    replies.acted()));
        }
    }

    private String share(int acted) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * acted / rows.size());
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
