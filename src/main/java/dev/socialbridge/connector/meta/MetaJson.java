package dev.socialbridge.connector.meta;

import com.fasterxml.jackson.databind.JsonNode;

/** Tree-access helpers for Meta webhook payloads: ids may be strings or numbers, flags strings or booleans. */
final class MetaJson {

    private MetaJson() {
    }

    /** A malformed item: carries the quarantine reason. No stack trace (it is control flow on the hot path). */
    static final class MalformedItem extends RuntimeException {
        MalformedItem(String reason) {
            super(reason, null, false, false);
        }
    }

    static MalformedItem malformed(String reason) {
        return new MalformedItem(reason);
    }

    /** An id-like value: a string, or an integral JSON number rendered as a string; null when absent, null or "". */
    static String id(JsonNode parent, String field, String path) {
        JsonNode n = parent == null ? null : parent.get(field);
        return idValue(n, path);
    }

    static String idValue(JsonNode n, String path) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isTextual()) {
            String s = n.textValue();
            return s.isEmpty() ? null : s;
        }
        if (n.isIntegralNumber()) {
            return n.asText();
        }
        throw malformed(path + " has wrong type " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }

    static String requireId(JsonNode parent, String field, String path) {
        String v = id(parent, field, path);
        if (v == null) {
            throw malformed(path + " missing");
        }
        return v;
    }

    /** A text value (numbers and booleans rendered as text); null when absent; objects/arrays are malformed. */
    static String text(JsonNode parent, String field, String path) {
        JsonNode n = parent == null ? null : parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isValueNode()) {
            return n.asText();
        }
        throw malformed(path + " is not a text value");
    }

    /** An object member; null when absent or null; any other type is malformed. */
    static JsonNode object(JsonNode parent, String field, String path) {
        JsonNode n = parent == null ? null : parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw malformed(path + " is not an object");
        }
        return n;
    }

    static JsonNode requireObject(JsonNode parent, String field, String path) {
        JsonNode n = object(parent, field, path);
        if (n == null) {
            throw malformed(path + " missing");
        }
        return n;
    }

    /** An array member; null when absent or null; any other type is malformed. */
    static JsonNode array(JsonNode parent, String field, String path) {
        JsonNode n = parent == null ? null : parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw malformed(path + " is not an array");
        }
        return n;
    }

    /** True for JSON {@code true} or the string {@code "true"} (Meta documents every property as a string). */
    static boolean flag(JsonNode parent, String field) {
        JsonNode n = parent == null ? null : parent.get(field);
        if (n == null) {
            return false;
        }
        return n.isBoolean() ? n.booleanValue() : n.isTextual() && "true".equalsIgnoreCase(n.textValue());
    }
}
