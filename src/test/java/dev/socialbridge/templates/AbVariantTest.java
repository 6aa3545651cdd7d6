package dev.socialbridge.templates;

import dev.socialbridge.interaction.TextLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A/B variants: stable per author across catalog instances, spread by the rollout percentage. */
class AbVariantTest {

    private static String yaml(int rollout, String extraVariants) {
        return """
                templates:
                  thanks:
                    en: "Thanks!"
                    variants:
                      B: {en: "Thanks a lot!"}
                %s
                    rollout: %d
                """.formatted(extraVariants, rollout);
    }

    @Test
    void sameAuthorGetsTheSameVariantFromEveryCatalogInstance() {
        TemplateCatalog one = TemplateCatalogTest.catalog(yaml(50, ""));
        TemplateCatalog two = TemplateCatalogTest.catalog(yaml(50, ""));
        for (int i = 0; i < 500; i++) {
            String author = "author-" + i;
            RenderedText r = one.render("thanks", "en", TextLimit.chars(2000), author, new TokenValues(), false);
            assertEquals(one.variantFor("thanks", author), two.variantFor("thanks", author));
            assertEquals(r.variant().equals("B") ? "Thanks a lot!" : "Thanks!", r.text());
        }
    }

    @Test
    void assignmentIsPinnedSoItSurvivesReleases() {
        TemplateCatalog c = TemplateCatalogTest.catalog(yaml(50, ""));
        StringBuilder first20 = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            first20.append(c.variantFor("thanks", "author-" + i));
        }
        assertEquals(PINNED, first20.toString());
    }

    /** Variants of author-0..author-19 at rollout 50; a changed hash would reshuffle live experiments. */
    private static final String PINNED = "BAABBAAABBABAAAAAAAA";

    @ParameterizedTest(name = "rollout {0}% -> about {0}% get B")
    @CsvSource({"0", "10", "50", "100"})
    void shareOfAuthorsInTheVariantFollowsTheRollout(int rollout) {
        TemplateCatalog c = TemplateCatalogTest.catalog(yaml(rollout, ""));
        int inB = 0;
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            if (c.variantFor("thanks", "user" + i).equals("B")) {
                inB++;
            }
        }
        assertEquals(rollout / 100.0, inB / (double) n, 0.02);
    }

    @Test
    void enrolledAuthorsAreSpreadEvenlyOverSeveralVariants() {
        TemplateCatalog c = TemplateCatalogTest.catalog(yaml(100, "      C: {en: \"Many thanks!\"}"));
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            counts.merge(c.variantFor("thanks", "user" + i), 1, Integer::sum);
        }
        assertEquals(0, counts.getOrDefault("A", 0));
        assertTrue(Math.abs(counts.get("B") - counts.get("C")) < 400, counts.toString());
    }

    @Test
    void differentTemplatesAssignIndependently() {
        int same = 0;
        for (int i = 0; i < 10_000; i++) {
            boolean a = StableBucket.percent("u" + i, "t1") < 50;
            boolean b = StableBucket.percent("u" + i, "t2") < 50;
            same += a == b ? 1 : 0;
        }
        assertEquals(0.5, same / 10_000.0, 0.03);
    }

    @Test
    void variantWithoutTheLanguageFallsBackToTheControlText() {
        TemplateCatalog c = TemplateCatalogTest.catalog("""
                templates:
                  t:
                    fr: "Merci !"
                    en: "Thanks!"
                    variants:
                      B: {en: "Thanks a lot!"}
                    rollout: 100
                """);
        RenderedText r = c.render("t", "fr", TextLimit.chars(2000), "x", new TokenValues(), false);
        assertEquals("Merci !", r.text());
        assertEquals("A", r.variant());
    }
}
