package dev.socialbridge.classify.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialbridge.classify.Categories;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads labelled JSON Lines: one object per line with a string {@code text} and {@code intent} (one of
 * {@link Categories#INTENTS}), optional {@code id}, {@code lang}, {@code sentiment} ({@code negative}, {@code neutral},
 * {@code positive} or empty) and {@code source}. {@link #read} fails on the first bad line; {@link #parse} reports
 * each bad line with its number and reads the others (for {@code learn --import}).
 */
public final class LabelledRows {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LabelledRows() {
    }

    public static List<LabelledRow> read(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Parsed parsed = parse(reader, file.toString());
            if (!parsed.problems().isEmpty()) {
                throw new IOException(parsed.problems().get(0));
            }
            return parsed.rows();
        }
    }

    /** The rows read and one sentence per line that could not be. */
    public record Parsed(List<LabelledRow> rows, List<String> problems) { }

    static final Set<String> SENTIMENTS = Set.of("", "negative", "neutral", "positive");

    public static Parsed parse(BufferedReader reader, String name) throws IOException {
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
                node = JSON.readTree(line);
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
        return new Parsed(rows, problems);
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

}
