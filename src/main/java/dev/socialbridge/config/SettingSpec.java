package dev.socialbridge.config;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One setting of a connector or host, declared once as data: key, type, default, documentation, whether it is
 * secret or required, and how a value is validated. The README settings table, the example
 * {@code application.properties} and the descriptor's settings list are generated from these declarations.
 *
 * <p>{@link #key()} is relative to the owner's prefix ({@code socialbridge.telegram.}) and may hold one
 * {@value #NAME} segment for keyed instances ({@code bots.<name>.token}): the admin picks the name. A required
 * keyed setting is required for every instance that has any setting. Immutable; build with the static
 * factories and the {@code with*} methods.
 *
 * @param key          relative key, kebab-case, at most one {@value #NAME} segment
 * @param type         value type, which decides validation
 * @param defaultValue the default as written in a properties file, or null
 * @param required     must be set (for keyed settings: in every instance)
 * @param secret       never logged or shown; no default allowed
 * @param doc          one-line documentation
 * @param example      example value for the generated {@code application.properties}, or null
 * @param choices      allowed values of an {@link Type#ENUM}, else empty
 * @param pattern      regex a value must match (after its type check), or null
 * @param patternHint  what the pattern means, for the problem message
 */
public record SettingSpec(String key, Type type, String defaultValue, boolean required, boolean secret, String doc,
                          String example, List<String> choices, Pattern pattern, String patternHint) {

    /** The placeholder of an admin-chosen instance name in a keyed setting. */
    public static final String NAME = "<name>";
    /** What an instance name may look like. */
    public static final Pattern INSTANCE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(\\.([a-z0-9]+(-[a-z0-9]+)*|<name>))*");

    /** Value types. */
    public enum Type {
        STRING, INTEGER, BOOLEAN, DURATION, URL, ENUM;

        /** The type name the descriptor uses. */
        public String descriptorName(boolean secret) {
            if (secret) {
                return "secret";
            }
            return switch (this) {
                case INTEGER -> "integer";
                case BOOLEAN -> "boolean";
                case DURATION -> "duration";
                case URL -> "url";
                default -> "string";
            };
        }
    }

    public SettingSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(doc, "doc");
        choices = List.copyOf(choices);
        if (!KEY.matcher(key).matches() || key.indexOf(NAME) != key.lastIndexOf(NAME)) {
            throw new IllegalArgumentException("bad setting key " + key);
        }
        if (secret && defaultValue != null) {
            throw new IllegalArgumentException("secret setting " + key + " must not have a default");
        }
        if (defaultValue != null && problem(defaultValue, key, type, choices, pattern, patternHint).isPresent()) {
            throw new IllegalArgumentException("default of " + key + " is invalid: " + defaultValue);
        }
    }

    public static SettingSpec string(String key, String doc) {
        return new SettingSpec(key, Type.STRING, null, false, false, doc, null, List.of(), null, null);
    }

    public static SettingSpec integer(String key, String doc) {
        return new SettingSpec(key, Type.INTEGER, null, false, false, doc, null, List.of(), null, null);
    }

    public static SettingSpec bool(String key, String doc) {
        return new SettingSpec(key, Type.BOOLEAN, null, false, false, doc, null, List.of(), null, null);
    }

    public static SettingSpec duration(String key, String doc) {
        return new SettingSpec(key, Type.DURATION, null, false, false, doc, null, List.of(), null, null);
    }

    public static SettingSpec url(String key, String doc) {
        return new SettingSpec(key, Type.URL, null, false, false, doc, null, List.of(), null, null);
    }

    public static SettingSpec oneOf(String key, List<String> choices, String doc) {
        return new SettingSpec(key, Type.ENUM, null, false, false, doc, null, choices, null, null);
    }

    /** A secret string (token, password); required unless made optional by the owner's own check. */
    public static SettingSpec secret(String key, String doc) {
        return new SettingSpec(key, Type.STRING, null, false, true, doc, null, List.of(), null, null);
    }

    public SettingSpec withDefault(String value) {
        return new SettingSpec(key, type, value, required, secret, doc, example, choices, pattern, patternHint);
    }

    /** The same setting, required. */
    public SettingSpec mandatory() {
        return new SettingSpec(key, type, defaultValue, true, secret, doc, example, choices, pattern, patternHint);
    }

    public SettingSpec withExample(String value) {
        return new SettingSpec(key, type, defaultValue, required, secret, doc, value, choices, pattern, patternHint);
    }

    /** A value that must also match {@code regex}; {@code hint} says what that means. */
    public SettingSpec matching(String regex, String hint) {
        return new SettingSpec(key, type, defaultValue, required, secret, doc, example, choices, Pattern.compile(regex), hint);
    }

    /** True when the key holds a {@value #NAME} segment. */
    public boolean keyed() {
        return key.contains(NAME);
    }

    /** The part before {@value #NAME} ({@code bots.} for {@code bots.<name>.token}), or "" when not keyed. */
    public String group() {
        return keyed() ? key.substring(0, key.indexOf(NAME)) : "";
    }

    /** The part after {@value #NAME} ({@code .token}), or the whole key when not keyed. */
    public String attribute() {
        return keyed() ? key.substring(key.indexOf(NAME) + NAME.length()) : key;
    }

    /** The instance name when {@code relativeKey} is this keyed setting of some instance, else empty. */
    public Optional<String> instanceOf(String relativeKey) {
        if (!keyed()) {
            return Optional.empty();
        }
        String group = group();
        String attribute = attribute();
        if (!relativeKey.startsWith(group) || !relativeKey.endsWith(attribute)
                || relativeKey.length() <= group.length() + attribute.length()) {
            return Optional.empty();
        }
        String name = relativeKey.substring(group.length(), relativeKey.length() - attribute.length());
        return INSTANCE_NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }

    /** Whether {@code relativeKey} is this setting (of some instance, when keyed). */
    public boolean matches(String relativeKey) {
        return keyed() ? instanceOf(relativeKey).isPresent() : key.equals(relativeKey);
    }

    /** Why {@code value} is not valid for this setting ({@code "must be ..."}), or empty when it is. */
    public Optional<String> problem(String value) {
        return problem(value, key, type, choices, pattern, patternHint);
    }

    private static Optional<String> problem(String value, String key, Type type, List<String> choices, Pattern pattern,
                                            String hint) {
        String v = value.trim();
        Optional<String> typed = switch (type) {
            case STRING -> Optional.empty();
            case INTEGER -> v.matches("-?[0-9]{1,18}") ? Optional.empty() : Optional.of("must be a whole number");
            case BOOLEAN -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") ? Optional.empty()
                    : Optional.of("must be true or false");
            case DURATION -> duration(v) != null ? Optional.empty()
                    : Optional.of("must be an ISO-8601 duration such as PT30S");
            case URL -> isHttpUrl(v) ? Optional.empty() : Optional.of("must be an http(s) URL");
            case ENUM -> choices.contains(v.toLowerCase(Locale.ROOT)) ? Optional.empty()
                    : Optional.of("must be one of " + String.join(", ", choices));
        };
        if (typed.isPresent() || pattern == null || pattern.matcher(v).matches()) {
            return typed;
        }
        return Optional.of("must be " + (hint != null ? hint : "like " + pattern.pattern()));
    }

    static Duration duration(String v) {
        try {
            Duration d = Duration.parse(v);
            return d.isNegative() ? null : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isHttpUrl(String v) {
        try {
            URI u = URI.create(v);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "SettingSpec[" + key + " " + type + (required ? " required" : "") + (secret ? " secret" : "")
                + (defaultValue != null ? " default=" + defaultValue : "") + "]";
    }
}
