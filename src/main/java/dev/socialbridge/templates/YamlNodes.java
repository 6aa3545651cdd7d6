package dev.socialbridge.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * Reading automation YAML files into trees and typed values, adding a problem (prefixed by the
 * location, e.g. {@code "rules.yaml: rule 'x' (#2): when.minConfidence"}) instead of throwing, so
 * that a file is reported with all its problems at once. Duplicate keys are an error.
 */
public final class YamlNodes {

    private static final ObjectMapper YAML = new ObjectMapper(
            YAMLFactory.builder().enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private YamlNodes() {
    }

    /** The parsed file, or null after adding a problem naming the file. */
    public static JsonNode read(Path file, List<String> problems) {
        String name = String.valueOf(file.getFileName());
        try (InputStream in = Files.newInputStream(file)) {
            return read(name, in, problems);
        } catch (IOException e) {
            problems.add(name + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            return null;
        }
    }

    /** The parsed stream, or null after adding a problem naming {@code name}. */
    public static JsonNode read(String name, InputStream in, List<String> problems) {
        try {
            JsonNode root = YAML.readTree(in);
            if (root == null || root.isMissingNode() || root.isNull()) {
                problems.add(name + ": file is empty");
                return null;
            }
            return root;
        } catch (IOException e) {
            problems.add(name + ": not valid YAML: " + summary(e) + location(e));
            return null;
        }
    }

    /** Adds a problem for every key of {@code object} not in {@code allowed}. */
    public static void rejectUnknownKeys(JsonNode object, Collection<String> allowed, String where, String what,
                                         List<String> problems) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                problems.add(where + key + ": unknown " + what + " (expected one of " + String.join(", ", allowed) + ")");
            }
        }
    }

    /** A scalar string, or a list of them, as a non-empty list; null after a problem. */
    public static List<String> strings(JsonNode node, String where, List<String> problems) {
        List<String> out = new ArrayList<>();
        if (node.isValueNode() && !node.isNull()) {
            out.add(node.asText());
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isValueNode() || item.isNull()) {
                    problems.add(where + ": expected a list of strings, found " + describe(item) + " in the list");
                    return null;
                }
                out.add(item.asText());
            }
        } else {
            problems.add(where + ": expected a string or a list of strings, found " + describe(node));
            return null;
        }
        if (out.isEmpty() || out.stream().anyMatch(String::isBlank)) {
            problems.add(where + ": expected non-empty strings");
            return null;
        }
        return out;
    }

    /** A non-blank scalar string, or null after a problem. */
    public static String text(JsonNode node, String where, List<String> problems) {
        if (!node.isTextual() && !node.isNumber()) {
            problems.add(where + ": expected a string, found " + describe(node));
            return null;
        }
        if (node.asText().isBlank()) {
            problems.add(where + ": must not be blank");
            return null;
        }
        return node.asText();
    }

    /** A boolean, or null after a problem. */
    public static Boolean bool(JsonNode node, String where, List<String> problems) {
        if (!node.isBoolean()) {
            problems.add(where + ": expected true or false, found " + describe(node));
            return null;
        }
        return node.booleanValue();
    }

    /** An integer in [min, max], or null after a problem. */
    public static Long integer(JsonNode node, long min, long max, String where, List<String> problems) {
        if (!node.isIntegralNumber()) {
            problems.add(where + ": expected a whole number, found " + describe(node));
            return null;
        }
        return inRange(node.longValue(), min, max, where, problems) ? node.longValue() : null;
    }

    /** A number in [min, max], or null after a problem. */
    public static Double number(JsonNode node, double min, double max, String where, List<String> problems) {
        if (!node.isNumber()) {
            problems.add(where + ": expected a number, found " + describe(node));
            return null;
        }
        return inRange(node.doubleValue(), min, max, where, problems) ? node.doubleValue() : null;
    }

    /** A short description of a node for messages: {@code "a list"}, {@code "'abc'"}... */
    public static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isNull()) {
            return "nothing (null)";
        }
        return node.isTextual() ? "'" + node.asText() + "'" : node.asText();
    }

    private static boolean inRange(double v, double min, double max, String where, List<String> problems) {
        if (v < min || v > max) {
            String expected = max >= 9.0e15 ? "at least " + fmt(min) : fmt(min) + " to " + fmt(max);
            problems.add(where + ": " + fmt(v) + " is out of range (expected " + expected + ")");
            return false;
        }
        return true;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The parser's explanation without its source excerpts ("while parsing ...; expected ..."). */
    private static String summary(IOException e) {
        String msg = String.valueOf(e.getMessage());
        return String.join("; ", msg.lines()
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .toList());
    }

    private static String location(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
            return " (line " + jpe.getLocation().getLineNr() + ", column " + jpe.getLocation().getColumnNr() + ")";
        }
        return "";
    }
}
