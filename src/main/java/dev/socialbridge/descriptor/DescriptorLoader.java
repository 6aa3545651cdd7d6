package dev.socialbridge.descriptor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the plugin descriptor: JSON Schema validation first, then the semantic rules; either step
 * throws a {@link DescriptorException} listing every problem with its JSON path.
 */
public final class DescriptorLoader {
    /** Classpath location of the bundled descriptor (the build copies {@code descriptor/} into the jar). */
    public static final String RESOURCE = "descriptor/social-bridge.json";
    /** Classpath location of its JSON Schema. */
    public static final String SCHEMA_RESOURCE = DescriptorSchema.RESOURCE;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false) // "$schema"; the schema is the gate
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private static volatile DescriptorSchema schema;

    private DescriptorLoader() {
    }

    /** Loads and validates the descriptor file at {@code path}. */
    public static Descriptor load(Path path) {
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
        } catch (IOException e) {
            throw new DescriptorException(path.toString(), List.of("$: cannot read file: " + e.getMessage()));
        }
    }

    /** Loads and validates the descriptor bundled on the classpath ({@value #RESOURCE}). */
    public static Descriptor fromClasspath() {
        try (InputStream in = DescriptorLoader.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new DescriptorException("classpath:" + RESOURCE, List.of("$: resource not found"));
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + RESOURCE);
        } catch (IOException e) {
            throw new DescriptorException("classpath:" + RESOURCE, List.of("$: cannot read: " + e.getMessage()));
        }
    }

    /**
     * Validates and maps a descriptor document.
     *
     * @param json   the document
     * @param source where it came from, for the exception message
     */
    public static Descriptor parse(String json, String source) {
        JsonNode document = readTree(json, source);
        List<String> schemaProblems = schema().problems(document);
        if (!schemaProblems.isEmpty()) {
            throw new DescriptorException(source, schemaProblems);
        }
        Descriptor descriptor = JSON.convertValue(document, Descriptor.class);
        List<String> ruleProblems = DescriptorRules.check(descriptor);
        if (!ruleProblems.isEmpty()) {
            throw new DescriptorException(source, ruleProblems);
        }
        return descriptor;
    }

    /** Serializes a descriptor to the same JSON format {@link #parse} reads. */
    public static String toJson(Descriptor descriptor) {
        try {
            return JSON.writeValueAsString(descriptor);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize descriptor", e);
        }
    }

    private static JsonNode readTree(String json, String source) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new DescriptorException(source, List.of("$: empty document"));
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new DescriptorException(source, List.of("$: not valid JSON" + where + ": " + e.getOriginalMessage()));
        }
    }

    private static DescriptorSchema schema() {
        DescriptorSchema loaded = schema;
        if (loaded == null) {
            loaded = DescriptorSchema.bundled();
            schema = loaded;
        }
        return loaded;
    }
}
