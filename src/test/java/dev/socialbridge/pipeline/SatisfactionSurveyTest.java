package dev.socialbridge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What counts as an answer to the survey's questions, and what the customer is asked. */
class SatisfactionSurveyTest {

    @ParameterizedTest(name = "CSAT ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {"4|4", " 5 |5", "3/5|3", "2 / 5|2", "1!|1", "5.|5",
            "\u2b50\u2b50\u2b50\u2b50|4", "\u2b50 \u2b50|2", "\u2605\u2605\u2605\u2605\u2605|5"})
    void aCsatAnswerIsANumberFrom1To5OrStars(String text, int score) {
        assertEquals(Optional.of(score), SatisfactionSurvey.answer(SatisfactionSurvey.CSAT, text));
    }

    @ParameterizedTest(name = "CSAT ''{0}'' is not an answer")
    @CsvSource(delimiter = '|', value = {"0", "6", "9/10", "4 mais la livraison était lente", "merci", "12",
            "commande 4", "''"})
    void anythingElseIsNotACsatAnswer(String text) {
        assertEquals(Optional.empty(), SatisfactionSurvey.answer(SatisfactionSurvey.CSAT, text));
    }

    @ParameterizedTest(name = "NPS ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {"0|0", "10|10", "9/10|9", "7 !|7"})
    void anNpsAnswerIsANumberFrom0To10(String text, int score) {
        assertEquals(Optional.of(score), SatisfactionSurvey.answer(SatisfactionSurvey.NPS, text));
    }

    @ParameterizedTest(name = "NPS ''{0}'' is not an answer")
    @CsvSource(delimiter = '|', value = {"11", "4/5", "\u2b50\u2b50\u2b50", "dix"})
    void anythingElseIsNotAnNpsAnswer(String text) {
        assertEquals(Optional.empty(), SatisfactionSurvey.answer(SatisfactionSurvey.NPS, text));
    }

    @Test
    void questionsSpeakTheConversationsLanguageWithTheDisclosure() {
        SatisfactionSurvey s = new SatisfactionSurvey(Set.of("support"), true, true);
        assertTrue(s.csatQuestion("fr").startsWith("Message automatique : ") && s.csatQuestion("fr").contains("de 1 à 5"));
        assertTrue(s.csatQuestion("en").startsWith("Automated message: ") && s.csatQuestion("en").contains("1 to 5"));
        assertTrue(s.npsQuestion("fr").contains("de 0 à 10"));
        assertEquals("Thanks for your feedback!", new SatisfactionSurvey(Set.of(), false, false).thanks("other"));
        assertEquals(List.of("csat", "nps"), s.steps());
    }

    @Test
    void onlyTheConfiguredQueuesAreSurveyed() {
        SatisfactionSurvey s = new SatisfactionSurvey(Set.of("support"), false, true);
        assertTrue(s.surveys("support"));
        assertFalse(s.surveys("hot_leads"));
        assertFalse(s.surveys(null));
        assertFalse(SatisfactionSurvey.off().surveys("support"));
    }
}
