package dev.socialbridge.host.rt;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialbridge.host.spi.HostSessions;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** RT standing in as WireMock: who an RT session cookie belongs to, with only RT's own cookies sent to RT. */
class RtSessionsTest {
    private static final String TOKEN = "1-14-0123456789abcdef0123456789abcdef";
    private static final String COOKIE = "RT_SID_social.8089=abc123";

    @RegisterExtension
    static WireMockExtension rt = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .failOnUnmatchedRequests(false).build();

    private RtSessions sessions() {
        return new RtSessions(new RtClient(RtSettings.from(Map.of("base-url", rt.baseUrl(), "token", TOKEN,
                "timeout-ms", "2000"))), Clock.systemUTC());
    }

    private void loggedIn(String name, String userJson, String rtJson) {
        rt.stubFor(get("/REST/1.0/ticket/new").withHeader("Cookie", equalTo(COOKIE)).willReturn(aResponse()
                .withBody("RT/5.0.3 200 Ok\n\n# Required: id, Queue\n\nid: ticket/new\nQueue: General\nRequestor: "
                        + name + "\nSubject: \n")));
        rt.stubFor(get("/REST/2.0/user/" + name).withHeader("Cookie", equalTo(COOKIE)).willReturn(okJson(userJson)));
        rt.stubFor(get("/REST/2.0/rt").withHeader("Cookie", equalTo(COOKIE)).willReturn(okJson(rtJson)));
    }

    @Test
    void aPrivilegedMemberWithTheGroupNamesReadWithTheSession() {
        loggedIn("alice", "{\"id\":20,\"Name\":\"alice\",\"Privileged\":1,\"Disabled\":\"0\",\"Memberships\":"
                + "[]}", "{\"Version\":\"5.0.3\"}");
        // RT lists to the user only the groups they may see: the API user's view of the user has them, ids as strings
        rt.stubFor(get("/REST/2.0/user/alice").withHeader("Authorization", equalTo("token " + TOKEN)).willReturn(okJson(
                "{\"id\":20,\"Name\":\"alice\",\"Privileged\":1,\"Memberships\":"
                + "[{\"type\":\"group\",\"id\":\"7\",\"_url\":\"x\"},{\"type\":\"group\",\"id\":\"8\",\"_url\":\"y\"}]}")));
        rt.stubFor(get("/REST/2.0/group/7").withHeader("Cookie", equalTo(COOKIE))
                .willReturn(okJson("{\"id\":7,\"Name\":\"Social Support\"}")));
        // the user may not see group 8 (no SeeGroup): the API user reads its name
        rt.stubFor(get("/REST/2.0/group/8").withHeader("Cookie", equalTo(COOKIE))
                .willReturn(aResponse().withStatus(403).withBody("{\"message\":\"Forbidden\"}")));
        rt.stubFor(get("/REST/2.0/group/8").withHeader("Authorization", equalTo("token " + TOKEN))
                .willReturn(okJson("{\"id\":8,\"Name\":\"Staff\"}")));

        Optional<HostSessions.SessionUser> user = sessions().user(Map.of("RT_SID_social.8089", "abc123", "theme", "dark"));

        assertEquals(Optional.of(new HostSessions.SessionUser("alice", true, false, Set.of("Social Support", "Staff"))), user);
        rt.verify(getRequestedFor(urlEqualTo("/REST/1.0/ticket/new")).withHeader("Cookie", equalTo(COOKIE))
                .withoutHeader("Authorization"));
        rt.verify(getRequestedFor(urlEqualTo("/REST/2.0/user/alice")).withHeader("Authorization", absent()));
    }

    @Test
    void aSuperUserIsToldByThePluginsListOfRt() {
        loggedIn("root", "{\"id\":14,\"Name\":\"root\",\"Privileged\":1,\"Disabled\":\"0\",\"Memberships\":[]}",
                "{\"Version\":\"5.0.3\",\"Plugins\":[]}");
        assertEquals(Optional.of(new HostSessions.SessionUser("root", true, true, Set.of())),
                sessions().user(Map.of("RT_SID_social.8089", "abc123")));
    }

    @Test
    void noLiveSessionNoRtCookieOrADisabledUserIsNobody() {
        rt.stubFor(get("/REST/1.0/ticket/new").willReturn(aResponse().withBody("RT/5.0.3 401 Credentials required\n")));
        assertEquals(Optional.empty(), sessions().user(Map.of("RT_SID_social.8089", "abc123")));
        assertEquals(Optional.empty(), sessions().user(Map.of("theme", "dark")));
        rt.verify(1, getRequestedFor(urlEqualTo("/REST/1.0/ticket/new")));

        loggedIn("gone", "{\"id\":30,\"Name\":\"gone\",\"Privileged\":1,\"Disabled\":\"1\",\"Memberships\":[]}", "{}");
        assertEquals(Optional.empty(), sessions().user(Map.of("RT_SID_social.8089", "abc123")));
        assertTrue(sessions().isSessionCookie("RT_SID_x.80"));
    }
}
