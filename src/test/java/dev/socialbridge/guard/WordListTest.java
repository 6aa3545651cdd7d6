package dev.socialbridge.guard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class WordListTest {

    @ParameterizedTest(name = "{0} in \"{1}\": {2}")
    @CsvSource(delimiter = '|', value = {
            "stop         | STOP                   | true",
            "stop         | Stop!                  | true",
            "stop         | stopwatch              | false",
            "stop         | non-stop               | true",
            "arrêt        | arret                  | true",
            "arret        | ARRÊT.                 | true",
            "real person  | a REAL   person please | true",
            "real person  | real persons           | false",
            "rembours*    | Remboursement ?        | true",
            "rembours*    | debourser              | false",
    })
    void matchesWholeWordsIgnoringCaseAndAccents(String word, String text, boolean expected) {
        assertEquals(expected, WordList.of(word).matchesAny(TextNormalizer.fold(text)));
    }

    @Test
    void reportsTheEntryAsWritten() {
        assertEquals("désabonner", WordList.of("stop", "désabonner").firstMatch(TextNormalizer.fold("me DESABONNER")));
    }

    @Test
    void entriesWithoutLettersAreNotMatchable() {
        assertFalse(WordList.isMatchable("!!!"));
        assertFalse(WordList.isMatchable("*"));
        assertFalse(WordList.of("...").matchesAny(" anything "));
    }
}
