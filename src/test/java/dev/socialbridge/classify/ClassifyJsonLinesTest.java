package dev.socialbridge.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassifyJsonLinesTest {
    private static final Classifier FIXED = text -> new Classification("fr", "support", 0.87654, "negative", -0.5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> run(String input, int expectedExit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new ClassifyJsonLines(FIXED).run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                out);
        assertEquals(expectedExit, exit);
        String text = out.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1);
    }

    @Test
    void keepsOtherFieldsInTheirOrderAndAddsTheClassification() throws IOException {
        List<String> lines = run("{\"id\":\"m1\",\"text\":\"où est mon colis ? 📦\",\"score\":1.10,\"n\":null}\n", 0);
        assertEquals(List.of("{\"id\":\"m1\",\"text\":\"où est mon colis ? 📦\",\"score\":1.10,\"n\":null,\"lang\":\"fr\","
                + "\"intent\":\"support\",\"intent_confidence\":0.877,\"sentiment\":\"negative\",\"sentiment_score\":-0.5}"),
                lines);
    }

    @Test
    void overwritesExistingClassificationFieldsInPlace() throws IOException {
        JsonNode node = JSON.readTree(run("{\"intent\":\"old\",\"text\":\"x\"}\n", 0).get(0));
        assertEquals("support", node.get("intent").asText());
        assertEquals("intent", node.fieldNames().next());
    }

    @Test
    void reportsInvalidLinesWithTheirNumberAndGoesOn() throws IOException {
        List<String> lines = run("{\"text\":\"ok\"}\nnot json\n{\"id\":3}\n{\"text\":42}\n[1,2]\n\n{\"text\":\"a\"} x\n"
                + "{\"text\":\"last\"}\n", 1);
        assertEquals(8, lines.size());
        String[] expected = {null, "line 2: not valid JSON", "line 3: no \"text\" field", "line 4: \"text\" is not a string",
            "line 5: expected a JSON object", "line 6: empty line", "line 7: not valid JSON", null};
        for (int i = 0; i < expected.length; i++) {
            JsonNode node = JSON.readTree(lines.get(i));
            if (expected[i] == null) {
                assertEquals("support", node.get("intent").asText());
            } else {
                assertEquals(i + 1, node.get("line").asInt());
                assertTrue(node.get("error").asText().startsWith(expected[i]), node.toString());
            }
        }
    }

    @Test
    void exitsZeroForAnEmptyInput() throws IOException {
        assertEquals(List.of(), run("", 0));
    }

    @Test
    void streamsManyLinesThroughPipesInOrder() throws Exception {
        int count = 20_000;
        PipedOutputStream feed = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(feed, 4096);
        PipedOutputStream out = new PipedOutputStream();
        PipedInputStream results = new PipedInputStream(out, 4096);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> write(feed, count));
        CompletableFuture<List<String>> reader = CompletableFuture.supplyAsync(() -> readAll(results));
        int exit = new ClassifyJsonLines(SocialClassifier.loadDefault()).run(in, out);
        out.close();
        writer.get();
        List<String> lines = reader.get();
        assertEquals(0, exit);
        assertEquals(count, lines.size());
        for (int i = 0; i < count; i++) {
            JsonNode node = JSON.readTree(lines.get(i));
            assertEquals(i, node.get("seq").asInt());
            assertTrue(node.has("intent"));
        }
    }

    private static void write(OutputStream feed, int count) {
        String[] texts = {"je veux être remboursé", "how much is it?", "merciii 😍", "ma commande 12345 ?"};
        try (OutputStream o = feed) {
            for (int i = 0; i < count; i++) {
                o.write(("{\"seq\":" + i + ",\"text\":\"" + texts[i % texts.length] + "\"}\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> readAll(PipedInputStream results) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(results, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return lines;
    }
}
