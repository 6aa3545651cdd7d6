package dev.socialbridge.learning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.classify.Categories;
import dev.socialbridge.classify.train.LabelledRow;
import dev.socialbridge.classify.train.TrainIntentModel;
import dev.socialbridge.support.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Labelled JSON Lines, the format of the shipped training data and of {@code learn --import}: one object per line
 * with a string {@code text} and {@code intent} (one of {@link Categories#INTENTS}), optional {@code id}, {@code lang}
 * ({@code fr}, {@code en}), {@code sentiment} ({@code negative}, {@code neutral}, {@code positive} or empty) and
 * {@code source}. A bad line is reported with its number and skipped; the others are read.
 */
public final class LabelledLines {
    static final Set<String> SENTIMENTS = Set.of("", "negative", "neutral", "positive");
    private static final String SHIPPED_INDEX = "/classify/training/files.txt";

    /** The rows read and one sentence per line that could not be. */
    public record Read(List<LabelledRow> rows, List<String> problems) { }

    private LabelledLines() {
    }

    public static Read read(BufferedReader reader, String name) throws IOException {
        List<LabelledRow> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String where = name + " line " + number;
            JsonNode node;
            try {
                node = Json.MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                problems.add(where + ": not JSON (" + e.getOriginalMessage() + ")");
                continue;
            }
            String problem = problem(node);
            if (problem != null) {
                problems.add(where + ": " + problem);
                continue;
            }
            rows.add(new LabelledRow(node.path("id").asText(name + ":" + number), node.path("text").asText(),
                    node.path("lang").asText(""), node.path("intent").asText(), node.path("sentiment").asText(""),
                    node.path("source").asText("")));
        }
        return new Read(rows, problems);
    }

    private static String problem(JsonNode node) {
        if (!node.isObject()) {
            return "not a JSON object";
        }
        if (!node.path("text").isTextual() || node.path("text").asText().isBlank()) {
            return "needs a non-empty string \"text\"";
        }
        String intent = node.path("intent").asText(null);
        if (!node.path("intent").isTextual() || !Categories.INTENTS.contains(intent)) {
            return "\"intent\" is '" + intent + "', expected one of " + String.join(", ", Categories.INTENTS);
        }
        String sentiment = node.path("sentiment").asText("");
        if (!SENTIMENTS.contains(sentiment)) {
            return "\"sentiment\" is '" + sentiment + "', expected negative, neutral, positive or empty";
        }
        return null;
    }

    /**
     * The training data the shipped model was trained on: the files listed in {@code classify/training/files.txt},
     * the licensed corpora capped as the shipped recipe caps them ({@link TrainIntentModel#capCorpora}).
     */
    public static List<LabelledRow> shipped() {
        List<LabelledRow> rows = new ArrayList<>();
        try (BufferedReader index = open(SHIPPED_INDEX)) {
            String file;
            while ((file = index.readLine()) != null) {
                if (file.isBlank()) {
                    continue;
                }
                try (BufferedReader r = open("/classify/training/" + file.strip())) {
                    Read read = read(r, file.strip());
                    if (!read.problems().isEmpty()) {
                        throw new IllegalStateException("shipped training data: " + read.problems().get(0));
                    }
                    rows.addAll(read.rows());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TrainIntentModel.capCorpora(rows, TrainIntentModel.CORPUS_CAP);
    }

    private static BufferedReader open(String resource) {
        InputStream in = LabelledLines.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + resource);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
