package dev.socialbridge.resources;

import dev.socialbridge.config.Secret;
import dev.socialbridge.host.spi.HostException;
import dev.socialbridge.host.spi.HostSessions;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may read the report page ({@code /admin/reports}), in this order: the admin token as a bearer header (API
 * clients), the report's own sign-in cookie (a browser that entered the admin token once in the sign-in form), or a
 * host (RT) web session whose user is privileged and a SuperUser or a member of one of the allowed groups. Tokens and
 * MACs are compared in constant time; the host's positive answers are kept {@link #HOST_ANSWER_TTL}, keyed by a
 * SHA-256 of the session cookies (never the cookies themselves). Nothing secret is logged.
 */
public final class ReportAccess {
    /** The sign-in cookie: {@code <expiry epoch seconds>.<base64url HMAC-SHA256(admin token, "reports:" + expiry)>}. */
    public static final String COOKIE = "sb_reports";
    /** How long a token sign-in lasts. */
    public static final Duration COOKIE_TTL = Duration.ofHours(8);
    /** How long the host's "yes, this session may read the reports" is trusted without asking again. */
    public static final Duration HOST_ANSWER_TTL = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(ReportAccess.class);
    private static final String BEARER = "Bearer ";
    private static final int MAX_CACHED = 10_000;

    private final Secret token;
    private final HostSessions sessions;
    private final List<String> groups;
    private final Clock clock;
    private final Map<String, Cached> answers = new ConcurrentHashMap<>();

    /**
     * @param token    the admin token, or null (then only host sessions are accepted)
     * @param sessions the host's web sessions, or null when the host has none
     * @param groups   the host groups whose (privileged) members may read the reports
     */
    public ReportAccess(Secret token, HostSessions sessions, List<String> groups, Clock clock) {
        this.token = token;
        this.sessions = sessions;
        this.groups = List.copyOf(groups);
        this.clock = clock;
    }

    private record Cached(String user, Instant until) { }

    /** The allowed host groups, for the sign-in page. */
    public List<String> groups() {
        return groups;
    }

    /** How a visitor got in. */
    public enum Via { TOKEN, COOKIE, HOST_SESSION }

    /**
     * The answer for one request.
     *
     * @param status   200 allowed, 401 not signed in, 403 signed in to the host as a user who may not read the reports
     * @param who      who is signed in ({@code admin}, or the host user's name); null when no one is
     * @param via      how, when allowed
     */
    public record Decision(int status, String who, Via via) {
        public boolean allowed() {
            return status == 200;
        }
    }

    /**
     * Decides for a request.
     *
     * @param authorization the {@code Authorization} header, or null
     * @param cookies       the request's cookies by name
     */
    public Decision check(String authorization, Map<String, String> cookies) {
        if (token != null && authorization != null && authorization.startsWith(BEARER)
                && token.matches(authorization.substring(BEARER.length()).trim())) {
            return new Decision(200, "admin", Via.TOKEN);
        }
        String cookie = cookies.get(COOKIE);
        if (cookie != null && validCookie(cookie)) {
            return new Decision(200, "admin", Via.COOKIE);
        }
        return hostSession(cookies);
    }

    private Decision hostSession(Map<String, String> cookies) {
        if (sessions == null) {
            return new Decision(401, null, null);
        }
        Map<String, String> own = new TreeMap<>();
        cookies.forEach((name, value) -> {
            if (sessions.isSessionCookie(name)) {
                own.put(name, value);
            }
        });
        if (own.isEmpty()) {
            return new Decision(401, null, null);
        }
        String key = sha256(own.toString());
        Instant now = clock.instant();
        Cached known = answers.get(key);
        if (known != null && known.until().isAfter(now)) {
            return new Decision(200, known.user(), Via.HOST_SESSION);
        }
        Optional<HostSessions.SessionUser> user;
        try {
            user = sessions.user(own);
        } catch (HostException e) {
            LOG.warn("report page: cannot check a host session ({})", e.getMessage());
            return new Decision(401, null, null);
        }
        if (user.isEmpty()) {
            return new Decision(401, null, null);
        }
        HostSessions.SessionUser u = user.get();
        boolean member = u.superUser() || u.groups().stream().anyMatch(groups::contains);
        if (!u.privileged() || !member) {
            LOG.info("report page: host user '{}' refused (privileged: {}, groups: {})", u.name(), u.privileged(),
                    u.groups());
            return new Decision(403, u.name(), null);
        }
        if (answers.size() >= MAX_CACHED) {
            answers.values().removeIf(c -> !c.until().isAfter(now));
            if (answers.size() >= MAX_CACHED) {
                answers.clear();
            }
        }
        answers.put(key, new Cached(u.name(), now.plus(HOST_ANSWER_TTL)));
        return new Decision(200, u.name(), Via.HOST_SESSION);
    }

    /** Whether {@code candidate} is the admin token (constant time); false when no token is configured. */
    public boolean isAdminToken(String candidate) {
        return token != null && token.matches(candidate);
    }

    /** A new sign-in cookie value, valid {@link #COOKIE_TTL}; needs the admin token. */
    public String newCookie() {
        long expiry = clock.instant().plus(COOKIE_TTL).getEpochSecond();
        return expiry + "." + mac(expiry);
    }

    /** Whether a sign-in cookie value is one this instance (or one sharing its admin token) made and has not expired. */
    boolean validCookie(String value) {
        if (token == null) {
            return false;
        }
        int dot = value.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        long expiry;
        try {
            expiry = Long.parseLong(value.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        if (expiry <= clock.instant().getEpochSecond()) {
            return false;
        }
        return MessageDigest.isEqual(mac(expiry).getBytes(StandardCharsets.US_ASCII),
                value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(long expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(("reports:" + expiry).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
