package dev.socialbridge.leads;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Each thread's lead score, updated and stored in the caller's transaction; says when it changed (the ticket's
 * {@code lead_score} and {@code lead_score_breakdown} are then written) and when it crossed the hot threshold, which
 * happens once per thread.
 */
public final class LeadScores {
    private final LeadScoring scoring;
    private final LeadScoreStore store = new LeadScoreStore();

    public LeadScores(LeadScoring scoring) {
        this.scoring = scoring;
    }

    public LeadScoring scoring() {
        return scoring;
    }

    /**
     * A score update.
     *
     * @param score   the score afterwards
     * @param changed its total or parts changed
     * @param hot     it crossed the hot threshold now (never twice for a thread)
     */
    public record Change(LeadScore score, boolean changed, boolean hot) {
        /** The ticket fields of the score. */
        public Map<String, String> fields() {
            Map<String, String> f = new LinkedHashMap<>();
            f.put(LeadFields.SCORE, Integer.toString(score.total()));
            f.put(LeadFields.SCORE_BREAKDOWN, score.breakdown());
            return f;
        }

        /** The note of a hot crossing. */
        public String hotNote(int threshold) {
            return "Lead score " + score.total() + " reached the hot threshold (" + threshold + "): "
                    + score.breakdown() + ".";
        }
    }

    /** Applies {@code update} to the thread's score and stores it. */
    public Change update(Connection c, String threadKey, UnaryOperator<LeadScore> update, Instant now)
            throws SQLException {
        LeadScoreStore.Stored before = store.find(c, threadKey);
        LeadScore after = update.apply(before.score());
        boolean changed = !after.equals(before.score());
        boolean hot = !before.hot() && after.total() >= scoring.weights().hotThreshold();
        if (changed || hot) {
            store.save(c, threadKey, before, after, hot, now);
        }
        return new Change(after, changed, hot);
    }
}
