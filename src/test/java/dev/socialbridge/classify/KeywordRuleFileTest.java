package dev.socialbridge.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeywordRuleFileTest {
    private static final MessageNormalizer NORMALIZER = MessageNormalizer.bundled();

    private static KeywordRules rules(String text) throws IOException {
        KeywordRules.Builder builder = new KeywordRules.Builder();
        new KeywordRuleFile(NORMALIZER).read(new BufferedReader(new StringReader(text)), "admin.txt", builder);
        return builder.build();
    }

    private static double weight(KeywordRules rules, String category, String message) {
        return rules.match(NORMALIZER.normalize(message))[Categories.indexOf(category)];
    }

    @Test
    void matchesWholeWordsIgnoringCaseAccentsAndElongation() throws IOException {
        KeywordRules r = rules("refund_cancel:2 être remboursé\n");
        assertEquals(2, weight(r, "refund_cancel", "Je veux ETRE REMBOURSEEEE... non, être remboursé !"));
        assertEquals(0, weight(r, "refund_cancel", "je veux être remboursée"));
    }

    @Test
    void supportsPrefixWildcardAnyWordAndAnchors() throws IOException {
        KeywordRules r = rules("""
                # comment
                refund_cancel rembours*
                support cancel ? order
                other:2 ^ bonjour $
                """);
        assertEquals(1, weight(r, "refund_cancel", "remboursement svp"));
        assertEquals(1, weight(r, "support", "please cancel my order"));
        assertEquals(0, weight(r, "support", "please cancel order"));
        assertEquals(2, weight(r, "other", "Bonjour !"));
        assertEquals(0, weight(r, "other", "bonjour ma commande"));
    }

    @Test
    void countsEachRuleOncePerMessage() throws IOException {
        assertEquals(1, weight(rules("spam follow\n"), "spam", "follow follow follow"));
    }

    @Test
    void flipsNegatedSentimentWords() throws IOException {
        KeywordRules r = rules("positive bon\npositive good\n");
        assertTrue(weight(r, "negative", "c'est pas bon") > 0);
        assertTrue(weight(r, "negative", "not good at all") > 0);
        assertEquals(1, weight(r, "positive", "très bon"));
    }

    @Test
    void groupsGiveOneRuleWithSeveralVariants() throws IOException {
        KeywordRules r = rules("toxic:2 (bande|tas) ? (escrocs|voleurs)\ntoxic:1 (sales|) (arnaqueurs|menteurs)\n");
        assertEquals(2, weight(r, "toxic", "bande d'escrocs"));
        assertEquals(2, weight(r, "toxic", "tas de voleurs, bande d'escrocs"));
        assertEquals(1, weight(r, "toxic", "arnaqueurs"));
        assertEquals(1, weight(r, "toxic", "sales menteurs et arnaqueurs"));
        assertEquals(0, weight(r, "toxic", "bande dessinée"));
    }

    @Test
    void supportsRegexAndNegativeWeights() throws IOException {
        KeywordRules r = rules("spam re:\\bsub\\d*\\b\ntoxic:-3 de la balle\n");
        assertEquals(1, weight(r, "spam", "sub pls"));
        assertEquals(-3, weight(r, "toxic", "trop de la balle"));
    }

    @Test
    void rulesSharingARegexEachCount() throws IOException {
        KeywordRules r = rules("complaint:2 re: thanks for nothing\npraise:-1.5 re: thanks for nothing\n"
                + "spam re: thanks for nothing guys\n");
        assertEquals(2, weight(r, "complaint", "well thanks for nothing"));
        assertEquals(-1.5, weight(r, "praise", "well thanks for nothing"));
        assertEquals(0, weight(r, "spam", "well thanks for nothing"));
        assertEquals(1, weight(r, "spam", "well thanks for nothing guys"));
        assertEquals(0, weight(r, "complaint", "thanks a lot"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bogus hello | admin.txt line 2: unknown category 'bogus'",
        "spam:x hello | admin.txt line 2: weight 'x' is not a number",
        "spam:99 hello | admin.txt line 2: weight 99 is outside -10..10",
        "spam | admin.txt line 2: expected 'CATEGORY PATTERN'",
        "spam re:(unclosed | admin.txt line 2: invalid regular expression",
        "spam ab* | admin.txt line 2: wildcard stem 'ab' is shorter than 3 letters",
        "spam ?! | admin.txt line 2: pattern",
        "spam fo*o | admin.txt line 2: '*' is only allowed at the end of a word",
        "spam (ab cd | admin.txt line 2: unclosed or nested '('",
        "spam a) b | admin.txt line 2: unmatched ')'",
        "spam ( ) | admin.txt line 2: pattern '( )' has a variant with no words",
    })
    void rejectsAnInvalidLineNamingFileLineAndProblem(String line, String expectedStart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rules("# ok\n" + line + "\n"));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }
}
