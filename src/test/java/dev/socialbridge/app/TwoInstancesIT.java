package dev.socialbridge.app;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialbridge.connector.meta.MetaSignatureVerifier;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.DescriptorLoader;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.rt.RtTestSupport;
import dev.socialbridge.store.Database;
import dev.socialbridge.store.TestStores;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances on one PostgreSQL behind a load balancer, one of them killed with -9 while its work is under way: the
 * other takes its partitions over after the lease and every event gets exactly one ticket in the live RT and one
 * public and one private reply — a send the killed instance had under way may go twice, and then only marked
 * {@code in_doubt}.
 */
class TwoInstancesIT {
    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("test-fixtures/wiremock/meta")).build();

    private static final Duration WAIT = Duration.ofSeconds(150);
    private static final int EVENTS = 30;

    @Test
    void killingOneOfTwoInstancesLosesNothingAndDuplicatesNothing() throws Exception {
        Optional<TestStores.Location> pg = TestStores.postgresqlLocation("two_instances");
        assumeTrue(pg.isPresent(), "several instances need PostgreSQL (" + TestStores.PG_URL_ENV + ")");
        Descriptor descriptor = RtTestSupport.installedDescriptor();
        HostAdapter rt = RtTestSupport.adapter(descriptor);
        Path dir = Files.createTempDirectory("sb-two");
        Path descriptorFile = dir.resolve("descriptor.json");
        Files.writeString(descriptorFile, DescriptorLoader.toJson(descriptor));
        int portA = ServerHarness.freePort();
        int portB = ServerHarness.freePort();
        Path configA = writeConfig(dir, "a", portA, pg.get(), descriptorFile);
        Path configB = writeConfig(dir, "b", portB, pg.get(), descriptorFile);

        Process a = PluginProcess.start(configA, dir.resolve("a.log"), "256m");
        Process b = null;
        try (Database db = pg.get().open(2)) {
            PluginProcess.awaitLive(portA);
            b = PluginProcess.start(configB, dir.resolve("b.log"), "256m");
            PluginProcess.awaitLive(portB);
            ServerHarness.await("the partitions shared by both instances", Duration.ofSeconds(60),
                    () -> holders(db).equals(Map.of("a", 8, "b", 8)));

            Map<String, String> threads = new TreeMap<>();   // comment id -> thread key
            for (int n = 0; n < EVENTS; n++) {
                String run = ServerHarness.newRun();
                String body = ServerHarness.fixture("ig-comment.json", run);
                assertEquals(200, post(n % 2 == 0 ? portA : portB, body), "event " + n);
                threads.put("1789" + run + "000011", "instagram:comment:" + ServerHarness.IG_ACCOUNT + ":1789" + run + "000011");
            }
            // b has stored what it acknowledged: kill it while the pipeline and the deliveries are under way
            ServerHarness.await("every event in the inbox", Duration.ofSeconds(60), () -> count(db,
                    "SELECT COUNT(*) FROM inbox_item WHERE thread_key LIKE 'instagram:comment:%'") >= EVENTS);
            long doneBeforeKill = count(db, "SELECT COUNT(*) FROM outbox_item WHERE status = 'DONE'");
            b.destroyForcibly();
            assertTrue(b.waitFor(10, TimeUnit.SECONDS));

            ServerHarness.await("a ticket, a public and a private reply for every event", WAIT, () ->
                    threads.keySet().stream().allMatch(comment -> publicReplies(comment) >= 1 && privateReplies(comment) >= 1
                            && rt.findTicketByThread(threads.get(comment)).isPresent()));
            ServerHarness.await("nothing left in the inbox or outbox", WAIT, () ->
                    count(db, "SELECT COUNT(*) FROM inbox_item WHERE status = 'PENDING'") == 0
                            && count(db, "SELECT COUNT(*) FROM outbox_item WHERE status = 'PENDING'") == 0);
            assertEquals(Map.of("a", 16), holders(db), "a took b's partitions over");
            assertTrue(doneBeforeKill < count(db, "SELECT COUNT(*) FROM outbox_item WHERE status = 'DONE'"),
                    "work remained at the kill");

            Set<String> inDoubt = new java.util.HashSet<>();
            db.inTransaction(c -> {
                try (var ps = c.prepareStatement("SELECT payload_json FROM outbox_item WHERE in_doubt = TRUE");
                     var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inDoubt.add(rs.getString(1));
                    }
                }
                return null;
            });
            assertTrue(inDoubt.size() <= 1, "at most the send under way at the kill is in doubt: " + inDoubt);
            List<String> problems = new ArrayList<>();
            for (Map.Entry<String, String> e : threads.entrySet()) {
                String comment = e.getKey();
                int tickets = rt.findTicketsByField("thread_key", e.getValue(), 5).size();
                if (tickets != 1) {
                    problems.add(comment + ": " + tickets + " tickets");
                }
                boolean doubted = inDoubt.stream().anyMatch(p -> p.contains(comment));
                int pub = publicReplies(comment);
                int priv = privateReplies(comment);
                if (pub != 1 && !(doubted && pub == 2) || priv != 1 && !(doubted && priv == 2)) {
                    problems.add(comment + ": " + pub + " public and " + priv + " private replies");
                }
            }
            assertEquals(List.of(), problems);
        } finally {
            if (b != null) {
                b.destroyForcibly();
            }
            a.destroy();
            a.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static Path writeConfig(Path dir, String instance, int port, TestStores.Location store, Path descriptor)
            throws IOException {
        StringBuilder p = new StringBuilder();
        Map<String, String> s = new java.util.LinkedHashMap<>();
        s.put("socialbridge.instance.id", instance);
        s.put("socialbridge.instance.lease", "PT3S");
        s.put("socialbridge.http.port", String.valueOf(port));
        s.put("socialbridge.http.host", "127.0.0.1");
        s.put("socialbridge.store.jdbc-url", store.url());
        s.put("socialbridge.store.user", store.user());
        s.put("socialbridge.store.password", store.password());
        s.put("socialbridge.inbox.journal-dir", dir.resolve("journal-" + instance).toString());
        s.put("socialbridge.descriptor.path", descriptor.toString());
        s.put("socialbridge.host.rt.base-url", RtTestSupport.rtUrl());
        s.put("socialbridge.host.rt.token", RtTestSupport.rtToken());
        s.put("socialbridge.admin.token", ServerHarness.ADMIN_TOKEN);
        s.put("socialbridge.meta.app-secret", ServerHarness.APP_SECRET);
        s.put("socialbridge.meta.verify-token", "it-verify");
        s.put("socialbridge.meta.graph-base-url", "http://127.0.0.1:" + graph.getPort());
        s.put("socialbridge.meta.accounts.ig.id", ServerHarness.IG_ACCOUNT);
        s.put("socialbridge.meta.accounts.ig.platform", "instagram");
        s.put("socialbridge.meta.accounts.ig.page-id", ServerHarness.PAGE);
        s.put("socialbridge.meta.accounts.ig.access-token", "it-ig-token");
        s.put("socialbridge.outbox.initial-backoff", "PT0.2S");
        s.put("socialbridge.outbox.max-backoff", "PT1S");
        s.put("socialbridge.outbox.poll-interval", "PT0.05S");
        s.forEach((k, v) -> p.append(k).append('=').append(v).append('\n'));
        Path config = dir.resolve(instance + ".properties");
        Files.writeString(config, p.toString());
        return config;
    }

    private static int post(int port, String body) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return ServerHarness.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/meta"))
                        .header("Content-Type", "application/json")
                        .header(MetaSignatureVerifier.HEADER, new MetaSignatureVerifier(ServerHarness.APP_SECRET).sign(bytes))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int publicReplies(String comment) {
        return graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + comment + "/replies"))).size();
    }

    private static int privateReplies(String comment) {
        return graph.findAll(postRequestedFor(urlPathEqualTo("/v25.0/" + ServerHarness.PAGE + "/messages"))
                .withRequestBody(containing(comment))).size();
    }

    /** Partition leases per live holder. */
    private static Map<String, Integer> holders(Database db) {
        return db.inTransaction(c -> {
            Map<String, Integer> out = new HashMap<>();
            try (var ps = c.prepareStatement("SELECT holder FROM work_lease WHERE name LIKE 'partition-%' AND expires_at > ?")) {
                ps.setTimestamp(1, Database.ts(java.time.Instant.now()));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.merge(rs.getString(1), 1, Integer::sum);
                    }
                }
            }
            return out;
        });
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
