package dev.socialbridge.app;

import dev.socialbridge.config.LoadedConfig;
import dev.socialbridge.learning.ActiveClassifier;
import dev.socialbridge.learning.LabelledLines;
import dev.socialbridge.learning.Learning;
import dev.socialbridge.learning.ModelStore;
import dev.socialbridge.store.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code learn [--import FILE] | --rollback | --status}: trains the installation's intent model from the shipped data
 * plus agents' corrections (and imported rows), switching only when it is better ({@link Learning}).
 */
@Command(name = "learn", mixinStandardHelpOptions = true,
        description = {"Trains this installation's intent model from the shipped training data plus the corrections"
                + " agents made in the host (and rows given with --import), judges it against the current model by"
                + " cross-validation on those corrections, and switches to it only when it is better. Running"
                + " instances pick the new model up within socialbridge.learning.reload-interval.",
            "Exit code: 0 when learning ran (whether or not the model changed), 1 when an --import line was refused or"
                + " there was nothing to roll back, 2 for a configuration problem."})
final class LearnCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--import", paramLabel = "FILE", description = "Labelled JSON Lines ({\"text\", \"intent\","
            + " \"lang\", \"sentiment\"}, as ../shared/datasets) to add as corrections before training.")
    Path importFile;

    @Option(names = "--rollback", description = "Go back to the model before the current one (the shipped one if none).")
    boolean rollback;

    @Option(names = "--status", description = "Show the model in use, the installation's models and the corrections; train nothing.")
    boolean status;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The training data models start from (tests give less: training on all of it takes minutes). */
    java.util.function.Supplier<java.util.List<dev.socialbridge.classify.train.LabelledRow>> base = LabelledLines::shipped;

    @Override
    public Integer call() throws IOException {
        if ((rollback ? 1 : 0) + (status ? 1 : 0) + (importFile != null ? 1 : 0) > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--import, --rollback and --status go alone");
        }
        if (importFile != null && !Files.isRegularFile(importFile)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--import: file not found: " + importFile);
        }
        LoadedConfig config = common.load();   // problems: exit 2, printed by Main
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Database db = CommonOptions.openStore(config)) {
            ActiveClassifier classifier = new ActiveClassifier(Automation.shipped(config));
            LearningSetup setup = LearningSetup.of(config.typed().learning(), db, classifier, base);
            classifier.follow(setup.models());
            int exit = Main.OK;
            if (status) {
                printStatus(out, setup);
            } else if (rollback) {
                Optional<String> now = setup.learning().rollback();
                if (now.isEmpty()) {
                    err.println("learn: nothing to roll back: the installation uses the shipped model "
                            + classifier.version());
                    exit = Main.FAILURE;
                } else {
                    out.println("rolled back: the installation now uses " + now.get());
                }
            } else {
                if (importFile != null) {
                    exit = importRows(setup.learning(), out, err);
                }
                out.println("training (shipped data plus corrections; this takes a few minutes)...");
                out.flush();
                Learning.Outcome o = setup.learning().learn();
                out.println(o.result().summary());
                if (o.version() != null) {
                    out.println((o.result().better() ? "now using " : "recorded (not used) as ") + o.version());
                }
            }
            out.flush();
            return exit;
        }
    }

    private int importRows(Learning learning, PrintWriter out, PrintWriter err) throws IOException {
        dev.socialbridge.classify.train.LabelledRows.Parsed read;
        try (BufferedReader r = Files.newBufferedReader(importFile, StandardCharsets.UTF_8)) {
            read = LabelledLines.read(r, importFile.toString());
        }
        read.problems().forEach(p -> err.println("learn: " + p));
        int n = learning.importRows(read.rows(), importFile.getFileName().toString());
        out.println("imported " + n + " labelled rows from " + importFile
                + (read.problems().isEmpty() ? "" : " (" + read.problems().size() + " lines refused)"));
        return read.problems().isEmpty() ? Main.OK : Main.FAILURE;
    }

    private static void printStatus(PrintWriter out, LearningSetup setup) {
        out.println("model in use: " + setup.classifier().version());
        Map<String, Long> counts = setup.corrections().counts();
        out.println("corrections: " + (counts.isEmpty() ? "none" : counts.toString()));
        for (ModelStore.ModelInfo m : setup.models().list()) {
            out.printf("%-28s %-9s %s  rows=%d corrections=%d  %s%n", m.version(), m.state(), m.createdAt(),
                    m.trainedRows(), m.corrections(), m.note() == null ? "" : m.note());
        }
    }
}
