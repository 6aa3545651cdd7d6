package dev.socialbridge.rules;

import dev.socialbridge.connector.Connectors;
import dev.socialbridge.classify.Classification;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Builders for interactions, classifications and engines from inline YAML, shared by the automation tests. */
public final class Fixtures {

    /** A Wednesday, 10:00 in Paris: inside default business hours. */
    public static final Instant BUSINESS_HOURS = Instant.parse("2025-06-11T08:00:00Z");
    /** A Wednesday, 22:00 in Paris. */
    public static final Instant NIGHT = Instant.parse("2025-06-11T20:00:00Z");
    /** A Saturday, 10:00 in Paris. */
    public static final Instant SATURDAY = Instant.parse("2025-06-14T08:00:00Z");

    public static final String TEMPLATES = """
            templates:
              thanks:
                fr: "Merci {first_name} !"
                en: "Thanks {first_name}!"
                fallback: {fr: "Merci !", en: "Thanks!"}
              ack:
                en: "We got it."
              qualifier:
                en: "What do you need?"
            """;

    private Fixtures() {
    }

    public static Interaction comment(String text) {
        return interaction(Platform.INSTAGRAM, InteractionKind.COMMENT, text, Author.of("author-1"));
    }

    public static Interaction dm(String text) {
        return interaction(Platform.INSTAGRAM, InteractionKind.DM, text, Author.of("author-1"));
    }

    public static Interaction interaction(Platform platform, InteractionKind kind, String text, Author author) {
        return new Interaction(platform, kind, "our-account", "thread-1", "item-1", null, "post-1", author, text,
                List.of(), null, null, BUSINESS_HOURS, false, null, null, 0);
    }

    public static Author author(String id, Long followers, boolean verified) {
        return new Author(id, "handle_" + id, "Name " + id, followers, verified);
    }

    public static Classification cls(String intent, double confidence) {
        return new Classification("en", intent, confidence, "neutral", 0.0);
    }

    public static Classification cls(String lang, String intent, double confidence, double sentimentScore) {
        String sentiment = sentimentScore <= -0.2 ? "negative" : sentimentScore >= 0.2 ? "positive" : "neutral";
        return new Classification(lang, intent, confidence, sentiment, sentimentScore);
    }

    /** An engine from inline rules (and {@link #TEMPLATES}) written to a temporary directory. */
    public static AutomationEngine engine(String rulesYaml, AutomationSettings settings) {
        return engine(rulesYaml, TEMPLATES, settings);
    }

    public static AutomationEngine engine(String rulesYaml, String templatesYaml, AutomationSettings settings) {
        try {
            Path dir = Files.createTempDirectory("rules-test");
            Path rules = Files.writeString(dir.resolve("rules.yaml"), rulesYaml);
            Path templates = Files.writeString(dir.resolve("templates.yaml"), templatesYaml);
            return AutomationEngine.load(rules, templates, settings, Connectors.unconfigured().actionPolicy());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Problems of inline rules (with {@link #TEMPLATES}), or an empty list. */
    public static List<String> problems(String rulesYaml) {
        try {
            engine(rulesYaml, AutomationSettings.defaults());
            return List.of();
        } catch (RuleValidationException e) {
            return e.problems();
        }
    }
}
