package dev.socialbridge.rules;

import dev.socialbridge.classify.Classification;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.socialbridge.rules.Fixtures.BUSINESS_HOURS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** One table per condition type: does a single-condition rule match? */
class ConditionsTest {

    private static final AutomationSettings SETTINGS = AutomationSettings.defaults();

    /** Whether a rule with only {@code when: {<when>}} matches. */
    private static boolean matches(String when, Interaction in, Classification c, ThreadFacts facts, Instant now) {
        AutomationEngine engine = Fixtures.engine("""
                rules:
                  - id: r
                    when: {%s}
                    then:
                      - tag: hit
                """.formatted(when), SETTINGS);
        return engine.decide(in, c, facts, now).matchedRuleIds().equals(List.of("r"));
    }

    private static boolean matches(String when, Interaction in, Classification c) {
        return matches(when, in, c, ThreadFacts.firstMessage(), BUSINESS_HOURS);
    }

    private static boolean matchesText(String when, String text) {
        return matches(when, Fixtures.comment(text), Fixtures.cls("other", 0.5));
    }

    @ParameterizedTest(name = "platform {0} on {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "[instagram]           | INSTAGRAM | true",
            "[instagram, facebook] | FACEBOOK  | true",
            "[messenger]           | INSTAGRAM | false",
            "x                     | X         | true",
    })
    void platform(String list, Platform platform, boolean expected) {
        Interaction in = Fixtures.interaction(platform, InteractionKind.COMMENT, "hi", Author.of("a"));
        assertEquals(expected, matches("platform: " + list, in, Fixtures.cls("other", 0.5)));
    }

    @ParameterizedTest(name = "kind {0} on {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "[comment]               | COMMENT     | true",
            "[comment, mention]      | MENTION     | true",
            "[dm, story_reply]       | STORY_REPLY | true",
            "[dm]                    | COMMENT     | false",
    })
    void kind(String list, InteractionKind kind, boolean expected) {
        Interaction in = Fixtures.interaction(Platform.INSTAGRAM, kind, "hi", Author.of("a"));
        assertEquals(expected, matches("kind: " + list, in, Fixtures.cls("other", 0.5)));
    }

    @ParameterizedTest(name = "{0} with intent {1} @ {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "intent: [sales_lead]                     | sales_lead | 0.9 | true",
            "intent: [sales_lead, support]            | support    | 0.3 | true",
            "intent: [sales_lead]                     | praise     | 0.9 | false",
            "intent: [sales_lead], minConfidence: 0.6 | sales_lead | 0.6 | true",
            "intent: [sales_lead], minConfidence: 0.6 | sales_lead | 0.59| false",
            "minConfidence: 0.5                       | other      | 0.4 | false",
    })
    void intentAndMinConfidence(String when, String intent, double confidence, boolean expected) {
        assertEquals(expected, matches(when, Fixtures.comment("x"), Fixtures.cls(intent, confidence)));
    }

    @ParameterizedTest(name = "{0} at score {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "sentimentAtMost: -0.6                       | -0.6 | true",
            "sentimentAtMost: -0.6                       | -0.5 | false",
            "sentimentAtLeast: 0.5                       |  0.5 | true",
            "sentimentAtLeast: 0.5                       |  0.2 | false",
            "sentimentAtLeast: -0.2, sentimentAtMost: 0.2 |  0.0 | true",
            "sentiment: [negative]                       | -0.4 | true",
            "sentiment: [positive, neutral]              | -0.4 | false",
    })
    void sentiment(String when, double score, boolean expected) {
        assertEquals(expected, matches(when, Fixtures.comment("x"), Fixtures.cls("en", "other", 0.5, score)));
    }

    @ParameterizedTest(name = "language {0} for {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "[fr]        | fr    | true",
            "[fr]        | en    | false",
            "[en, other] | other | true",
    })
    void language(String list, String lang, boolean expected) {
        assertEquals(expected, matches("language: " + list, Fixtures.comment("x"), Fixtures.cls(lang, "other", 0.5, 0)));
    }

    @ParameterizedTest(name = "keywords {0} in \"{1}\": {2}")
    @CsvSource(delimiter = '|', value = {
            "[prix, price]            | Quel est le PRIX ?              | true",
            "[prix, price]            | les prixfixes                   | false",
            "[démo]                   | une demo svp                    | true",
            "[demo]                   | Une DÉMO svp                    | true",
            "[\"how much\"]           | How   much is it?               | true",
            "[\"how much\"]           | how is it much                  | false",
            "[rembours*]              | je veux un remboursement        | true",
            "[rembours*]              | pas de debours                  | false",
            "[code promo]             | avez-vous un code-promo ?       | true",
    })
    void keywords(String list, String text, boolean expected) {
        assertEquals(expected, matchesText("keywords: " + list, text));
    }

    @ParameterizedTest(name = "regex {0} in \"{1}\": {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "'\\b[A-Z]{2}\\d{6}\\b' | my order is FR123456 | true",
            "'\\b[A-Z]{2}\\d{6}\\b' | my order is 123456   | false",
            "ORDER                  | my order             | true",
    })
    void regex(String regex, String text, boolean expected) {
        assertEquals(expected, matchesText("regex: " + regex, text));
    }

    @ParameterizedTest(name = "{0} for followers={1}, verified={2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "minFollowers: 5000 | 5000  | false | true",
            "minFollowers: 5000 | 4999  | false | false",
            "minFollowers: 5000 |       | false | false",
            "verified: true     | 10    | true  | true",
            "verified: true     | 10    | false | false",
            "vip: true          | 10000 | false | true",
            "vip: true          | 9999  | false | false",
            "vip: true          | 1     | true  | true",
            "vip: false         |       | false | true",
    })
    void authorReach(String when, Long followers, boolean verified, boolean expected) {
        Interaction in = Fixtures.interaction(Platform.INSTAGRAM, InteractionKind.COMMENT, "x",
                Fixtures.author("a", followers, verified));
        assertEquals(expected, matches(when, in, Fixtures.cls("other", 0.5)));
    }

    @ParameterizedTest(name = "campaignTag {0} with tag {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "true                   | SUMMER25 | true",
            "true                   |          | false",
            "false                  |          | true",
            "[summer25, black-friday] | SUMMER25 | true",
            "[black-friday]         | SUMMER25 | false",
    })
    void campaignTag(String value, String tag, boolean expected) {
        ThreadFacts facts = new ThreadFacts(true, 0, 0, null, tag, Map.of());
        assertEquals(expected, matches("campaignTag: " + value, Fixtures.comment("x"), Fixtures.cls("other", 0.5),
                facts, BUSINESS_HOURS));
    }

    @ParameterizedTest(name = "{0} with first={1}, bot turns={2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "firstMessageInThread: true  | true  | 0 | true",
            "firstMessageInThread: true  | false | 0 | false",
            "firstMessageInThread: false | false | 0 | true",
            "maxBotTurns: 1              | false | 1 | true",
            "maxBotTurns: 1              | false | 2 | false",
            "minBotTurns: 2              | false | 2 | true",
            "minBotTurns: 2              | false | 1 | false",
    })
    void thread(String when, boolean first, int botTurns, boolean expected) {
        ThreadFacts facts = new ThreadFacts(first, botTurns, 0, null, null, Map.of());
        assertEquals(expected, matches(when, Fixtures.comment("x"), Fixtures.cls("other", 0.5), facts, BUSINESS_HOURS));
    }

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "businessHours: true                       | 2025-06-11T08:00:00Z | true",
            "businessHours: true                       | 2025-06-11T06:59:59Z | false",
            "businessHours: true                       | 2025-06-11T07:00:00Z | true",
            "businessHours: true                       | 2025-06-11T16:00:00Z | false",
            "businessHours: true                       | 2025-06-14T08:00:00Z | false",
            "businessHours: false                      | 2025-06-14T08:00:00Z | true",
            "timeOfDay: {from: \"12:00\", to: \"14:00\"} | 2025-06-11T10:30:00Z | true",
            "timeOfDay: {from: \"12:00\", to: \"14:00\"} | 2025-06-11T12:00:00Z | false",
            "timeOfDay: {from: \"22:00\", to: \"06:00\"} | 2025-06-11T22:00:00Z | true",
            "timeOfDay: {from: \"22:00\", to: \"06:00\"} | 2025-06-11T19:59:00Z | false",
    })
    void timeConditionsUseTheBusinessZone(String when, Instant now, boolean expected) {
        assertEquals(expected, matches(when, Fixtures.comment("x"), Fixtures.cls("other", 0.5), ThreadFacts.firstMessage(), now));
    }
}
