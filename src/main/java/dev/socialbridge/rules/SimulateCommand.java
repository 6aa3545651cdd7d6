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
import java.util.concurrent.Callable;

/** {@code simulate}: runs JSON Lines interactions through classification and the rules; sends nothing. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run JSON Lines interactions through classification and the automation rules, with no side effects;"
                + " print one JSON line per input with matched rules, actions and rendered replies."
                + " Exit 0 if every line was processed, 1 if a line was invalid, 2 if the rules or templates are invalid.")
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

    @Parameters(index = "0", arity = "0..1", paramLabel = "INPUT", description = "JSON Lines file (default: standard input).")
    Path input;

    public SimulateCommand() {
    }

    @Override
    public Integer call() throws IOException {
        AutomationEngine engine;
        try {
            engine = AutomationEngine.load(rules, templates, AutomationSettings.defaults().withBrand(brand),
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
