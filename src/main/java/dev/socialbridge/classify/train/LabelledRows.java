package dev.socialbridge.classify.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads labelled JSON Lines files; a malformed line fails with the file and line number. */
public final class LabelledRows {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LabelledRows() {
    }

    public static List<LabelledRow> read(Path file) throws IOException {
        List<LabelledRow> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                if (!node.path("text").isTextual() || !node.path("intent").isTextual()) {
                    throw new IOException(file + " line " + number + ": needs string fields text and intent");
                }
                rows.add(new LabelledRow(node.path("id").asText(file.getFileName() + ":" + number),
                        node.path("text").asText(), node.path("lang").asText(""), node.path("intent").asText(),
                        node.path("sentiment").asText(""), node.path("source").asText("")));
            }
        }
        return rows;
    }
}
