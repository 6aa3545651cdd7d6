package dev.socialbridge.leads;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A thread's lead score as its parts (one per kind of evidence, each with the reason a rep reads), totalled and
 * capped to 0–100. Immutable.
 *
 * @param parts part key (intent, rules, campaign, answers, contact, followers, touches) → its points
 */
public record LeadScore(Map<String, Part> parts) {
    /** The order parts are shown in. */
    static final java.util.List<String> ORDER = java.util.List.of("intent", "rules", "campaign", "answers", "contact",
            "followers", "touches");
    public static final int MAX = 100;

    /** One part: what was seen ({@code intent buy 0.91}) and its points. */
    public record Part(String label, int points) { }

    public LeadScore {
        Map<String, Part> ordered = new LinkedHashMap<>();
        for (String key : ORDER) {
            Part p = parts.get(key);
            if (p != null && p.points() != 0) {
                ordered.put(key, p);
            }
        }
        parts = java.util.Collections.unmodifiableMap(ordered);
    }

    public static LeadScore empty() {
        return new LeadScore(Map.of());
    }

    /** The sum of the parts, capped to 0–100. */
    public int total() {
        int sum = parts.values().stream().mapToInt(Part::points).sum();
        return Math.max(0, Math.min(MAX, sum));
    }

    /** The points of part {@code key}, 0 when absent. */
    public int points(String key) {
        Part p = parts.get(key);
        return p == null ? 0 : p.points();
    }

    LeadScore with(String key, Part part) {
        Map<String, Part> m = new LinkedHashMap<>(parts);
        m.put(key, part);
        return new LeadScore(m);
    }

    /** For the ticket: {@code intent buy 0.91 → +27; campaign black_friday → +15; answers 3 → +30 = 72}. */
    public String breakdown() {
        if (parts.isEmpty()) {
            return "no lead signal = 0";
        }
        StringJoiner j = new StringJoiner("; ");
        parts.values().forEach(p -> j.add(p.label() + " → " + (p.points() >= 0 ? "+" : "") + p.points()));
        int sum = parts.values().stream().mapToInt(Part::points).sum();
        return j + " = " + total() + (sum != total() ? " (capped from " + sum + ")" : "");
    }
}
