package dev.socialbridge.app;

import dev.socialbridge.classify.SocialClassifier;
import dev.socialbridge.config.LoadedConfig;
import dev.socialbridge.config.SocialBridgeConfig;
import dev.socialbridge.connector.Connectors;
import dev.socialbridge.learning.ActiveClassifier;
import dev.socialbridge.pipeline.AutomationStep;
import dev.socialbridge.pipeline.RuleBasedAutomation;
import dev.socialbridge.rules.AutomationEngine;
import dev.socialbridge.rules.AutomationSettings;
import dev.socialbridge.rules.ConfidenceGate;
import dev.socialbridge.rules.RuleValidationException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The classifier and automation step configured for the pipeline, and the checks of their files. The classifier
 * starts with the shipped model; the installation's own model is taken from the store once it is open
 * ({@link ActiveClassifier#follow}).
 */
record Automation(ActiveClassifier classifier, AutomationStep step) {

    static Automation build(LoadedConfig config, Connectors connectors) {
        SocialBridgeConfig.Automation a = config.typed().automation();
        ActiveClassifier classifier = new ActiveClassifier(shipped(config));
        String defaultQueue = config.typed().pipeline().defaultQueue();
        if (!a.enabled()) {
            return new Automation(classifier, AutomationStep.routeTo(defaultQueue));
        }
        AutomationEngine engine = AutomationEngine.load(a.rulesFile().map(Path::of).orElse(null),
                a.templatesFile().map(Path::of).orElse(null), settings(a, connectors.ownAccountIds()),
                connectors.actionPolicy());
        return new Automation(classifier, new RuleBasedAutomation(engine, defaultQueue,
                LinksSetup.threadLinks(config.typed()).orElse(null)));
    }

    /** The bundled classifier with the admin's keyword rules ({@code socialbridge.automation.keywords-file}). */
    static SocialClassifier shipped(LoadedConfig config) {
        return config.typed().automation().keywordsFile().map(f -> SocialClassifier.load(Path.of(f)))
                .orElseGet(SocialClassifier::loadDefault);
    }

    static AutomationSettings settings(SocialBridgeConfig.Automation a, Set<String> ownIds) {
        String[] hours = a.businessHours().split("-");
        return new AutomationSettings(a.brand(), a.maxRepliesPerAuthorPerHour(), a.maxBotTurns(), a.vipFollowerThreshold(),
                a.disclosure(), a.businessZone(), days(a.businessDays()), LocalTime.parse(hours[0]),
                hours[1].equals("24:00") ? LocalTime.MAX : LocalTime.parse(hours[1]), ownIds, confidenceGate(a));
    }

    /** The confidence gate of the settings (validated by the mapping: intents known, confidences within 0..1). */
    static ConfidenceGate confidenceGate(SocialBridgeConfig.Automation a) {
        List<String> problems = new ArrayList<>();
        java.util.Map<String, Double> byIntent = ConfidenceGate.byIntent(a.minConfidenceByIntent().orElse(List.of()), problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("socialbridge.automation." + problems.get(0));
        }
        return new ConfidenceGate(a.minConfidence(), byIntent, a.hideMinConfidence());
    }

    static Set<DayOfWeek> days(String spec) {
        if (spec.contains("-")) {
            String[] r = spec.split("-");
            return EnumSet.range(day(r[0]), day(r[1]));
        }
        EnumSet<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String d : spec.split(",")) {
            out.add(day(d));
        }
        return out;
    }

    private static DayOfWeek day(String abbrev) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(abbrev.toUpperCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalArgumentException(abbrev);
    }

    /** Missing files named by the automation settings. */
    static List<String> fileProblems(LoadedConfig config) {
        SocialBridgeConfig.Automation a = config.typed().automation();
        List<String> problems = new ArrayList<>();
        for (String[] file : new String[][] {{"rules-file", a.rulesFile().orElse(null)},
                {"templates-file", a.templatesFile().orElse(null)}, {"keywords-file", a.keywordsFile().orElse(null)}}) {
            if (file[1] != null && !java.nio.file.Files.isRegularFile(Path.of(file[1]))) {
                problems.add("socialbridge.automation." + file[0] + ": file not found: " + file[1]);
            }
        }
        return problems;
    }

    /** Problems found while building (invalid rules, templates or keywords), each naming the setting. */
    static List<String> problemsOf(Throwable e) {
        List<String> problems = new ArrayList<>();
        if (e instanceof RuleValidationException r) {
            r.problems().forEach(p -> problems.add("socialbridge.automation.rules-file: " + p));
        } else if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException) {
            problems.add("socialbridge.automation.keywords-file: " + e.getMessage());
        } else {
            problems.add("socialbridge.automation: " + e);
        }
        return problems;
    }

    /** Every problem of the automation settings and files (for verify). */
    static List<String> problems(LoadedConfig config) {
        List<String> problems = fileProblems(config);
        if (problems.isEmpty()) {
            try {
                build(config, Connectors.unconfigured());
            } catch (RuntimeException e) {
                problems.addAll(problemsOf(e));
            }
        }
        return problems;
    }
}
