package dev.socialbridge.leads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.store.Database;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stored, accumulated score: the hot threshold is crossed once per thread. */
class LeadScoresTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private Database db;
    private final LeadScores scores = new LeadScores(new LeadScoring(LeadWeights.defaults()));

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:leads-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", null, null, 2);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private LeadScores.Change message(String thread, String intent, double confidence) {
        return db.inTransaction(c -> scores.update(c, thread, s -> scores.scoring().onMessage(s,
                new LeadScoring.Message(intent, confidence, null, 0, null, 1)), NOW));
    }

    private LeadScores.Change answers(String thread, Map<String, String> answers) {
        return db.inTransaction(c -> scores.update(c, thread, s -> scores.scoring().onAnswers(s, answers), NOW));
    }

    @Test
    void theScoreAccumulatesOverTheThreadAndCrossesTheThresholdOnce() {
        LeadScores.Change first = message("t1", "sales_lead", 0.9);
        assertEquals(27, first.score().total());
        assertTrue(first.changed());
        assertFalse(first.hot());

        LeadScores.Change second = answers("t1", Map.of(LeadFields.NEED, "x", LeadFields.QUANTITY, "2",
                LeadFields.TIMING, "demain", LeadFields.EMAIL, "a@b.co"));
        assertEquals(77, second.score().total());
        assertTrue(second.hot(), "crossed 70");
        assertEquals(Map.of(LeadFields.SCORE, "77", LeadFields.SCORE_BREAKDOWN,
                "intent buy 0.90 → +27; answers 4 → +40; email → +10 = 77"), second.fields());

        LeadScores.Change again = message("t1", "sales_lead", 0.95);
        assertEquals(79, again.score().total(), "0.95 x 30 = 28.5, rounded to 29");
        assertFalse(again.hot(), "a thread is re-routed once");
        assertFalse(message("t1", "other", 0).changed(), "nothing new: no ticket update");
    }

    @Test
    void threadsHaveTheirOwnScores() {
        message("a", "sales_lead", 1.0);
        assertEquals(0, message("b", "other", 0).score().total());
    }
}
