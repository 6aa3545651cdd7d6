package dev.socialbridge.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A configured secret (token, password, app secret). Its {@link #toString()} never shows the value,
 * so it cannot leak through logs, error messages or a config dump.
 */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The secret itself; call only where it is sent to the system that needs it. */
    public String reveal() {
        return value;
    }

    /** Constant-time comparison with a candidate (e.g. a bearer token from a request). */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    public int length() {
        return value.length();
    }

    @Override
    public String toString() {
        return "****";
    }
}
