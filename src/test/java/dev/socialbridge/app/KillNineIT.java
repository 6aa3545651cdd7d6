package dev.socialbridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.connector.meta.MetaSignatureVerifier;
import dev.socialbridge.store.Database;
import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Every acknowledged webhook survives a kill -9: the plugin runs in its own JVM, is SIGKILLed while
 * webhooks pour in, and after a restart every body that got a 200 is in the inbox.
 */
class KillNineIT {
    private static final String SECRET = "kill-nine-secret";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyAcknowledgedWebhookSurvivesAKillNine() throws Exception {
        Path dir = Files.createTempDirectory("sb-kill9");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path config = dir.resolve("kill9.properties");
        Files.writeString(config, String.join("\n",
                "socialbridge.http.port=" + port,
                "socialbridge.http.host=127.0.0.1",
                "socialbridge.store.jdbc-url=jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE",
                "socialbridge.inbox.journal-dir=" + dir.resolve("journal"),
                "socialbridge.host.rt.base-url=http://127.0.0.1:9",
                "socialbridge.host.rt.token=unused",
                "socialbridge.admin.token=kill-nine-admin-token",
                "socialbridge.meta.app-secret=" + SECRET,
                "socialbridge.meta.verify-token=kill9",
                "socialbridge.meta.graph-base-url=http://127.0.0.1:9",
                "socialbridge.meta.accounts.ig.id=17841400000000001",
                "socialbridge.meta.accounts.ig.platform=instagram",
                "socialbridge.meta.accounts.ig.access-token=unused", ""));
        String template = Files.readString(Path.of("test-fixtures/inbound/meta/ig-comment.json"));
        MetaSignatureVerifier signer = new MetaSignatureVerifier(SECRET);
        URI webhook = URI.create("http://127.0.0.1:" + port + "/webhooks/meta");

        Process plugin = PluginProcess.start(config, dir.resolve("run1.log"), "192m");
        PluginProcess.awaitLive(port);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService senders = Executors.newFixedThreadPool(16);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            running.add(senders.submit(() -> {
                for (int n = 0; !stop.get(); n++) {
                    String id = String.format("17%02d%013d", thread, n);
                    byte[] body = template.replace("17890000000000011", id).getBytes(StandardCharsets.UTF_8);
                    try {
                        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(5))
                                .header(MetaSignatureVerifier.HEADER, signer.sign(body))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            acknowledged.add(id);
                        }
                    } catch (IOException | InterruptedException e) {
                        return;   // the plugin is gone
                    }
                }
            }));
        }
        Thread.sleep(3000);
        plugin.destroyForcibly();   // SIGKILL: no shutdown hook, no flush
        assertTrue(plugin.waitFor(10, TimeUnit.SECONDS));
        stop.set(true);
        for (Future<?> f : running) {
            f.get(20, TimeUnit.SECONDS);
        }
        senders.shutdown();
        assertTrue(acknowledged.size() > 100, "enough traffic before the kill: " + acknowledged.size());

        Process restarted = PluginProcess.start(config, dir.resolve("run2.log"), "192m");
        try {
            PluginProcess.awaitLive(port);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            Set<String> stored = storedCommentIds(dir);
            while (!stored.containsAll(acknowledged) && System.nanoTime() < deadline) {
                Thread.sleep(500);
                stored = storedCommentIds(dir);
            }
            Set<String> missing = new java.util.TreeSet<>(acknowledged);
            missing.removeAll(stored);
            assertEquals(Set.of(), missing, "acknowledged but lost: " + missing.size() + " of " + acknowledged.size());
        } finally {
            restarted.destroy();
            restarted.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** Comment ids in the inbox, read through H2's auto-server so the running plugin keeps its lock. */
    private static Set<String> storedCommentIds(Path dir) {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE", null, null, 2)) {
            return db.inTransaction(c -> {
                Set<String> ids = new java.util.HashSet<>();
                try (var ps = c.prepareStatement("SELECT dedupe_key FROM inbox_item"); var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getString(1);   // ig:comment:<id>:add
                        String[] parts = key.split(":");
                        if (parts.length >= 3) {
                            ids.add(parts[2]);
                        }
                    }
                }
                return ids;
            });
        }
    }
}
