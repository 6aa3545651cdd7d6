package dev.socialbridge.classify.train;

import dev.socialbridge.classify.IntentFeatures;
import dev.socialbridge.classify.LanguageFeatures;
import dev.socialbridge.classify.MessageNormalizer;
import dev.socialbridge.classify.NormalizedText;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Trains the shipped models from the JSON Lines files under {@code src/main/resources/classify/training/}
 * (the big licensed corpora capped per intent, see {@link #capCorpora}) and writes {@code intent-model.bin} and
 * {@code lang-model.bin} next to it. Deterministic: files are read in
 * name order and OpenNLP's maxent trainer runs single-threaded with fixed parameters, so the same data gives
 * the same bytes. Usage: {@code TrainIntentModel [TRAINING_DIR [OUTPUT_DIR]]}.
 */
public final class TrainIntentModel {
    static final Path DEFAULT_TRAINING = Path.of("src/main/resources/classify/training");
    static final Path DEFAULT_OUTPUT = Path.of("src/main/resources/classify");
    /**
     * Rows taken per (licensed corpus, intent). The corpora are large and skewed (3,000 Davidson toxic tweets,
     * 2,418 Bitext support requests against a few hundred authored rows per intent); taken whole they pull the
     * model toward their style and lowered cross-validated macro-F1 on the tuning part (see docs/classification.md).
     */
    public static final int CORPUS_CAP = 100;
    private static final String CORPUS_ID_PREFIX = "lic-";

    private TrainIntentModel() {
    }

    public static void main(String[] args) throws IOException {
        Path training = args.length > 0 ? Path.of(args[0]) : DEFAULT_TRAINING;
        Path output = args.length > 1 ? Path.of(args[1]) : DEFAULT_OUTPUT;
        List<LabelledRow> rows = capCorpora(readAll(training), CORPUS_CAP);
        Files.write(output.resolve("intent-model.bin"), serialize(trainIntents(rows)));
        Files.write(output.resolve("lang-model.bin"), serialize(trainLanguages(rows)));
        System.out.println("trained on " + rows.size() + " rows from " + training + ", wrote models to " + output);
    }

    /** Every row of every {@code *.jsonl} file in {@code dir}, files in name order. */
    public static List<LabelledRow> readAll(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        List<LabelledRow> rows = new ArrayList<>();
        for (Path f : files) {
            rows.addAll(LabelledRows.read(f));
        }
        return rows;
    }

    /**
     * The rows the shipped models learn from: every row, except that of each licensed corpus (ids {@code lic-dav-…},
     * {@code lic-btx-…}) at most {@code cap} rows per intent are kept, those with the smallest SHA-256 of their id.
     * Row order is kept, so training stays deterministic.
     */
    public static List<LabelledRow> capCorpora(List<LabelledRow> rows, int cap) {
        Map<String, List<LabelledRow>> groups = new HashMap<>();
        for (LabelledRow r : rows) {
            if (r.id().startsWith(CORPUS_ID_PREFIX)) {
                groups.computeIfAbsent(corpus(r) + "|" + r.intent(), k -> new ArrayList<>()).add(r);
            }
        }
        Set<String> kept = new HashSet<>();
        for (List<LabelledRow> group : groups.values()) {
            group.stream().map(LabelledRow::id).sorted(Comparator.comparing(TrainIntentModel::sha256Hex)).limit(cap)
                    .forEach(kept::add);
        }
        return rows.stream().filter(r -> !r.id().startsWith(CORPUS_ID_PREFIX) || kept.contains(r.id())).toList();
    }

    private static String corpus(LabelledRow r) {
        int dash = r.id().indexOf('-', CORPUS_ID_PREFIX.length());
        return dash < 0 ? r.id() : r.id().substring(0, dash);
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static MaxentModel trainIntents(List<LabelledRow> rows) throws IOException {
        return trainIntents(rows, intentParameters());
    }

    /** As {@link #trainIntents(List)} with other trainer parameters (cross-validation tries several). */
    public static MaxentModel trainIntents(List<LabelledRow> rows, TrainingParameters parameters) throws IOException {
        MessageNormalizer normalizer = MessageNormalizer.bundled();
        List<Event> events = new ArrayList<>();
        for (LabelledRow row : rows) {
            events.add(new Event(row.intent(), IntentFeatures.of(normalizer.normalize(row.text()))));
        }
        return train(events, parameters);
    }

    public static MaxentModel trainLanguages(List<LabelledRow> rows) throws IOException {
        MessageNormalizer normalizer = MessageNormalizer.bundled();
        List<Event> events = new ArrayList<>();
        for (LabelledRow row : rows) {
            NormalizedText text = normalizer.normalize(row.text());
            if ((row.lang().equals("fr") || row.lang().equals("en")) && text.size() > 0) {
                events.add(new Event(row.lang(), LanguageFeatures.of(text)));
            }
        }
        return train(events, languageParameters());
    }

    /** The shipped intent model's trainer settings. */
    public static TrainingParameters intentParameters() {
        TrainingParameters p = new TrainingParameters();
        p.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
        p.put(TrainingParameters.ITERATIONS_PARAM, 300);
        p.put(TrainingParameters.CUTOFF_PARAM, 1);
        p.put(TrainingParameters.THREADS_PARAM, 1);
        p.put("L1Cost", 0.0);
        p.put("L2Cost", 1.0);
        return p;
    }

    static TrainingParameters languageParameters() {
        TrainingParameters p = intentParameters();
        p.put(TrainingParameters.ITERATIONS_PARAM, 200);
        return p;
    }

    private static MaxentModel train(List<Event> events, TrainingParameters params) throws IOException {
        EventTrainer trainer = TrainerFactory.getEventTrainer(params, null);
        return trainer.train(ObjectStreamUtils.createObjectStream(events));
    }

    /** The binary form that {@code SocialClassifier} reads back. */
    public static byte[] serialize(MaxentModel model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(bytes))) {
            new GenericModelWriter((AbstractModel) model, out).persist();
        }
        return bytes.toByteArray();
    }
}
