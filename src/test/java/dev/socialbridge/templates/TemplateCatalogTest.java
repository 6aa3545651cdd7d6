package dev.socialbridge.templates;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.interaction.TextLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rendering: tokens, part alternatives, fallbacks, fr/en, disclosure, length limits. */
class TemplateCatalogTest {

    private static final String FILE = """
            templates:
              ack:
                fr:
                  greeting: ["Bonjour {first_name} !", "Bonjour !"]
                  empathy: "Désolés pour ce souci."
                  answer: ["Nous regardons la commande {order_id}.", "Nous regardons votre commande."]
                  next_step: "Réponse sous 24 h."
                  signature: ["— {agent_name}, {brand}", "— {brand}"]
                en:
                  greeting: ["Hi {first_name}!", "Hi!"]
                  answer: "We're looking into order {order_id}."
                fallback:
                  fr: "Merci, on s'en occupe."
                  en: "Thanks, we're on it — {brand}"
              strict:
                en: "Your order {order_id} ships today."
              english-only:
                en: "Hello from {brand}"
              long:
                en: "%s"
            """.formatted("word ".repeat(700).strip());

    private static final TemplateCatalog CATALOG = catalog(FILE);

    static TemplateCatalog catalog(String yaml) {
        List<String> problems = new ArrayList<>();
        JsonNode root = YamlNodes.read("t.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), problems);
        TemplateCatalog c = TemplateCatalog.parse("t.yaml", root, problems);
        assertEquals(List.of(), problems);
        return c;
    }

    @org.junit.jupiter.api.Test
    void aPackWithoutTemplatesIsValidAndAMissingTemplatesKeyIsNamed() {
        assertEquals(null, catalog("templates: {}\n").render("any", "fr", TextLimit.chars(100), "a",
                TokenValues.of(Map.of(), "b"), false));
        List<String> problems = new ArrayList<>();
        JsonNode root = YamlNodes.read("t.yaml", new ByteArrayInputStream("disclosure: {}\n".getBytes(StandardCharsets.UTF_8)), problems);
        TemplateCatalog.parse("t.yaml", root, problems);
        assertEquals(List.of("t.yaml: templates: expected a mapping of template id to template, found nothing"), problems);
    }

    private static String render(String id, String lang, Map<String, String> tokens) {
        RenderedText r = CATALOG.render(id, lang, TextLimit.chars(2000), "author",
                TokenValues.of(tokens, "Maison Lune"), false);
        return r == null ? null : r.text();
    }

    @Test
    void joinsPartsInOrderWithAllTokensKnown() {
        assertEquals("Bonjour Marie ! Désolés pour ce souci. Nous regardons la commande A-42. Réponse sous 24 h. — Paul, Maison Lune",
                render("ack", "fr", Map.of("first_name", "Marie", "order_id", "A-42", "agent_name", "Paul")));
    }

    @Test
    void unknownTokensPickTheNextAlternativeOrDropThePart() {
        assertEquals("Bonjour ! Désolés pour ce souci. Nous regardons votre commande. Réponse sous 24 h. — Maison Lune",
                render("ack", "fr", Map.of()));
    }

    @Test
    void blankTokenValuesCountAsUnknown() {
        assertEquals("Hi! We're looking into order 7.", render("ack", "en", Map.of("first_name", "  ", "order_id", "7")));
    }

    @Test
    void unresolvableAnswerFallsBackToTheFallbackText() {
        RenderedText r = CATALOG.render("ack", "en", TextLimit.chars(2000), "a",
                TokenValues.of(Map.of("first_name", "Ann"), "Maison Lune"), false);

        assertEquals("Thanks, we're on it — Maison Lune", r.text());
        assertTrue(r.fallback());
    }

    @Test
    void unresolvableTemplateWithoutFallbackRendersNothing() {
        assertNull(render("strict", "en", Map.of()));
        assertEquals("Your order 9 ships today.", render("strict", "en", Map.of("order_id", "9")));
    }

    @ParameterizedTest(name = "lang {0} -> {1}")
    @CsvSource({"fr, Bonjour !", "en, Hi!", "other, Hi!", "de, Hi!"})
    void frenchOnlyForFrenchEnglishOtherwise(String lang, String greeting) {
        assertTrue(render("ack", lang, Map.of("order_id", "1")).startsWith(greeting));
    }

    @Test
    void aSingleLanguageTemplateServesBoth() {
        assertEquals("Hello from Maison Lune", render("english-only", "fr", Map.of()));
    }

    @Test
    void brandComesFromSettingsUnlessTheThreadKnowsBetter() {
        assertEquals("Hello from Lune Paris", render("english-only", "en", Map.of("brand", "Lune Paris")));
    }

    @Test
    void tokenWhitespaceIsTrimmedAndCollapsed() {
        for (String name : List.of("  Ana Maria ", "Ana\n\t Maria", "Ana  Maria", "Ana Maria")) {
            assertEquals("Hi Ana Maria! We're looking into order 1.", render("ack", "en", Map.of("first_name", name, "order_id", "1")));
        }
    }

    @Test
    void tokenValuesAreInsertedVerbatimNotExpandedAgain() {
        assertEquals("Hi {brand}! We're looking into order 1.", render("ack", "en", Map.of("first_name", "{brand}", "order_id", "1")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "fr | Réponse automatisée : Hello from Maison Lune",
            "en | Automated reply: Hello from Maison Lune",
    })
    void disclosurePrefixFollowsTheLanguage(String lang, String expected) {
        RenderedText r = CATALOG.render("english-only", lang, TextLimit.chars(2000), "a",
                TokenValues.of(Map.of(), "Maison Lune"), true);
        assertEquals(expected, r.text());
    }

    @Test
    void disclosureTextIsConfigurableInTheFile() {
        TemplateCatalog c = catalog("""
                disclosure: {fr: "[bot]", en: "[bot]"}
                templates:
                  t: {en: "Hi"}
                """);
        assertEquals("[bot] Hi", c.render("t", "en", TextLimit.chars(2000), "a", new TokenValues(), true).text());
    }

    @ParameterizedTest(name = "at most {0}")
    @ValueSource(ints = {280, 2200, 2000, 150})
    void longRepliesAreTrimmedToTheChannelLimitAtAWordBoundary(int max) {
        String text = CATALOG.render("long", "en", TextLimit.chars(max), "a", new TokenValues(), true).text();

        assertTrue(text.length() <= max, text.length() + " > " + max);
        assertTrue(text.length() > max - 10, "trimmed too much: " + text.length());
        assertTrue(text.startsWith("Automated reply: word"));
        assertTrue(text.endsWith("word…"), text.substring(text.length() - 10));
    }

    @Test
    void noRenderedTextEverContainsAPlaceholder() {
        for (String id : List.of("ack", "strict", "english-only")) {
            for (String lang : List.of("fr", "en")) {
                for (Map<String, String> tokens : List.of(Map.<String, String>of(), Map.of("first_name", "A"), Map.of("order_id", "1"))) {
                    String text = render(id, lang, tokens);
                    assertFalse(text != null && text.matches("(?s).*\\{[a-z_]+}.*"), text);
                }
            }
        }
    }

    @Test
    void unknownTemplateRendersNothing() {
        assertNull(render("nope", "en", Map.of()));
        assertFalse(CATALOG.contains("nope"));
    }

    @Test
    void quickRepliesComeInTheReplysLanguage() {
        TemplateCatalog c = catalog("""
                templates:
                  ask:
                    fr: "Que souhaitez-vous ?"
                    en: "What would you like?"
                    quickReplies:
                      fr: ["Un devis", "Un conseiller"]
                      en: ["A quote", "An agent"]
                  one-list:
                    en: "Pick one"
                    quickReplies: ["Yes", "No"]
                """);
        assertEquals(List.of("Un devis", "Un conseiller"),
                c.render("ask", "fr", TextLimit.chars(2000), "a", new TokenValues(), false).quickReplies());
        assertEquals(List.of("A quote", "An agent"),
                c.render("ask", "en", TextLimit.chars(2000), "a", new TokenValues(), false).quickReplies());
        assertEquals(List.of("Yes", "No"),
                c.render("one-list", "fr", TextLimit.chars(2000), "a", new TokenValues(), false).quickReplies());
    }

    @Test
    void aQuickReplyLongerThanAButtonTitleIsAProblemWithItsKey() {
        List<String> problems = new ArrayList<>();
        JsonNode root = YamlNodes.read("t.yaml", new ByteArrayInputStream("""
                templates:
                  ask:
                    en: "What would you like?"
                    quickReplies: ["I would like to talk to a person please"]
                """.getBytes(StandardCharsets.UTF_8)), problems);
        TemplateCatalog.parse("t.yaml", root, problems);
        assertEquals(List.of("t.yaml: template 'ask': quickReplies: 'I would like to talk to a person please' must be 1 to 20"
                + " characters"), problems);
    }
}
