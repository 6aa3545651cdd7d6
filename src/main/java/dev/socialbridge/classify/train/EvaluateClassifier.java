package dev.socialbridge.classify.train;

import dev.socialbridge.classify.Categories;
import dev.socialbridge.classify.Classification;
import dev.socialbridge.classify.Classifier;
import dev.socialbridge.classify.SocialClassifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evaluates the bundled classifier on the labelled dev set and prints a Markdown report: per-intent
 * precision/recall/F1, macro-F1, confusion matrix, spam/toxic gates, language and sentiment accuracy, a
 * confidence-threshold table for hides and auto-replies ({@link ConfidenceThresholds}), speed.
 * Usage: {@code EvaluateClassifier [--part heldback|tuning|all] [--errors] [--config FILE] [DEV_JSONL]}; the default
 * part is the held-back one. {@code --errors} lists misclassified rows and is refused for held-back rows, which are
 * for the final report only. {@code --config} evaluates the current model of that installation ({@code learn})
 * instead of the shipped one.
 */
public final class EvaluateClassifier {
    static final Path DEFAULT_DEV = Path.of("/work/shared/datasets/social-messages-dev.jsonl");
    private static final int SPEED_CALLS = 200_000;

    private EvaluateClassifier() {
    }

    public static void main(String[] args) throws IOException {
        String part = "heldback";
        boolean errors = false;
        Path config = null;
        Path dev = DEFAULT_DEV;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--part" -> part = args[++i];
                case "--errors" -> errors = true;
                case "--config" -> config = Path.of(args[++i]);
                default -> dev = Path.of(args[i]);
            }
        }
        if (errors && !part.equals("tuning")) {
            throw new IllegalArgumentException("--errors lists rows to tune on: only with --part tuning");
        }
        List<LabelledRow> rows = select(LabelledRows.read(dev), part);
        Classifier classifier = config == null ? SocialClassifier.loadDefault() : installation(config);
        List<Classification> results = new ArrayList<>();
        for (LabelledRow r : rows) {
            results.add(classifier.classify(r.text()));
        }
        StringBuilder out = new StringBuilder();
        new EvaluationReport(rows, results).appendTo(out, dev.getFileName() + ", part " + part);
        new ConfidenceThresholds(rows, results).appendTo(out);
        appendSpeed(out, classifier, rows);
        if (errors) {
            appendErrors(out, rows, results);
        }
        System.out.print(out);
    }

    /**
     * The classifier of the installation configured in {@code config}: its current model ({@code learn}), or the
     * shipped one when it has none.
     */
    static Classifier installation(Path config) {
        dev.socialbridge.config.SocialBridgeConfig.Store s = dev.socialbridge.config.ConfigLoader.load(config, null)
                .typed().store();
        dev.socialbridge.learning.ActiveClassifier active =
                new dev.socialbridge.learning.ActiveClassifier(SocialClassifier.loadDefault());
        try (dev.socialbridge.store.Database db = dev.socialbridge.store.Database.open(s.jdbcUrl(), s.user().orElse(null),
                s.password().map(p -> p.reveal()).orElse(null), 2)) {
            active.follow(new dev.socialbridge.learning.ModelStore(db));
        }
        System.out.println("Intent model: " + active.version() + "\n");
        return active;
    }

    static List<LabelledRow> select(List<LabelledRow> all, String part) {
        return switch (part) {
            case "heldback" -> all.stream().filter(r -> DevSplit.isHeldBack(r.id())).toList();
            case "tuning" -> all.stream().filter(r -> !DevSplit.isHeldBack(r.id())).toList();
            case "all" -> all;
            default -> throw new IllegalArgumentException("--part must be heldback, tuning or all");
        };
    }

    private static void appendSpeed(StringBuilder out, Classifier classifier, List<LabelledRow> rows) {
        String[] texts = rows.stream().map(LabelledRow::text).toArray(String[]::new);
        long sink = 0;
        for (int i = 0; i < SPEED_CALLS; i++) {
            sink += classifier.classify(texts[i % texts.length]).intent().length();
        }
        long start = System.nanoTime();
        for (int i = 0; i < SPEED_CALLS; i++) {
            sink += classifier.classify(texts[i % texts.length]).intent().length();
        }
        double micros = (System.nanoTime() - start) / 1000.0 / SPEED_CALLS;
        double chars = rows.stream().mapToInt(r -> r.text().length()).average().orElse(0);
        out.append(String.format(Locale.ROOT, "%n## Speed%n%nOne thread, %d calls over these rows (mean %.0f chars) "
                + "after as many warm-up calls: **%.1f µs per classify()**, about %,.0f messages/s per core "
                + "(checksum %d).%n", SPEED_CALLS, chars, micros, 1e6 / micros, sink % 10));
    }

    private static void appendErrors(StringBuilder out, List<LabelledRow> rows, List<Classification> results) {
        out.append("\n## Misclassified tuning rows\n\n");
        Map<String, List<String>> byGold = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            LabelledRow r = rows.get(i);
            Classification c = results.get(i);
            if (!c.intent().equals(r.intent()) || !c.lang().equals(r.lang())) {
                byGold.computeIfAbsent(r.intent(), k -> new ArrayList<>()).add(String.format(Locale.ROOT,
                        "- %s → %s %.2f [%s→%s] %s: %s", r.intent(), c.intent(), c.intentConfidence(), r.lang(),
                        c.lang(), r.source(), r.text().replace('\n', ' ')));
            }
        }
        byGold.values().forEach(list -> list.forEach(line -> out.append(line).append('\n')));
        out.append("\nintents: ").append(Categories.INTENTS).append('\n');
    }
}
