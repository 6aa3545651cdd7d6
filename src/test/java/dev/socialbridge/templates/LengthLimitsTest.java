package dev.socialbridge.templates;

import dev.socialbridge.interaction.TextLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LengthLimitsTest {

    private static final TextLimit TEN = TextLimit.chars(10);

    @Test
    void textWithinTheLimitIsUnchanged() {
        String text = "0123456789";
        assertEquals(text, LengthLimits.fit("", text, TEN));
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "hello world again | hello…",
            "hello, world!!    | hello…",
            "abcdefghijklmnop  | abcdefghi…",
            "ab cdefghijklmnop | ab cdefgh…",
    })
    void longTextIsCutAtAWordBoundaryWithAnEllipsis(String text, String expected) {
        assertEquals(expected, LengthLimits.fit("", text, TEN));
    }

    @Test
    void prefixIsKeptWholeAndCounted() {
        assertEquals("Bot: one…", LengthLimits.fit("Bot: ", "one two three", TEN));
    }

    @Test
    void byteLimitsCountUtf8Bytes() {
        TextLimit limit = TextLimit.bytes(1000);
        String fits = "é".repeat(500);
        String tooLong = "é".repeat(501);

        assertEquals(fits, LengthLimits.fit("", fits, limit));
        assertTrue(LengthLimits.fit("", tooLong, limit).getBytes(StandardCharsets.UTF_8).length <= 1000);
    }

    @Test
    void neverSplitsASurrogatePair() {
        String cut = LengthLimits.fit("", "😀".repeat(20), TEN);
        assertTrue(cut.codePoints().allMatch(cp -> cp == 0x1F600 || cp == '…'), cut);
        assertTrue(cut.length() <= 10);
    }
}
