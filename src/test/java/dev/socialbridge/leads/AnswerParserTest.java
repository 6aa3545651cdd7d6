package dev.socialbridge.leads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerParserTest {
    private final AnswerParser parser = new AnswerParser("33");

    private Optional<AnswerParser.Parsed> parse(StepType type, String text) {
        return parser.parse(type, type.defaultField(), text);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "claire@example.com                         | claire@example.com",
            "c'est Claire.Martin+devis@Example.FR merci | Claire.Martin+devis@example.fr",
            "my email: bob_smith@mail.co.uk             | bob_smith@mail.co.uk",
            "<ana@shop.io>                              | ana@shop.io"})
    void readsAnEmail(String text, String expected) {
        assertEquals(Optional.of(new AnswerParser.Parsed(LeadFields.EMAIL, expected)), parse(StepType.EMAIL, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"claire at example dot com", "claire@", "@example.com", "claire@example", "a..b@example.com",
            "pas d'email", "   "})
    void refusesWhatIsNotAnEmail(String text) {
        assertEquals(Optional.empty(), parse(StepType.EMAIL, text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "06 12 34 56 78                 | +33612345678",
            "06.12.34.56.78                 | +33612345678",
            "mon num c'est le 0612345678 !  | +33612345678",
            "+33 6 12 34 56 78              | +33612345678",
            "0033 6 12 34 56 78             | +33612345678",
            "+1 (415) 555-0123              | +14155550123",
            "+44 7700 900123                | +447700900123"})
    void readsAndNormalisesAPhone(String text, String expected) {
        assertEquals(Optional.of(new AnswerParser.Parsed(LeadFields.PHONE, expected)), parse(StepType.PHONE, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"demain", "200 pièces", "12345", "+33 12", "call me"})
    void refusesWhatIsNotAPhone(String text) {
        assertEquals(Optional.empty(), parse(StepType.PHONE, text));
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "claire@example.com              | lead_email | claire@example.com",
            "06 12 34 56 78                  | lead_phone | +33612345678",
            "par mail : jo@ex.fr ou 0612345678 | lead_email | jo@ex.fr"})
    void aContactIsAnEmailOrAPhone(String text, String field, String value) {
        assertEquals(Optional.of(new AnswerParser.Parsed(field, value)), parse(StepType.CONTACT, text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "200                      | 200",
            "500 pièces               | 500",
            "environ 1 200 unités     | 1200",
            "2k                       | 2000",
            "1,5k                     | 1500",
            "2.5K please              | 2500",
            "deux cents               | 200",
            "trois mille              | 3000",
            "quatre-vingts            | 80",
            "un devis pour deux cents | 200",
            "two hundred              | 200",
            "about fifty              | 50",
            "12,50                    | 12.5"})
    void readsAQuantity(String text, String expected) {
        assertEquals(Optional.of(new AnswerParser.Parsed(LeadFields.QUANTITY, expected)), parse(StepType.QUANTITY, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"beaucoup", "je ne sais pas", "a lot", "?"})
    void refusesAQuantityWithoutANumber(String text) {
        assertEquals(Optional.empty(), parse(StepType.QUANTITY, text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "500€               | 500 EUR",
            "€500               | 500 EUR",
            "500 euros          | 500 EUR",
            "2k€                | 2000 EUR",
            "2k                 | 2000",
            "$300               | 300 USD",
            "300 USD max        | 300 USD",
            "deux cents euros   | 200 EUR",
            "1 500 £            | 1500 GBP",
            "entre 1000 et 2000 | 1000"})
    void readsABudgetWithItsCurrency(String text, String expected) {
        assertEquals(Optional.of(new AnswerParser.Parsed(LeadFields.BUDGET, expected)), parse(StepType.BUDGET, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"demain", "la semaine prochaine", "Dès que possible", "en mars", "avant Noël", "12/03",
            "2026-03-12", "next month", "ASAP", "in 3 weeks", "by Friday", "Q2", "this week"})
    void readsATimingAsWritten(String text) {
        assertEquals(Optional.of(new AnswerParser.Parsed(LeadFields.TIMING, text)), parse(StepType.TIMING, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"je ne sais pas", "peu importe", "whatever", "ok"})
    void refusesATimingThatNamesNoTime(String text) {
        assertEquals(Optional.empty(), parse(StepType.TIMING, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Des bougies parfumées pour un mariage", "x"})
    void freeTextIsKeptAsWritten(String text) {
        assertEquals(Optional.of(new AnswerParser.Parsed(LeadFields.NEED, text)), parse(StepType.TEXT, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void blankIsNeverAnAnswer(String text) {
        for (StepType t : StepType.values()) {
            assertTrue(parse(t, text).isEmpty(), t.id());
        }
    }
}
