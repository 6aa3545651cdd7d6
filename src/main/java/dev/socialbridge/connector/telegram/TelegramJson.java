package dev.socialbridge.connector.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.interaction.Author;

/** Typed reads of Bot API objects; a field of the wrong type is a {@link Malformed} item, never a crash. */
final class TelegramJson {
    private TelegramJson() {
    }

    /** The item cannot be read; its message names the field. Cheap (no stack trace). */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** An optional object field, or null. */
    static JsonNode object(JsonNode parent, String field, String path) {
        JsonNode n = parent == null ? null : parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw new Malformed(path + "." + field + " is not an object");
        }
        return n;
    }

    static JsonNode requireObject(JsonNode parent, String field, String path) {
        JsonNode n = object(parent, field, path);
        if (n == null) {
            throw new Malformed(path + "." + field + " is missing");
        }
        return n;
    }

    /** An optional array field, or null. */
    static JsonNode array(JsonNode parent, String field, String path) {
        JsonNode n = parent == null ? null : parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw new Malformed(path + "." + field + " is not an array");
        }
        return n;
    }

    /** An optional integer field, or null. */
    static Long integer(JsonNode parent, String field, String path) {
        JsonNode n = parent == null ? null : parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new Malformed(path + "." + field + " is not an integer");
        }
        return n.longValue();
    }

    static long requireInteger(JsonNode parent, String field, String path) {
        Long v = integer(parent, field, path);
        if (v == null) {
            throw new Malformed(path + "." + field + " is missing");
        }
        return v;
    }

    /** An optional string field, or null. */
    static String text(JsonNode parent, String field, String path) {
        JsonNode n = parent == null ? null : parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new Malformed(path + "." + field + " is not a string");
        }
        return n.textValue();
    }

    static String requireText(JsonNode parent, String field, String path) {
        String v = text(parent, field, path);
        if (v == null) {
            throw new Malformed(path + "." + field + " is missing");
        }
        return v;
    }

    static boolean flag(JsonNode parent, String field) {
        JsonNode n = parent == null ? null : parent.get(field);
        return n != null && n.asBoolean(false);
    }

    /** A {@code User}: id, @username, first + last name. */
    static Author user(JsonNode user, String path) {
        long id = requireInteger(user, "id", path);
        String first = text(user, "first_name", path);
        String last = text(user, "last_name", path);
        String name = first == null ? last : last == null ? first : first + " " + last;
        return new Author(Long.toString(id), text(user, "username", path), name, null, false);
    }

    /** A {@code Chat} speaking for itself (anonymous group admins, channels): id, @username, title. */
    static Author chat(JsonNode chat, String path) {
        long id = requireInteger(chat, "id", path);
        return new Author(Long.toString(id), text(chat, "username", path), text(chat, "title", path), null, false);
    }
}
