package dev.socialbridge.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The confidence gate: the classifier's confidence in its intent below which automation does not act on the
 * customer's behalf (no reply, private reply, DM, qualifier flow, hide) and a person decides instead, from the
 * classifier's guess shown on the ticket. Routing, tags, lead points and notes are not gated.
 *
 * <p>A message's threshold is its intent's override when there is one, else {@link #minConfidence()}. A hide
 * needs {@link #hideMinConfidence()} as well, whatever the intent's threshold: hiding a customer's comment by
 * mistake costs more than a missing thanks. The gate applies to the actions of rules that decide on the
 * classifier's output (see {@code confidenceGate} in the rules file); a threshold of 0 lets everything through.
 *
 * @param minConfidence     threshold of every intent without an override, 0..1
 * @param byIntent          per-intent thresholds (intent → 0..1), intents of the classifier only
 * @param hideMinConfidence threshold of every hide, 0..1, on top of the intent's threshold
 */
public record ConfidenceGate(double minConfidence, Map<String, Double> byIntent, double hideMinConfidence) {

    /** The shipped defaults: 0.5 for every intent, 0.8 to hide (the configuration's defaults). */
    public static final ConfidenceGate DEFAULT = new ConfidenceGate(0.5, Map.of(), 0.8);
    /** No gate: every threshold 0. */
    public static final ConfidenceGate OFF = new ConfidenceGate(0, Map.of(), 0);

    /** @throws IllegalArgumentException naming every value out of 0..1 and every unknown intent */
    public ConfidenceGate {
        byIntent = byIntent == null ? Map.of() : Map.copyOf(new TreeMap<>(byIntent));
        List<String> problems = problems(minConfidence, byIntent, hideMinConfidence);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /**
     * Every problem of these values, each naming its setting (relative to {@code socialbridge.automation.}):
     * {@code min-confidence}, {@code min-confidence-by-intent.<intent>}, {@code hide-min-confidence}.
     */
    public static List<String> problems(double minConfidence, Map<String, Double> byIntent, double hideMinConfidence) {
        List<String> problems = new ArrayList<>();
        checkRange(problems, "min-confidence", minConfidence);
        checkRange(problems, "hide-min-confidence", hideMinConfidence);
        if (byIntent != null) {
            new TreeMap<>(byIntent).forEach((intent, value) -> {
                String key = "min-confidence-by-intent." + intent;
                if (!Vocabulary.INTENTS.contains(intent)) {
                    problems.add(key + ": unknown intent '" + intent + "' (expected one of "
                            + String.join(", ", Vocabulary.INTENTS) + ")");
                }
                checkRange(problems, key, value == null ? Double.NaN : value);
            });
        }
        return problems;
    }

    /**
     * Per-intent thresholds written {@code intent:confidence} (the form of
     * {@code socialbridge.automation.min-confidence-by-intent}), e.g. {@code [refund_cancel:0.7, praise:0.4]}; a pair
     * that is not {@code word:number} is added to {@code problems} and left out (intents and ranges are checked by
     * the constructor). The last pair of an intent wins.
     */
    public static Map<String, Double> byIntent(List<String> pairs, List<String> problems) {
        Map<String, Double> out = new TreeMap<>();
        for (String pair : pairs) {
            int colon = pair.indexOf(':');
            try {
                out.put(pair.substring(0, Math.max(colon, 0)).strip(), Double.parseDouble(pair.substring(colon + 1).strip()));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                problems.add("min-confidence-by-intent: '" + pair + "' is not intent:confidence such as refund_cancel:0.7");
            }
        }
        return out;
    }

    /** The threshold of automated messages (replies, DMs, qualifier flows) for a message of {@code intent}. */
    public double threshold(String intent) {
        Double own = intent == null ? null : byIntent.get(intent);
        return own != null ? own : minConfidence;
    }

    /** The threshold of a hide for a message of {@code intent}: the stricter of the intent's and the hide threshold. */
    public double hideThreshold(String intent) {
        return Math.max(threshold(intent), hideMinConfidence);
    }

    /** The same gate with another per-intent threshold. */
    public ConfidenceGate withIntent(String intent, double threshold) {
        Map<String, Double> m = new TreeMap<>(byIntent);
        m.put(intent, threshold);
        return new ConfidenceGate(minConfidence, m, hideMinConfidence);
    }

    /** A threshold as it is shown in notes and audit details: two decimals, e.g. {@code 0.80}. */
    static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static void checkRange(List<String> problems, String key, double value) {
        if (!(value >= 0 && value <= 1)) {
            problems.add(key + ": " + value + " is not a confidence between 0 and 1");
        }
    }
}
