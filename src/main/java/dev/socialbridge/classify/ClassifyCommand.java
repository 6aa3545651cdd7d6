package dev.socialbridge.classify;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code social-bridge classify}: classifies JSON Lines from stdin to stdout (see {@link ClassifyJsonLines}). */
@Command(name = "classify",
        description = {"Classifies social messages: reads JSON Lines {\"text\": \"...\", ...} on stdin and writes each "
            + "line back, other fields kept, with lang, intent, intent_confidence, sentiment and sentiment_score. "
            + "A line that is not a JSON object with a string \"text\" gives {\"line\": N, \"error\": \"...\"}.",
            "Exit code: 0 if every line was classified, 1 if some line was not, 2 if the --keywords file is invalid."})
public class ClassifyCommand implements Callable<Integer> {
    static final int BAD_KEYWORDS = 2;

    @Option(names = "--keywords", paramLabel = "FILE",
            description = "Extra keyword rules, added to the defaults (format: lines 'CATEGORY[:WEIGHT] PATTERN').")
    Path keywords;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    InputStream in = System.in;
    OutputStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws IOException {
        SocialClassifier classifier;
        try {
            classifier = SocialClassifier.load(keywords);
        } catch (IllegalArgumentException e) {
            err.println("classify: " + e.getMessage());
            return BAD_KEYWORDS;
        }
        return new ClassifyJsonLines(classifier).run(in, out);
    }
}
