package dev.socialbridge.host.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.host.spi.HostSessions;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Against the live RT: a browser session made by RT's own login form is recognised, a SuperUser (root) as such, a
 * privileged user with the groups RT puts them in (a test group and user, created once, idempotent on the shared RT),
 * and a made-up cookie as nobody.
 */
class RtSessionsIT {
    static final String GROUP = "Social Reports IT";
    static final String USER = "report-it-viewer";
    static final String PASSWORD = "report-it-pass-7f3c";

    private final RtClient api = new RtClient(RtSettings.from(RtTestSupport.settings()));
    private final RtSessions sessions = new RtSessions(api, Clock.systemUTC());

    /** Logs in with RT's login form, as a browser does, and returns RT's session cookies. */
    static Map<String, String> login(String user, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String form = "user=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&pass="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(RtTestSupport.rtUrl() + "/NoAuth/Login.html"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> cookies = new HashMap<>();
        for (String c : r.headers().allValues("Set-Cookie")) {
            String pair = c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
            cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        assertFalse(cookies.isEmpty(), "RT set no session cookie: " + r.statusCode());
        return cookies;
    }

    /** The test group and a privileged user in it, created once. */
    private void viewerInGroup() {
        long group = api.find("/group/" + RtClient.segment(GROUP)).map(g -> g.path("id").asLong()).orElse(0L);
        if (group == 0) {
            JsonNode found = api.post("/groups", List.of(Map.of("field", "Name", "value", GROUP)));
            group = found.path("items").path(0).path("id").asLong(0);
            if (group == 0) {
                group = api.post("/group", Map.of("Name", GROUP)).path("id").asLong();
            }
        }
        Optional<JsonNode> user = api.find("/user/" + USER);
        long userId = user.isPresent() ? user.get().path("id").asLong()
                : api.post("/user", Map.of("Name", USER, "Password", PASSWORD, "Privileged", 1,
                        "EmailAddress", USER + "@example.test")).path("id").asLong();
        api.put("/group/" + group + "/members", List.of(userId));
    }

    @Test
    void rootIsASuperUser() throws Exception {
        Optional<HostSessions.SessionUser> root = sessions.user(login("root", "password"));
        assertTrue(root.isPresent());
        assertEquals("root", root.get().name());
        assertTrue(root.get().privileged());
        assertTrue(root.get().superUser());
    }

    @Test
    void aPrivilegedUserWithTheirGroups() throws Exception {
        viewerInGroup();
        Optional<HostSessions.SessionUser> viewer = sessions.user(login(USER, PASSWORD));
        assertTrue(viewer.isPresent());
        assertEquals(USER, viewer.get().name());
        assertTrue(viewer.get().privileged());
        assertFalse(viewer.get().superUser());
        assertTrue(viewer.get().groups().contains(GROUP), viewer.get().groups().toString());
    }

    @Test
    void aMadeUpCookieIsNobody() {
        assertEquals(Optional.empty(), sessions.user(Map.of("RT_SID_social-test.8089", "0123456789abcdef0123456789abcdef")));
    }
}
