package dev.socialbridge.leads;

import java.util.Map;

/**
 * The transparent points model of the lead score, accumulated over a thread: each message and each qualifier
 * answer updates the parts it concerns; a part keeps its strongest evidence (the most confident buying intent, the
 * highest rule points), so that a later "merci" lowers nothing. Pure and thread-safe.
 */
public final class LeadScoring {
    static final String BUYING_INTENT = "sales_lead";
    private static final long[] FOLLOWER_BUCKETS = {1_000, 10_000, 100_000};

    private final LeadWeights weights;

    public LeadScoring(LeadWeights weights) {
        this.weights = weights;
    }

    public LeadWeights weights() {
        return weights;
    }

    /**
     * What one customer message shows.
     *
     * @param intent       the classified intent
     * @param confidence   its confidence, 0–1
     * @param campaign     the thread's campaign (this message's included), or null
     * @param rulePoints   the {@code markLead} points the rules gave it
     * @param followers    the author's follower count, or null when unknown
     * @param messageCount the thread's customer messages, this one included
     */
    public record Message(String intent, double confidence, String campaign, int rulePoints, Long followers,
                          int messageCount) { }

    /** {@code before} updated with {@code m}. */
    public LeadScore onMessage(LeadScore before, Message m) {
        LeadScore s = before;
        if (BUYING_INTENT.equals(m.intent())) {
            int points = (int) Math.round(weights.intent() * Math.max(0, Math.min(1, m.confidence())));
            if (points > s.points("intent")) {
                s = s.with("intent", new LeadScore.Part("intent buy " + twoDecimals(m.confidence()), points));
            }
        }
        if (m.rulePoints() > s.points("rules")) {
            s = s.with("rules", new LeadScore.Part("rules", m.rulePoints()));
        }
        if (m.campaign() != null && !m.campaign().isBlank()) {
            s = s.with("campaign", new LeadScore.Part("campaign " + m.campaign(), weights.campaign()));
        }
        int bucket = followerBucket(m.followers());
        if (bucket > 0 && bucket * weights.followers() > s.points("followers")) {
            s = s.with("followers", new LeadScore.Part("followers ≥" + shortCount(FOLLOWER_BUCKETS[bucket - 1]),
                    bucket * weights.followers()));
        }
        if (m.messageCount() > 1) {
            int points = Math.min(weights.touchCap(), (m.messageCount() - 1) * weights.touch());
            s = s.with("touches", new LeadScore.Part("messages " + m.messageCount(), points));
        }
        return s;
    }

    /** {@code before} with the qualifier's answers so far (field → value). */
    public LeadScore onAnswers(LeadScore before, Map<String, String> answers) {
        long given = answers.entrySet().stream()
                .filter(e -> LeadFields.ANSWER_FIELDS.contains(e.getKey()) && !e.getValue().isBlank()).count();
        LeadScore s = before;
        if (given > 0) {
            s = s.with("answers", new LeadScore.Part("answers " + given, (int) given * weights.answer()));
        }
        boolean email = answers.containsKey(LeadFields.EMAIL);
        boolean phone = answers.containsKey(LeadFields.PHONE);
        if (email || phone) {
            s = s.with("contact", new LeadScore.Part(email && phone ? "email+phone" : email ? "email" : "phone",
                    weights.contact()));
        }
        return s;
    }

    static int followerBucket(Long followers) {
        int bucket = 0;
        if (followers != null) {
            for (long b : FOLLOWER_BUCKETS) {
                if (followers >= b) {
                    bucket++;
                }
            }
        }
        return bucket;
    }

    private static String shortCount(long n) {
        return n >= 1000 ? n / 1000 + "k" : Long.toString(n);
    }

    private static String twoDecimals(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
