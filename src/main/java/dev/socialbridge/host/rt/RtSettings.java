package dev.socialbridge.host.rt;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings of the RT host ({@code socialbridge.host.rt.*}, prefix stripped). {@link #toString()} never
 * shows the token or password.
 */
public final class RtSettings {
    public static final String PREFIX = "socialbridge.host.rt.";
    /** Web root of RT, e.g. {@code https://rt.example.com}; REST2 is at {@code <base-url>/REST/2.0}. */
    public static final String BASE_URL = "base-url";
    /** Auth token of the API user (preferred). Secret. */
    public static final String TOKEN = "token";
    /** User name for basic auth, used when no token is set. */
    public static final String USER = "user";
    /** Password for basic auth. Secret. */
    public static final String PASSWORD = "password";
    /** Timeout of one request in milliseconds (default 10000). */
    public static final String TIMEOUT_MS = "timeout-ms";
    /** {@code auto} (default) runs the perl apply helper when RT is installed locally; {@code off} never does. */
    public static final String APPLY_HELPER = "apply-helper";
    /** Every key this host reads. */
    public static final List<String> KEYS = List.of(BASE_URL, TOKEN, USER, PASSWORD, TIMEOUT_MS, APPLY_HELPER);

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern TOKEN_USER_ID = Pattern.compile("^\\d+-(\\d+)-");

    private final URI baseUrl;
    private final String token;
    private final String user;
    private final String password;
    private final Duration timeout;
    private final boolean applyHelperAuto;

    private RtSettings(Map<String, String> settings) {
        this.baseUrl = URI.create(normalizeBaseUrl(value(settings, BASE_URL)));
        this.token = value(settings, TOKEN);
        this.user = value(settings, USER);
        this.password = value(settings, PASSWORD);
        String timeoutMs = value(settings, TIMEOUT_MS);
        this.timeout = timeoutMs == null ? DEFAULT_TIMEOUT : Duration.ofMillis(Long.parseLong(timeoutMs));
        this.applyHelperAuto = !"off".equals(value(settings, APPLY_HELPER));
    }

    /** Parses validated settings. @throws IllegalArgumentException listing every problem */
    public static RtSettings from(Map<String, String> settings) {
        List<String> problems = new ArrayList<>();
        validate(settings, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid RT settings: " + String.join("; ", problems));
        }
        return new RtSettings(settings);
    }

    /** Appends one problem per invalid setting, each starting with the full config key. */
    public static void validate(Map<String, String> settings, List<String> problems) {
        validateBaseUrl(value(settings, BASE_URL), problems);
        validateCredentials(settings, problems);
        String timeoutMs = value(settings, TIMEOUT_MS);
        if (timeoutMs != null && !timeoutMs.matches("[1-9][0-9]{0,8}")) {
            problems.add(PREFIX + TIMEOUT_MS + ": must be a positive number of milliseconds");
        }
        String helper = value(settings, APPLY_HELPER);
        if (helper != null && !helper.equals("auto") && !helper.equals("off")) {
            problems.add(PREFIX + APPLY_HELPER + ": must be auto or off");
        }
    }

    private static void validateBaseUrl(String baseUrl, List<String> problems) {
        if (baseUrl == null) {
            problems.add(PREFIX + BASE_URL + ": is required (the web root of RT, e.g. https://rt.example.com)");
            return;
        }
        try {
            URI uri = URI.create(baseUrl);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                problems.add(PREFIX + BASE_URL + ": must be an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            problems.add(PREFIX + BASE_URL + ": must be an http(s) URL");
        }
    }

    private static void validateCredentials(Map<String, String> settings, List<String> problems) {
        if (value(settings, TOKEN) != null) {
            return;
        }
        boolean hasUser = value(settings, USER) != null;
        boolean hasPassword = value(settings, PASSWORD) != null;
        if (!hasUser && !hasPassword) {
            problems.add(PREFIX + TOKEN + ": is required (or set " + PREFIX + USER + " and " + PREFIX + PASSWORD + ")");
        } else if (!hasPassword) {
            problems.add(PREFIX + PASSWORD + ": is required when " + PREFIX + USER + " is set and no token is");
        } else if (!hasUser) {
            problems.add(PREFIX + USER + ": is required when " + PREFIX + PASSWORD + " is set and no token is");
        }
    }

    private static String value(Map<String, String> settings, String key) {
        String v = settings.get(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** Accepts the web root with or without a trailing slash or {@code /REST/2.0}. */
    private static String normalizeBaseUrl(String url) {
        String u = url.replaceAll("/+$", "");
        return u.endsWith("/REST/2.0") ? u.substring(0, u.length() - "/REST/2.0".length()) : u;
    }

    /** RT web root without trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    public Duration timeout() {
        return timeout;
    }

    boolean applyHelperAuto() {
        return applyHelperAuto;
    }

    boolean usesToken() {
        return token != null;
    }

    /** Value of the {@code Authorization} header. Contains the secret: never log it. */
    String authorization() {
        if (token != null) {
            return "token " + token;
        }
        String pair = user + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** Full key of the credential an admin must fix when RT answers 401. */
    String credentialKey() {
        return PREFIX + (token != null ? TOKEN : PASSWORD);
    }

    /** How to address the API user in {@code GET /user/<ref>}: its name, or its id taken from the token. */
    Optional<String> apiUserRef() {
        if (token == null) {
            return Optional.of(user);
        }
        Matcher m = TOKEN_USER_ID.matcher(token);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "RtSettings[baseUrl=" + baseUrl + ", auth=" + (token != null ? "token" : "basic(" + user + ")")
                + ", timeout=" + timeout.toMillis() + "ms, applyHelper=" + (applyHelperAuto ? "auto" : "off") + "]";
    }
}
