package dev.socialbridge.rules;

import dev.socialbridge.classify.SocialClassifier;
import dev.socialbridge.connector.Connectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code simulate}: runs JSON Lines interactions through classification and the rules; sends nothing. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run JSON Lines interactions through classification and the automation rules, with no side effects;"
                + " print one JSON line per input with matched rules, actions and rendered replies, and what the confidence"
                + " gate held back (held_back)."
                + " Exit 0 if every line was processed, 1 if a line was invalid, 2 if the rules, templates or gate"
                + " options are invalid.")
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--rules", paramLabel = "FILE", description = "Rules file (default: the bundled default rules).")
    Path rules;

    @Option(names = "--templates", paramLabel = "FILE", description = "Templates file (default: the bundled default templates).")
    Path templates;

    @Option(names = "--keywords", paramLabel = "FILE", description = "Extra classifier keyword rules (default: none).")
    Path keywords;

    @Option(names = "--now", paramLabel = "ISO-INSTANT",
            description = "Decision time for business hours and time of day, e.g. 2025-06-11T08:00:00Z (default: now).")
    Instant now;

    @Option(names = "--brand", paramLabel = "NAME", description = "Value of the {brand} token (default: ${DEFAULT-VALUE}).",
            defaultValue = "our team")
    String brand;

    @Option(names = "--min-confidence", paramLabel = "0..1",
            description = "Confidence gate: intent confidence below which the replies of rules that read the classifier"
                    + " are held back (default: ${DEFAULT-VALUE}, as socialbridge.automation.min-confidence).",
            defaultValue = "0.5")
    double minConfidence;

    @Option(names = "--min-confidence-by-intent", paramLabel = "INTENT:0..1", split = ",",
            description = "Per-intent thresholds of the gate, e.g. refund_cancel:0.7,praise:0.4"
                    + " (as socialbridge.automation.min-confidence-by-intent).")
    List<String> minConfidenceByIntent = List.of();

    @Option(names = "--hide-min-confidence", paramLabel = "0..1",
            description = "Confidence gate of hides (default: ${DEFAULT-VALUE}, as"
                    + " socialbridge.automation.hide-min-confidence).", defaultValue = "0.8")
    double hideMinConfidence;

    @Parameters(index = "0", arity = "0..1", paramLabel = "INPUT", description = "JSON Lines file (default: standard input).")
    Path input;

    public SimulateCommand() {
    }

    @Override
    public Integer call() throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Double> byIntent = ConfidenceGate.byIntent(minConfidenceByIntent, problems);
        problems.addAll(ConfidenceGate.problems(minConfidence, byIntent, hideMinConfidence));
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("--" + p));
            return 2;
        }
        AutomationEngine engine;
        try {
            engine = AutomationEngine.load(rules, templates, AutomationSettings.defaults().withBrand(brand)
                    .withConfidenceGate(new ConfidenceGate(minConfidence, byIntent, hideMinConfidence)),
                    Connectors.unconfigured().actionPolicy());
        } catch (RuleValidationException e) {
            e.problems().forEach(System.err::println);
            return 2;
        }
        SocialClassifier classifier = SocialClassifier.load(keywords);
        SimulateJsonLines simulation = new SimulateJsonLines(engine, classifier::classify, now == null ? Instant.now() : now);
        try (InputStream in = input == null ? System.in : Files.newInputStream(input)) {
            return simulation.run(in, System.out);
        }
    }
}
