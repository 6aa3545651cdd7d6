package dev.socialbridge.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;

/** The descriptor's JSON Schema (draft 2020-12); turns violations into "path: message" problems. */
final class DescriptorSchema {
    static final String RESOURCE = "descriptor/social-bridge.schema.json";

    private final JsonSchema schema;

    private DescriptorSchema(JsonSchema schema) {
        this.schema = schema;
    }

    /** Loads the schema shipped on the classpath. */
    static DescriptorSchema bundled() {
        try (InputStream in = DescriptorSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("descriptor schema not on the classpath: " + RESOURCE);
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).build();
            return new DescriptorSchema(
                    JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every violation of {@code document}, sorted by path; empty when it is valid. */
    List<String> problems(JsonNode document) {
        return schema.validate(document).stream()
                .map(DescriptorSchema::describe)
                .sorted(Comparator.naturalOrder())
                .distinct()
                .toList();
    }

    static String describe(ValidationMessage m) {
        String path = m.getInstanceLocation().toString();
        Object[] args = m.getArguments() == null ? new Object[0] : m.getArguments();
        String arg0 = args.length > 0 ? String.valueOf(args[0]) : "";
        return switch (m.getType()) {
            case "required" -> child(path, m.getProperty() != null ? m.getProperty() : arg0) + ": is required";
            case "additionalProperties" -> child(path, m.getProperty() != null ? m.getProperty() : arg0)
                    + ": is not allowed";
            case "minimum" -> path + ": must be >= " + arg0;
            case "maximum" -> path + ": must be <= " + arg0;
            case "enum" -> path + ": must be one of " + arg0.replaceAll("^\\[|]$|\"", "");
            case "type" -> path + ": must be " + (args.length > 1 ? args[1] : "?") + " but is " + arg0;
            case "minItems" -> path + ": must have at least " + arg0 + " item(s)";
            case "minLength" -> path + ": must be at least " + arg0 + " character(s) long";
            case "maxLength" -> path + ": must be at most " + arg0 + " characters long";
            case "pattern" -> path + ": must match " + arg0;
            case "uniqueItems" -> path + ": must not contain duplicates";
            default -> withoutPathPrefix(path, m.getMessage());
        };
    }

    private static String child(String path, String property) {
        return property.matches("[A-Za-z_$][A-Za-z0-9_$]*") ? path + "." + property : path + "['" + property + "']";
    }

    private static String withoutPathPrefix(String path, String message) {
        return message.startsWith(path + ": ") ? message : path + ": " + message;
    }
}
