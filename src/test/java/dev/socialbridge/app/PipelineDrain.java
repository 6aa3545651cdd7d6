package dev.socialbridge.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.socialbridge.config.ConfigLoader;
import dev.socialbridge.connector.meta.MetaSignatureVerifier;
import dev.socialbridge.inbox.InboxStatus;
import dev.socialbridge.inbox.InboxStore;
import dev.socialbridge.outbox.OutboxStatus;
import dev.socialbridge.outbox.OutboxStore;
import dev.socialbridge.bench.StoreFiller;
import dev.socialbridge.store.Database;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Pipeline drain benchmark (on demand: {@code bash scripts/bench-pipeline.sh}). A server with the in-memory host and
 * a platform stand-in that answers at once; each round POSTs N unique signed ~1.5 KB Instagram comments (each a new
 * thread: classified, rules applied, a ticket and its fields, the rules' replies), then measures how long the
 * pipeline takes to process them all — inbox empty and every host and platform command delivered. Rounds repeat on
 * the growing store, so the rates show whether throughput stays flat as it grows; {@code -Dbench.fill=M} adds M
 * finished items ({@link StoreFiller}) before each round, to reach a million without pushing them all through.
 * Each comment is by a new customer; {@code -Dbench.authors=one} has one customer write them all.
 * Usage: {@code PipelineDrain N ROUNDS [JDBC_URL USER PASSWORD]}.
 */
public final class PipelineDrain {
    private PipelineDrain() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        long fill = Long.parseLong(System.getProperty("bench.fill", "0"));
        boolean uniqueAuthors = !"one".equals(System.getProperty("bench.authors", "unique"));
        Path dir = Files.createTempDirectory("sb-drain");
        String jdbc = args.length > 2 ? args[2] : "jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE";
        String user = args.length > 3 ? args[3] : null;
        String password = args.length > 4 ? args[4] : null;
        WireMockServer platform = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(16));
        platform.start();
        platform.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"bench\"}")));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String secret = "bench-app-secret-0123456789";
        List<String> props = new ArrayList<>(List.of(
                "socialbridge.http.port=" + port,
                "socialbridge.http.host=127.0.0.1",
                "socialbridge.store.jdbc-url=" + jdbc,
                "socialbridge.inbox.journal-dir=" + dir.resolve("journal"),
                "socialbridge.host.type=memory",
                "socialbridge.admin.token=bench-admin-token-0123456789",
                "socialbridge.meta.app-secret=" + secret,
                "socialbridge.meta.verify-token=bench",
                "socialbridge.meta.graph-base-url=" + platform.baseUrl(),
                "socialbridge.meta.accounts.ig.id=17841400000000001",
                "socialbridge.meta.accounts.ig.platform=instagram",
                "socialbridge.meta.accounts.ig.access-token=bench-token"));
        if (user != null) {
            props.add("socialbridge.store.user=" + user);
            props.add("socialbridge.store.password=" + password);
        }
        Files.writeString(dir.resolve("bench.properties"), String.join("\n", props) + "\n");
        List<String> problems = new ArrayList<>();
        SocialBridgeServer server = SocialBridgeServer.build(ConfigLoader.load(dir.resolve("bench.properties"), dir), problems);
        if (server == null) {
            throw new IllegalStateException("bench config: " + problems);
        }
        server.start();
        String template = Files.readString(Path.of("test-fixtures/inbound/meta/ig-comment-1500b.json")).strip();
        MetaSignatureVerifier signer = new MetaSignatureVerifier(secret);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI hook = URI.create("http://127.0.0.1:" + port + "/webhooks/meta");
        System.out.println("round  items_total  ingest_s  drain_s  drained_per_s  (store: " + jdbc.replaceAll("password=[^&;]*", "") + ")");
        try (Database db = Database.open(jdbc, user, password, 2)) {
            InboxStore inbox = new InboxStore(db);
            OutboxStore outbox = new OutboxStore(db);
            long next = 1;
            long filled = 0;
            for (int r = 1; r <= rounds; r++) {
                if (fill > 0) {   // finished work from earlier traffic, so this round runs on a bigger store
                    double s = StoreFiller.fill(db, fill, "fill" + r);
                    filled += fill;
                    System.out.printf("       (store filled with %,d more finished items in %.0f s: %,d in all)%n", fill, s,
                            filled + next - 1);
                }
                long t0 = System.nanoTime();
                Semaphore inFlight = new Semaphore(32);
                List<CompletableFuture<?>> sent = new ArrayList<>();
                for (int i = 0; i < n; i++, next++) {
                    String body = template.replaceAll("\"time\": *[0-9]+", "\"time\": " + System.currentTimeMillis() / 1000)
                            .replace("178900000000", String.format("17%010d", next));
                    if (uniqueAuthors) {   // each comment by a new customer (else one customer wrote them all)
                        body = body.replace("6541230000000008", String.format("65%014d", next))
                                .replace("nadia.studio.creatif", "customer." + next);
                    }
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    inFlight.acquire();
                    sent.add(http.sendAsync(HttpRequest.newBuilder(hook).POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                    .header("Content-Type", "application/json").header(MetaSignatureVerifier.HEADER, signer.sign(bytes))
                                    .build(), HttpResponse.BodyHandlers.discarding())
                            .whenComplete((resp, e) -> {
                                inFlight.release();
                                if (e != null || resp.statusCode() != 200) {
                                    throw new IllegalStateException("ingest failed: " + (e != null ? e : resp.statusCode()));
                                }
                            }));
                }
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
                long ingested = System.nanoTime();
                while (inbox.counts().get(InboxStatus.PENDING) > 0 || outbox.counts().get(OutboxStatus.PENDING) > 0
                        || server.journalLag() > 0) {
                    Thread.sleep(20);
                }
                long drained = System.nanoTime();
                double total = (drained - t0) / 1e9;
                System.out.printf("%5d  %11d  %8.1f  %7.1f  %13.0f%n", r, next - 1, (ingested - t0) / 1e9, total, n / total);
            }
        } finally {
            server.close();
            platform.stop();
        }
    }
}
