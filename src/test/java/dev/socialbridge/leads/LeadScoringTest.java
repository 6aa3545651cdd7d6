package dev.socialbridge.leads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadScoringTest {
    private final LeadScoring scoring = new LeadScoring(LeadWeights.defaults());

    private static LeadScoring.Message buying(double confidence) {
        return new LeadScoring.Message("sales_lead", confidence, null, 0, null, 1);
    }

    @Test
    void aBuyingIntentIsWorthItsWeightTimesTheConfidence() {
        LeadScore s = scoring.onMessage(LeadScore.empty(), buying(0.91));

        assertEquals(27, s.total());
        assertEquals("intent buy 0.91 → +27 = 27", s.breakdown());
    }

    @Test
    void anotherIntentGivesNoIntentPoints() {
        assertEquals(0, scoring.onMessage(LeadScore.empty(), new LeadScoring.Message("question", 0.9, null, 0, null, 1))
                .total());
    }

    @Test
    void theIntentPartKeepsTheStrongestEvidence() {
        LeadScore s = scoring.onMessage(scoring.onMessage(LeadScore.empty(), buying(0.9)), buying(0.5));

        assertEquals(27, s.points("intent"));
        assertEquals(27, scoring.onMessage(s, new LeadScoring.Message("praise", 0.99, null, 0, null, 1)).points("intent"));
    }

    @Test
    void aCampaignSignalAndTheRulesPointsAreParts() {
        LeadScore s = scoring.onMessage(LeadScore.empty(),
                new LeadScoring.Message("sales_lead", 0.91, "black_friday", 20, null, 1));

        assertEquals("intent buy 0.91 → +27; rules → +20; campaign black_friday → +15 = 62", s.breakdown());
    }

    @ParameterizedTest(name = "{0} followers → {1}")
    @CsvSource({"999, 0", "1000, 5", "25000, 10", "100000, 15", "5000000, 15"})
    void followersCountByBucket(long followers, int points) {
        LeadScore s = scoring.onMessage(LeadScore.empty(), new LeadScoring.Message("other", 0, null, 0, followers, 1));

        assertEquals(points, s.points("followers"));
    }

    @ParameterizedTest(name = "message {0} → {1}")
    @CsvSource({"1, 0", "2, 2", "4, 6", "6, 10", "30, 10"})
    void repeatMessagesAreCapped(int messageCount, int points) {
        LeadScore s = scoring.onMessage(LeadScore.empty(), new LeadScoring.Message("other", 0, null, 0, null, messageCount));

        assertEquals(points, s.points("touches"));
    }

    @Test
    void eachAnswerAndAContactCount() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put(LeadFields.NEED, "candles");
        answers.put(LeadFields.QUANTITY, "200");
        answers.put(LeadFields.EMAIL, "me@example.com");
        LeadScore s = scoring.onAnswers(scoring.onMessage(LeadScore.empty(),
                new LeadScoring.Message("sales_lead", 0.91, "black_friday", 0, null, 1)), answers);

        assertEquals("intent buy 0.91 → +27; campaign black_friday → +15; answers 3 → +30; email → +10 = 82",
                s.breakdown());
        assertEquals(82, s.total());
    }

    @Test
    void aPhoneAndAnEmailAreOneContact() {
        LeadScore s = scoring.onAnswers(LeadScore.empty(), Map.of(LeadFields.EMAIL, "a@b.co", LeadFields.PHONE, "+33612345678"));

        assertEquals("answers 2 → +20; email+phone → +10 = 30", s.breakdown());
    }

    @Test
    void theTotalIsCappedTo100AndTheBreakdownSaysSo() {
        LeadScoring generous = new LeadScoring(new LeadWeights(60, 50, 10, 10, 5, 2, 10, 70));
        LeadScore s = generous.onMessage(LeadScore.empty(), new LeadScoring.Message("sales_lead", 1, "x", 0, null, 1));

        assertEquals(100, s.total());
        assertEquals("intent buy 1.00 → +60; campaign x → +50 = 100 (capped from 110)", s.breakdown());
    }

    @Test
    void eachWeightIsConfigurable() {
        LeadScoring custom = new LeadScoring(new LeadWeights(10, 1, 3, 7, 2, 1, 4, 50));
        LeadScore s = custom.onAnswers(custom.onMessage(LeadScore.empty(),
                new LeadScoring.Message("sales_lead", 0.5, "c", 0, 20_000L, 9)), Map.of(LeadFields.PHONE, "+33612345678"));

        assertEquals("intent buy 0.50 → +5; campaign c → +1; answers 1 → +3; phone → +7; followers ≥10k → +4;"
                + " messages 9 → +4 = 24", s.breakdown());
    }

    @Test
    void noSignalIsZero() {
        assertEquals("no lead signal = 0", LeadScore.empty().breakdown());
    }
}
