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
import dev.socialbridge.config.SettingSpec;
import dev.socialbridge.config.SettingValues;

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
    /** Timeout of one request in milliseconds. */
    public static final String TIMEOUT_MS = "timeout-ms";
    /** {@code auto} runs the perl apply helper when RT is installed locally; {@code off} never does. */
    public static final String APPLY_HELPER = "apply-helper";
    /** Auth token of the RT user that automated replies are recorded as. Secret, optional. */
    public static final String BOT_TOKEN = "bot-token";
    /** Key the contacts' RT passwords are derived from. Secret, optional. */
    public static final String CONTACT_KEY = "contact-key";
    /** RT group of the contacts' users, holding their rights on the social queues; {@code none}: the API user writes. */
    public static final String CONTACT_GROUP = "contact-group";

    /** Prefix of the role groups ({@code <prefix> Sales / Support / Admins}) and their views; {@code none}: no role views. */
    public static final String ROLE_GROUPS = "role-groups";

    /** Every setting of the RT host, declared once. */
    public static final List<SettingSpec> SPECS = List.of(
            SettingSpec.url(BASE_URL, "RT base URL, e.g. `http://127.0.0.1:8089` (without /REST/2.0)").mandatory()
                    .withExample("http://127.0.0.1:8089"),
            SettingSpec.secret(TOKEN, "RT auth token of the API user (preferred); or user + password"),
            SettingSpec.string(USER, "RT user (with password)"),
            SettingSpec.secret(PASSWORD, "RT password"),
            SettingSpec.integer(TIMEOUT_MS, "timeout of RT calls, in milliseconds").withDefault("15000")
                    .matching("[1-9][0-9]{0,8}", "a positive number of milliseconds"),
            SettingSpec.oneOf(APPLY_HELPER, List.of("auto", "off"), "`auto`: apply user/transaction custom fields through"
                    + " RT's perl API when RT is local; `off`: print the command").withDefault("auto"),
            SettingSpec.secret(BOT_TOKEN, "auth token of a dedicated RT user (e.g. social-bot) that automated replies are"
                    + " recorded as, so the ticket shows what the bot told the customer as correspondence; without it they"
                    + " are recorded as comments"),
            SettingSpec.string(CONTACT_GROUP, "RT group of the users that stand for social contacts: `install` creates it"
                    + " and grants it the right to write in the social queues (perl helper), so that each customer message"
                    + " is written by the customer's own RT user; `none`: customer messages are written by the API user")
                    .withDefault("Social Contacts"),
            SettingSpec.secret(CONTACT_KEY, "key the contacts' RT passwords are derived from (HMAC-SHA256 per user name; the"
                    + " passwords are never stored); default: derived from the API user's credential, so rotating that"
                    + " token makes contacts created before write through the API user again"),
            SettingSpec.string(ROLE_GROUPS, "prefix of the RT groups `install` creates for each role (`<prefix> Sales`,"
                    + " `<prefix> Support`, `<prefix> Admins`) with least-privilege rights on the social queues and their"
                    + " saved searches and dashboards (perl helper); `none`: no role groups")
                    .withDefault("Social"));

    private static final Pattern TOKEN_USER_ID = Pattern.compile("^\\d+-(\\d+)-");

    private final URI baseUrl;
    private final String token;
    private final String user;
    private final String password;
    private final Duration timeout;
    private final boolean applyHelperAuto;
    private final String botToken;
    private final String contactGroup;
    private final String contactKey;
    private final String roleGroups;

    private RtSettings(SettingValues settings) {
        this.baseUrl = URI.create(normalizeBaseUrl(settings.get(BASE_URL)));
        this.token = settings.value(TOKEN).orElse(null);
        this.user = settings.value(USER).orElse(null);
        this.password = settings.value(PASSWORD).orElse(null);
        this.timeout = Duration.ofMillis(settings.getLong(TIMEOUT_MS));
        this.applyHelperAuto = !"off".equals(settings.get(APPLY_HELPER));
        this.botToken = settings.value(BOT_TOKEN).orElse(null);
        this.contactGroup = Optional.ofNullable(settings.get(CONTACT_GROUP)).map(String::strip)
                .filter(g -> !g.isEmpty() && !"none".equalsIgnoreCase(g)).orElse(null);
        this.contactKey = settings.value(CONTACT_KEY).orElse(null);
        this.roleGroups = Optional.ofNullable(settings.get(ROLE_GROUPS)).map(String::strip)
                .filter(g -> !g.isEmpty() && !"none".equalsIgnoreCase(g)).orElse(null);
    }

    private RtSettings(RtSettings other, String token) {
        this.baseUrl = other.baseUrl;
        this.token = token;
        this.user = null;
        this.password = null;
        this.timeout = other.timeout;
        this.applyHelperAuto = other.applyHelperAuto;
        this.botToken = null;
        this.contactGroup = null;
        this.contactKey = null;
        this.roleGroups = null;
    }

    /** The contacts' RT group, unless customer messages are written by the API user. */
    Optional<String> contactGroup() {
        return Optional.ofNullable(contactGroup);
    }

    /** Prefix of the role groups, unless role views are off. */
    Optional<String> roleGroups() {
        return Optional.ofNullable(roleGroups);
    }

    /** Secret the contacts' passwords are derived from: the contact key, else the API user's credential. */
    byte[] contactSecret() {
        String secret = contactKey != null ? contactKey : "api-credential:" + authorization();
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The settings of the bot user (same RT, its own token), when a bot token is configured. */
    Optional<RtSettings> bot() {
        return botToken == null ? Optional.empty() : Optional.of(new RtSettings(this, botToken));
    }

    /** Parses the settings. @throws IllegalArgumentException listing every problem */
    public static RtSettings from(SettingValues settings) {
        List<String> problems = new ArrayList<>(settings.problems());
        validate(settings, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid RT settings: " + String.join("; ", problems));
        }
        return new RtSettings(settings);
    }

    /** {@link #from(SettingValues)} from a map of relative keys (tests, tools). */
    public static RtSettings from(Map<String, String> relative) {
        return from(values(relative));
    }

    /** The settings from a map of relative keys (tests, tools). */
    public static SettingValues values(Map<String, String> relative) {
        return SettingValues.of(PREFIX, SPECS, relative);
    }

    /**
     * Appends the problems the declarations cannot see (a token, or a user and a password), each starting with the
     * full config key.
     */
    public static void validate(SettingValues settings, List<String> problems) {
        if (settings.value(TOKEN).isPresent()) {
            return;
        }
        boolean hasUser = settings.value(USER).isPresent();
        boolean hasPassword = settings.value(PASSWORD).isPresent();
        if (!hasUser && !hasPassword) {
            problems.add(PREFIX + TOKEN + ": is required (or set " + PREFIX + USER + " and " + PREFIX + PASSWORD + ")");
        } else if (!hasPassword) {
            problems.add(PREFIX + PASSWORD + ": is required when " + PREFIX + USER + " is set and no token is");
        } else if (!hasUser) {
            problems.add(PREFIX + USER + ": is required when " + PREFIX + PASSWORD + " is set and no token is");
        }
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
