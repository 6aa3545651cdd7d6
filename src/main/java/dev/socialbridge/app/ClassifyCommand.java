package dev.socialbridge.app;

import dev.socialbridge.classify.ClassifyJsonLines;
import dev.socialbridge.classify.Classifier;
import dev.socialbridge.classify.SocialClassifier;
import dev.socialbridge.learning.ActiveClassifier;
import dev.socialbridge.learning.ModelStore;
import dev.socialbridge.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code social-bridge classify}: classifies JSON Lines from stdin to stdout (see {@link ClassifyJsonLines}), with the
 * shipped model, or with the installation's current model and keyword rules when {@code --config} is given.
 */
@Command(name = "classify",
        description = {"Classifies social messages: reads JSON Lines {\"text\": \"...\", ...} on stdin and writes each "
            + "line back, other fields kept, with lang, intent, intent_confidence, sentiment and sentiment_score. "
            + "A line that is not a JSON object with a string \"text\" gives {\"line\": N, \"error\": \"...\"}.",
            "With --config, the installation's current model (trained by learn) and its keyword rules are used; without"
                + " it, the shipped model.",
            "Exit code: 0 if every line was classified, 1 if some line was not, 2 if the --keywords file or the"
                + " configuration is invalid."})
public class ClassifyCommand implements Callable<Integer> {
    static final int BAD_KEYWORDS = 2;

    @Option(names = "--keywords", paramLabel = "FILE",
            description = "Extra keyword rules, added to the defaults (format: lines 'CATEGORY[:WEIGHT] PATTERN').")
    Path keywords;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings of the installation whose current model (and keyword rules) to use.")
    Path config;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    InputStream in = System.in;
    OutputStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws IOException {
        Classifier classifier;
        try {
            classifier = config != null ? installation() : SocialClassifier.load(keywords);
        } catch (IllegalArgumentException e) {
            err.println("classify: " + e.getMessage());
            return BAD_KEYWORDS;
        }
        return new ClassifyJsonLines(classifier).run(in, out);
    }

    /** The installation's current model with its keyword rules ({@code --keywords} adds to them). */
    private Classifier installation() {
        CommonOptions common = new CommonOptions();
        common.config = config;
        dev.socialbridge.config.LoadedConfig loaded = common.load();
        SocialClassifier shipped = keywords != null ? SocialClassifier.load(keywords) : Automation.shipped(loaded);
        ActiveClassifier active = new ActiveClassifier(shipped);
        try (Database db = CommonOptions.openStore(loaded)) {
            active.follow(new ModelStore(db));
        }
        err.println("classify: intent model " + active.version());
        return active;
    }
}
