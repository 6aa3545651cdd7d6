package dev.socialbridge.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.socialbridge.config.ConfigLoader;
import dev.socialbridge.connector.meta.MetaSignatureVerifier;
import dev.socialbridge.store.Database;
import dev.socialbridge.store.TestStores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on two worker threads, batched transactions, with the in-memory host: one author commenting on many
 * posts at once (one person touched from many threads, so the workers meet on its rows) and DMs of several messages
 * per conversation. Every item is processed once, none fails or dies, and each conversation's messages are processed
 * in the order they arrived.
 */
class ParallelPipelineTest {
    private static final String SECRET = "parallel-secret";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    @Test
    void twoWorkersProcessEveryItemOnceAndEachConversationInOrder() throws Exception {
        WireMockServer platform = new WireMockServer(wireMockConfig().dynamicPort());
        platform.start();
        platform.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"ok\"}")));
        TestStores.Location store = TestStores.location("parallel", dir);
        int port = ServerHarness.freePort();
        List<String> props = new ArrayList<>(List.of(
                "socialbridge.http.port=" + port,
                "socialbridge.http.host=127.0.0.1",
                "socialbridge.store.jdbc-url=" + store.url(),
                "socialbridge.inbox.journal-dir=" + dir.resolve("journal"),
                "socialbridge.host.type=memory",
                "socialbridge.pipeline.workers=2",
                "socialbridge.admin.token=parallel-admin-token-0123456789",
                "socialbridge.meta.app-secret=" + SECRET,
                "socialbridge.meta.verify-token=parallel",
                "socialbridge.meta.graph-base-url=" + platform.baseUrl(),
                "socialbridge.meta.accounts.ig.id=17841400000000001",
                "socialbridge.meta.accounts.ig.platform=instagram",
                "socialbridge.meta.accounts.ig.access-token=parallel-token"));
        if (store.user() != null) {
            props.add("socialbridge.store.user=" + store.user());
            props.add("socialbridge.store.password=" + store.password());
        }
        Files.writeString(dir.resolve("p.properties"), String.join("\n", props) + "\n");
        List<String> problems = new ArrayList<>();
        SocialBridgeServer server = SocialBridgeServer.build(ConfigLoader.load(dir.resolve("p.properties"), dir), problems);
        assertTrue(problems.isEmpty(), problems.toString());
        server.start();
        String comment = Files.readString(Path.of("test-fixtures/inbound/meta/ig-comment.json"));
        String dm = Files.readString(Path.of("test-fixtures/inbound/meta/ig-dm.json"));
        MetaSignatureVerifier signer = new MetaSignatureVerifier(SECRET);
        URI hook = URI.create("http://127.0.0.1:" + port + "/webhooks/meta");
        try (Database db = store.open(2)) {
            List<String> bodies = new ArrayList<>();
            for (int n = 0; n < 60; n++) {   // one author on 60 posts: 60 threads, one person
                bodies.add(comment.replace("17890000000000011", String.format("178%014d", n))
                        .replace("17910000000000021", String.format("179%014d", n)));
            }
            for (int m = 0; m < 6; m++) {    // 8 conversations of 6 messages each, sent in turn
                for (int s = 0; s < 8; s++) {
                    bodies.add(ServerHarness.now(dm).replace("6541230000000003", "65412300000001" + s)
                            .replaceAll("\"mid\": *\"[^\"]*\"", "\"mid\": \"m-" + s + "-" + m + "\"")
                            .replace("I ordered the starter kit", "Message " + m + ": I ordered the starter kit"));
                }
            }
            List<java.util.concurrent.CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>();
            for (String body : bodies) {   // all at once: the workers' first batches meet on the new person
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                sent.add(HTTP.sendAsync(HttpRequest.newBuilder(hook).POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .header("Content-Type", "application/json").header(MetaSignatureVerifier.HEADER, signer.sign(bytes))
                        .build(), HttpResponse.BodyHandlers.discarding()));
            }
            for (var r : sent) {
                assertEquals(200, r.join().statusCode());
            }
            ServerHarness.await("every item processed", java.time.Duration.ofSeconds(60), () -> count(db,
                    "SELECT COUNT(*) FROM inbox_item WHERE status = 'PENDING'") == 0 && count(db,
                    "SELECT COUNT(*) FROM inbox_item WHERE source <> 'fetch'") >= bodies.size()
                    // items held for a platform lookup (follower count, author's name) came back and were processed
                    && count(db, "SELECT COUNT(*) FROM inbox_item WHERE source = 'fetch'") >= count(db,
                    "SELECT COUNT(*) FROM inbox_item WHERE reason LIKE '%looked up on the platform first'"));
            assertEquals(0, count(db, "SELECT COUNT(*) FROM inbox_item WHERE status = 'DEAD' OR attempts > 1"),
                    "no item failed: conflicts between the workers are retried without counting");
            assertEquals(bodies.size(), count(db, "SELECT COUNT(*) FROM inbox_item WHERE status = 'DONE' AND source <> 'fetch'"),
                    "every webhook's item done (comments queued again after their author's follower count are extra)");
            assertEquals(1, count(db, "SELECT COUNT(DISTINCT person_id) FROM person_identity WHERE identity LIKE"
                    + " 'instagram:%' AND identity NOT LIKE 'instagram:65412300000001%'"), "the commenter is one person");
            assertEquals(60, count(db, "SELECT COUNT(*) FROM social_thread WHERE thread_key LIKE 'instagram:comment:%'"));
            // each conversation's messages were processed in arrival order
            Map<String, List<Long>> processed = new TreeMap<>();
            db.inTransaction(c -> {
                try (var ps = c.prepareStatement("SELECT thread_key, id, processed_at FROM inbox_item"
                        + " WHERE thread_key LIKE 'instagram:dm:%' ORDER BY processed_at, id"); var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        processed.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    }
                }
                return null;
            });
            assertEquals(8, processed.size());
            processed.forEach((thread, ids) -> assertEquals(ids.stream().sorted().toList(), ids, thread));
        } finally {
            server.close();
            platform.stop();
        }
    }

    private static long count(Database db, String sql) {
        return db.inTransaction(c -> {
            try (var ps = c.prepareStatement(sql); var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
