package dev.socialbridge.guard;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextNormalizerTest {

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "STOP!                       | \" stop \"",
            "Arrêtez, s'il vous plaît    | \" arretez s il vous plait \"",
            "Désabonnez-moi              | \" desabonnez moi \"",
            "cœur ÆON straße             | \" coeur aeon strasse \"",
            "ÇA VA ? Où ça...            | \" ca va ou ca \"",
            "prix: 20€ 😀 ok             | \" prix 20 ok \"",
            "\"\"                        | \" \"",
            "Ελληνικά Кириллица          | \" ελληνικα кириллица \"",
    })
    void foldsCaseAccentsAndSeparators(String text, String expected) {
        assertEquals(expected, TextNormalizer.fold(text));
    }
}
