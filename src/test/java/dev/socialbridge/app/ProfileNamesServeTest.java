package dev.socialbridge.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.socialbridge.bench.MemoryHost;
import dev.socialbridge.config.ConfigLoader;
import dev.socialbridge.connector.meta.MetaSignatureVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A served Messenger DM whose sender the platform is slow to name: the webhook is answered without waiting for the
 * Graph API (the lookup runs on the platform outbox), the ticket's subject leads with the name once it comes, and a
 * lookup that times out lets the ticket be created with the id.
 */
class ProfileNamesServeTest {
    private static final String SECRET = "profile-secret";
    private static final String PAGE = "100000000000001";
    private static final String NAMED = "7010000000000001";
    private static final String SLOW = "7010000000000002";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    @Test
    void theWebhookNeverWaitsForTheLookupAndTheSubjectLeadsWithTheName() throws Exception {
        WireMockServer graph = new WireMockServer(wireMockConfig().dynamicPort());
        graph.start();
        graph.stubFor(any(anyUrl()).atPriority(9).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"recipient_id\":\"x\",\"message_id\":\"m\"}")));
        graph.stubFor(get(urlPathEqualTo("/v25.0/" + NAMED)).atPriority(1).willReturn(aResponse().withFixedDelay(2000)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"name\":\"Camille Martin\",\"first_name\":\"Camille\",\"last_name\":\"Martin\",\"id\":\"" + NAMED + "\"}")));
        graph.stubFor(get(urlPathEqualTo("/v25.0/" + SLOW)).atPriority(1).willReturn(aResponse().withFixedDelay(8000)
                .withHeader("Content-Type", "application/json").withBody("{\"name\":\"Too Late\"}")));
        dev.socialbridge.store.TestStores.Location store = dev.socialbridge.store.TestStores.location("profiles", dir);
        int port = ServerHarness.freePort();
        List<String> props = new ArrayList<>(List.of(
                "socialbridge.http.port=" + port,
                "socialbridge.http.host=127.0.0.1",
                "socialbridge.store.jdbc-url=" + store.url(),
                "socialbridge.inbox.journal-dir=" + dir.resolve("journal"),
                "socialbridge.host.type=memory",
                "socialbridge.admin.token=profile-admin-token-0123456789",
                "socialbridge.meta.app-secret=" + SECRET,
                "socialbridge.meta.verify-token=profile",
                "socialbridge.meta.graph-base-url=" + graph.baseUrl(),
                "socialbridge.meta.accounts.page.id=" + PAGE,
                "socialbridge.meta.accounts.page.platform=facebook",
                "socialbridge.meta.accounts.page.access-token=profile-token"));
        if (store.user() != null) {
            props.add("socialbridge.store.user=" + store.user());
            props.add("socialbridge.store.password=" + store.password());
        }
        Files.writeString(dir.resolve("p.properties"), String.join("\n", props) + "\n");
        List<String> problems = new ArrayList<>();
        SocialBridgeServer server = SocialBridgeServer.build(ConfigLoader.load(dir.resolve("p.properties"), dir), problems);
        assertTrue(problems.isEmpty(), problems.toString());
        server.start();
        try {
            String dm = ServerHarness.now(Files.readString(Path.of("test-fixtures/inbound/meta/messenger-message.json")));
            URI hook = URI.create("http://127.0.0.1:" + port + "/webhooks/meta");
            MetaSignatureVerifier signer = new MetaSignatureVerifier(SECRET);
            for (String psid : List.of(NAMED, SLOW)) {
                byte[] body = dm.replace(NAMED, psid).replaceAll("\"mid\": *\"[^\"]*\"", "\"mid\": \"m-" + psid + "\"")
                        .getBytes(StandardCharsets.UTF_8);
                long t0 = System.nanoTime();
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(hook).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .header("Content-Type", "application/json").header(MetaSignatureVerifier.HEADER, signer.sign(body))
                        .build(), HttpResponse.BodyHandlers.discarding());
                long millis = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(200, r.statusCode());
                assertTrue(millis < 1500, "the webhook was answered in " + millis + " ms, not after the 2 s lookup");
            }
            String named = "messenger:dm:" + PAGE + ":" + NAMED;
            String slow = "messenger:dm:" + PAGE + ":" + SLOW;
            ServerHarness.await("both tickets created", Duration.ofSeconds(40),
                    () -> MemoryHost.SUBJECTS.containsKey(named) && MemoryHost.SUBJECTS.containsKey(slow));
            assertTrue(MemoryHost.SUBJECTS.get(named).startsWith("Camille Martin [messenger dm]: "), MemoryHost.SUBJECTS.get(named));
            assertEquals("Camille Martin", MemoryHost.CONTACT_NAMES.get("messenger:" + NAMED));
            assertTrue(MemoryHost.SUBJECTS.get(slow).startsWith(SLOW + " [messenger dm]: "),
                    "a lookup that timed out lets the ticket be created with the id: " + MemoryHost.SUBJECTS.get(slow));
            graph.verify(1, getRequestedFor(urlPathEqualTo("/v25.0/" + NAMED))
                    .withQueryParam("fields", equalTo("name,first_name,last_name")));
        } finally {
            server.close();
            graph.stop();
        }
    }
}
