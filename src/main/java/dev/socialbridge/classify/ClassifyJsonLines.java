package dev.socialbridge.classify;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Classifies a JSON Lines stream: each input line {@code {"text": "...", ...}} becomes one output line with the
 * input's fields, in their order, plus {@code lang}, {@code intent}, {@code intent_confidence}, {@code sentiment}
 * and {@code sentiment_score} (overwriting fields of those names). A line that is not a JSON object or has no
 * string {@code text} yields {@code {"line": N, "error": "..."}} and processing goes on. Streams line by line
 * with bounded memory; output is flushed whenever the input has nothing more ready.
 */
public final class ClassifyJsonLines {
    private static final int BUFFER = 1 << 16;

    private final Classifier classifier;
    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    public ClassifyJsonLines(Classifier classifier) {
        this.classifier = classifier;
    }

    /**
     * Reads UTF-8 JSON Lines from {@code in} until end of stream and writes one line per input line to
     * {@code out} (flushed, not closed).
     *
     * @return 0 if every line was classified, 1 if at least one line was reported as an error
     * @throws IOException if reading or writing fails
     */
    public int run(InputStream in, OutputStream out) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER);
        JsonGenerator generator = json.getFactory().createGenerator(new BufferedOutputStream(out, BUFFER));
        generator.setRootValueSeparator(null);
        boolean allFine = true;
        String line;
        long number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            Outcome outcome = process(line, number);
            allFine &= outcome.classified();
            json.writeTree(generator, outcome.node());
            generator.writeRaw('\n');
            if (!reader.ready()) {
                generator.flush();
            }
        }
        generator.flush();
        return allFine ? 0 : 1;
    }

    private record Outcome(ObjectNode node, boolean classified) {
    }

    private Outcome process(String line, long number) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            return error(number, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode()) {
            return error(number, "empty line, expected a JSON object");
        }
        if (!node.isObject()) {
            return error(number, "expected a JSON object, got " + node.getNodeType().name().toLowerCase());
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            return error(number, text == null ? "no \"text\" field" : "\"text\" is not a string");
        }
        Classification c = classifier.classify(text.asText());
        return new Outcome(((ObjectNode) node).put("lang", c.lang()).put("intent", c.intent())
                .put("intent_confidence", round(c.intentConfidence())).put("sentiment", c.sentiment())
                .put("sentiment_score", round(c.sentimentScore())), true);
    }

    private Outcome error(long number, String problem) {
        return new Outcome(json.createObjectNode().put("line", number).put("error", "line " + number + ": " + problem),
                false);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
