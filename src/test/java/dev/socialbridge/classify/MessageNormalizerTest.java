package dev.socialbridge.classify;

import dev.socialbridge.classify.NormalizedText.Signal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageNormalizerTest {
    private static final MessageNormalizer NORMALIZER = MessageNormalizer.bundled();

    private static String words(String text) {
        return String.join(" ", NORMALIZER.normalize(text).tokens());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Été À Noël ÇA Œuvre | ete a noel ca oeuvre",
        "REMBOURSÉ remboursé Remboursé | rembourse rembourse rembourse",
        "Crème brûlée, déçue ! | creme brulee decue",
        "merciiiii | merci",
        "MERCIIIII | merci",
        "soooo goooood | so good",
        "cooool | cool",
        "loooove | love",
        "thaaaanks | thanks",
    })
    void foldsCaseAccentsAndElongations(String text, String expected) {
        assertEquals(expected, words(text));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "f u c k you | fuck you",
        "you are an i d i o t | you are an idiot",
        "T'es un C O N N A R D | t es un connard",
        "c a d je sais pas | c a d je sais pas",
        "a b c | a b c",
        "plan A ou B | plan a ou b",
    })
    void joinsSpacedLettersOnlyIntoKnownWords(String text, String expected) {
        assertEquals(expected, words(text));
    }

    @Test
    void replacesLinksAndMentionsWithMarkers() {
        NormalizedText t = NORMALIZER.normalize("@Nike regarde https://t.co/abc?x=1 et www.shop.fr ou murdev.com.");
        assertEquals(List.of("_mention_", "regarde", "_url_", "et", "_url_", "ou", "_url_"), t.tokens());
        assertEquals(3, t.count(Signal.URLS));
        assertEquals(1, t.count(Signal.MENTIONS));
    }

    @Test
    void keepsTheWordOfAHashtag() {
        NormalizedText t = NORMALIZER.normalize("#BadService #déçue");
        assertEquals(List.of("badservice", "decue"), t.tokens());
        assertEquals(2, t.count(Signal.HASHTAGS));
    }

    @Test
    void classifiesEmojiAndEmoticonsOncePerRun() {
        NormalizedText t = NORMALIZER.normalize("top 😍😍😍 mais 😡 :( ok :)");
        assertEquals(List.of("top", "_emopos_", "mais", "_emoneg_", "_emoneg_", "ok", "_emopos_"), t.tokens());
        assertEquals(4, t.count(Signal.EMOJI_POSITIVE));
        assertEquals(2, t.count(Signal.EMOJI_NEGATIVE));
    }

    @Test
    void decodesHtmlEntitiesAndDropsTags() {
        assertEquals("can t wait _emopos_", words("can&#39;t wait<br />&lt;3"));
    }

    @Test
    void turnsNumbersIntoMarkersAndExpandsAbbreviations() {
        assertEquals("commande _longnum_ pas recu s il vous plait", words("commande 732201349 pas reçu svp"));
        assertEquals("please thanks _num_", words("pls thx 12"));
    }

    @Test
    void countsShoutingAndPunctuation() {
        NormalizedText t = NORMALIZER.normalize("WHERE IS MY ORDER??? NOW!!");
        assertEquals(3, t.count(Signal.QUESTION_MARKS));
        assertEquals(2, t.count(Signal.EXCLAMATIONS));
        assertTrue(t.shouting() > 0.9);
    }

    @Test
    void foldsDecorativeUnicodeLetters() {
        assertEquals("free money", words("𝐟𝐫𝐞𝐞 ｍｏｎｅｙ"));
    }

    @Test
    void givesNothingForBlankOrNullText() {
        assertEquals(0, NORMALIZER.normalize(null).size());
        assertEquals(0, NORMALIZER.normalize("  \n\t ").size());
    }
}
