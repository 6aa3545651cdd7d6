package dev.socialbridge.connector.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Typed reads of WhatsApp webhook JSON: absent and null members are null, members of the wrong shape throw
 * {@link Malformed} (the item is quarantined with that reason, its siblings are unaffected).
 */
final class WhatsAppJson {

    /** A webhook item that does not have the documented shape. Cheap: no stack trace. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private WhatsAppJson() {
    }

    /** A scalar member as text (numbers and booleans too), null when absent, null or empty. */
    static String text(JsonNode parent, String field) {
        JsonNode n = parent == null ? null : parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isValueNode()) {
            throw new Malformed(field + " is not a text value");
        }
        String s = n.asText();
        return s.isEmpty() ? null : s;
    }

    static String requireText(JsonNode parent, String field, String what) {
        String s = text(parent, field);
        if (s == null) {
            throw new Malformed(what + "." + field + " missing");
        }
        return s;
    }

    /** An object member, null when absent or null. */
    static JsonNode object(JsonNode parent, String field) {
        return member(parent, field, true);
    }

    /** An array member, null when absent or null. */
    static JsonNode array(JsonNode parent, String field) {
        return member(parent, field, false);
    }

    private static JsonNode member(JsonNode parent, String field, boolean object) {
        JsonNode n = parent == null ? null : parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (object ? !n.isObject() : !n.isArray()) {
            throw new Malformed(field + " is not " + (object ? "an object" : "an array"));
        }
        return n;
    }

    /** WhatsApp timestamps: epoch seconds, documented as strings, accepted as numbers too. */
    static Instant timestamp(JsonNode parent, String what) {
        String s = requireText(parent, "timestamp", what);
        try {
            return Instant.ofEpochSecond(Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            String shown = s.length() > 30 ? s.substring(0, 30) : s;
            throw new Malformed(what + ".timestamp is not epoch seconds: " + shown);
        }
    }

    /** The first 16 hex digits of SHA-256 of {@code s}: keys of items that carry no id of their own. */
    static String hash(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a mandatory JDK algorithm", e);
        }
    }
}
