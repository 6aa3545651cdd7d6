package dev.socialbridge.host.rt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.host.spi.HostSessions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who is logged in to RT in a browser, from RT's session cookie ({@code RT_SID_<name>.<port>}), asked of RT with that
 * cookie only. RT 5.0.3's REST2 accepts the cookie for GET (Middleware/Auth.pm, {@code login_from_cookie}) but has no
 * "current user" resource, so: the user's name from REST 1.0's new-ticket template ({@code GET /REST/1.0/ticket/new},
 * read-only, whose {@code Requestor:} line is the session's user), then REST2 {@code /user/<name>} (the user's own
 * record: {@code Privileged}, {@code Disabled} and {@code Memberships}, the ids of the user-defined groups they are in),
 * {@code /rt} (whose {@code Plugins} list RT shows only to a SuperUser); the user's groups as the plugin's API user
 * sees them ({@code Memberships} of {@code /user/<name>}: RT lists to users only the groups they have SeeGroup on) and
 * each group's name, read with the session and, when the user may not see the group, with the API user.
 */
final class RtSessions implements HostSessions {
    /** RT's session cookie: {@code RT_SID_} then the site's name and port. */
    static final String COOKIE_PREFIX = "RT_SID_";
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Group names are read again after this long. */
    static final Duration GROUP_NAMES_TTL = Duration.ofMinutes(5);
    private static final Pattern REQUESTOR = Pattern.compile("(?m)^Requestor:[ \\t]*(\\S.*?)\\s*$");
    private static final Pattern STATUS_LINE = Pattern.compile("\\ART/\\S+ 200 ");

    private final RtClient api;
    private final Clock clock;
    private final Map<Long, GroupName> groupNames = new ConcurrentHashMap<>();

    RtSessions(RtClient api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    private record GroupName(String name, Instant until) { }

    @Override
    public boolean isSessionCookie(String name) {
        return name != null && name.startsWith(COOKIE_PREFIX);
    }

    @Override
    public Optional<SessionUser> user(Map<String, String> cookies) {
        StringJoiner header = new StringJoiner("; ");
        cookies.forEach((name, value) -> {
            if (isSessionCookie(name) && value != null && !value.isEmpty()) {
                header.add(name + "=" + value);
            }
        });
        if (header.length() == 0) {
            return Optional.empty();
        }
        RtClient session = api.asSession(header.toString());
        try {
            String template = session.getRest1("/ticket/new", TIMEOUT);
            Matcher m = REQUESTOR.matcher(template);
            if (!STATUS_LINE.matcher(template).find() || !m.find()) {
                return Optional.empty();   // RT answered "401 Credentials required": no live session
            }
            String name = m.group(1);
            RtResponse user = session.exchange("GET", "/user/" + RtClient.segment(name), null, TIMEOUT);
            if (!user.ok() || user.body().path("Disabled").asText("0").equals("1")) {
                return Optional.empty();
            }
            JsonNode rt = session.exchange("GET", "/rt", null, TIMEOUT).body();
            boolean superUser = rt.has("Plugins");
            Set<String> groups = new LinkedHashSet<>();
            for (JsonNode g : memberships(name, user.body())) {
                long id = g.path("id").asLong(0);   // RT writes ids as strings here ("224")
                if ("group".equals(g.path("type").asText()) && id > 0) {
                    groupName(session, id).ifPresent(groups::add);
                }
            }
            return Optional.of(new SessionUser(user.body().path("Name").asText(name),
                    user.body().path("Privileged").asInt(0) == 1, superUser, groups));
        } catch (RtException e) {
            if (e.status() == 401 || e.status() == 403) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The user's groups as the API user sees them (RT lists to a user only the groups they may see, SeeGroup, which
     * members seldom have); the session's own list when the API user may not read users.
     */
    private JsonNode memberships(String name, JsonNode own) {
        try {
            JsonNode seen = api.find("/user/" + RtClient.segment(name)).map(u -> u.path("Memberships")).orElse(null);
            if (seen != null && seen.isArray()) {
                return seen;
            }
        } catch (RtException refused) {
            // the API user lacks the right: the session's list is what there is
        }
        return own.path("Memberships");
    }

    private Optional<String> groupName(RtClient session, long id) {
        GroupName known = groupNames.get(id);
        Instant now = clock.instant();
        if (known != null && known.until().isAfter(now)) {
            return Optional.of(known.name());
        }
        String path = "/group/" + id;
        RtResponse own;
        try {
            own = session.exchange("GET", path, null, TIMEOUT);
        } catch (RtException refused) {
            own = null;
        }
        JsonNode body = own != null && own.ok() ? own.body() : null;
        if (body == null) {
            try {
                body = api.find(path).orElse(null);
            } catch (RtException refused) {
                body = null;   // neither the user nor the API user may see the group: not counted
            }
        }
        if (body == null || body.path("Name").asText("").isEmpty()) {
            return Optional.empty();
        }
        groupNames.put(id, new GroupName(body.path("Name").asText(), now.plus(GROUP_NAMES_TTL)));
        return Optional.of(body.path("Name").asText());
    }
}
