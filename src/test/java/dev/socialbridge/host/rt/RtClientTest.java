package dev.socialbridge.host.rt;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RtClientTest {
    private static final String TOKEN = "1-14-0123456789abcdef0123456789abcdef";

    @RegisterExtension
    static WireMockExtension rt = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .failOnUnmatchedRequests(true)
            .build();

    private RtClient client(Map<String, String> settings) {
        return new RtClient(RtSettings.from(settings));
    }

    private RtClient tokenClient() {
        return client(Map.of("base-url", rt.baseUrl(), "token", TOKEN, "timeout-ms", "2000"));
    }

    @Test
    void sendsTheTokenAsAnAuthorizationHeader() {
        rt.stubFor(get("/REST/2.0/rt").willReturn(okJson("{\"Version\":\"5.0.3\"}")));

        assertEquals("5.0.3", tokenClient().get("/rt").path("Version").asText());

        rt.verify(getRequestedFor(urlEqualTo("/REST/2.0/rt")).withHeader("Authorization", equalTo("token " + TOKEN)));
    }

    @Test
    void sendsBasicAuthWithoutAToken() {
        rt.stubFor(get("/REST/2.0/rt").willReturn(okJson("{}")));

        client(Map.of("base-url", rt.baseUrl() + "/REST/2.0/", "user", "root", "password", "password")).get("/rt");

        rt.verify(getRequestedFor(urlEqualTo("/REST/2.0/rt"))
                .withHeader("Authorization", equalTo("Basic cm9vdDpwYXNzd29yZA==")));
    }

    @Test
    void postsJsonBodies() {
        rt.stubFor(post("/REST/2.0/queue").willReturn(aResponse().withStatus(201).withBody("{\"id\":\"7\"}")));

        assertEquals("7", tokenClient().post("/queue", Map.of("Name", "Social Support")).path("id").asText());

        rt.verify(postRequestedFor(urlEqualTo("/REST/2.0/queue"))
                .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
                .withRequestBody(equalToJson("{\"Name\":\"Social Support\"}")));
    }

    @Test
    void mapsUnauthorizedToANonRetryableCredentialError() {
        rt.stubFor(get("/REST/2.0/rt").willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Unauthorized\"}")));

        RtException e = assertThrows(RtException.class, () -> tokenClient().get("/rt"));

        assertFalse(e.retryable());
        assertTrue(e.credentialsRejected());
        assertEquals("RT rejected the credentials (HTTP 401)", e.getMessage());
    }

    @Test
    void mapsForbiddenToANonRetryableRightsError() {
        rt.stubFor(post("/REST/2.0/queue").willReturn(aResponse().withStatus(403).withBody("{\"message\":\"Forbidden\"}")));

        RtException e = assertThrows(RtException.class, () -> tokenClient().post("/queue", Map.of()));

        assertFalse(e.retryable());
        assertEquals("RT refused POST /queue: the API user lacks the right (HTTP 403: Forbidden)", e.getMessage());
    }

    @Test
    void mapsServerErrorsToRetryable() {
        rt.stubFor(get("/REST/2.0/ticket/1").willReturn(aResponse().withStatus(500).withBody("Internal Server Error")));

        RtException e = assertThrows(RtException.class, () -> tokenClient().get("/ticket/1"));

        assertTrue(e.retryable());
        assertEquals(500, e.status());
    }

    @Test
    void mapsRefusalsToNonRetryableWithRtsMessage() {
        rt.stubFor(post("/REST/2.0/queue")
                .willReturn(aResponse().withStatus(400).withBody("{\"message\":\"Queue already exists\"}")));

        RtException e = assertThrows(RtException.class, () -> tokenClient().post("/queue", Map.of("Name", "x")));

        assertFalse(e.retryable());
        assertEquals("RT refused POST /queue (HTTP 400: Queue already exists)", e.getMessage());
    }

    @Test
    void mapsConnectionRefusedToRetryableUnreachable() throws IOException {
        String url = "http://127.0.0.1:" + freePort();
        RtClient client = client(Map.of("base-url", url, "token", TOKEN));

        RtException e = assertThrows(RtException.class, () -> client.get("/rt"));

        assertTrue(e.retryable());
        assertTrue(e.unreachable());
        assertEquals("RT not reachable at " + url + ": connection refused \u2014 is rt-server running?", e.getMessage());
    }

    @Test
    void mapsSlowAnswersToRetryableUnreachable() {
        rt.stubFor(get("/REST/2.0/rt").willReturn(okJson("{}").withFixedDelay(1500)));
        RtClient client = client(Map.of("base-url", rt.baseUrl(), "token", TOKEN, "timeout-ms", "300"));

        RtException e = assertThrows(RtException.class, () -> client.get("/rt"));

        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("no answer within the timeout"), e.getMessage());
    }

    @Test
    void findsNothingOnNotFound() {
        rt.stubFor(get("/REST/2.0/queue/Social%20VIP%20%26%20Partners")
                .willReturn(aResponse().withStatus(404).withBody("{\"message\":\"Not Found\"}")));

        assertEquals(Optional.empty(), tokenClient().find("/queue/" + RtClient.segment("Social VIP & Partners")));
    }

    @Test
    void neverShowsSecrets() {
        RtClient client = client(Map.of("base-url", "http://rt.example.com", "user", "bot", "password", "s3cret-pw"));
        RtClient withToken = tokenClient();

        assertFalse(client.toString().contains("s3cret-pw"), client.toString());
        assertFalse(withToken.toString().contains(TOKEN), withToken.toString());
        rt.stubFor(get("/REST/2.0/rt").willReturn(aResponse().withStatus(401)));
        assertFalse(assertThrows(RtException.class, () -> withToken.get("/rt")).getMessage().contains(TOKEN));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
