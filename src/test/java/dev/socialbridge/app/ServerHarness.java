package dev.socialbridge.app;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.socialbridge.config.ConfigLoader;
import dev.socialbridge.config.LoadedConfig;
import dev.socialbridge.connector.meta.MetaSignatureVerifier;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.DescriptorLoader;
import dev.socialbridge.store.Database;
import dev.socialbridge.store.TestStores;
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
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/** Runs a real {@link SocialBridgeServer} in-process on a free port, with its own store and journal. */
final class ServerHarness implements AutoCloseable {
    static final String APP_SECRET = "it-app-secret";
    static final String ADMIN_TOKEN = "it-admin-token-0123456789";
    static final String IG_ACCOUNT = "17841400000000001";
    static final String PAGE = "100000000000001";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    final SocialBridgeServer server;
    final URI base;
    final Path dir;
    /** The server's store: an H2 file in {@link #dir}, or a PostgreSQL schema of its own. */
    final TestStores.Location store;
    final MetaSignatureVerifier signer = new MetaSignatureVerifier(APP_SECRET);

    private ServerHarness(SocialBridgeServer server, URI base, Path dir, TestStores.Location store) {
        this.server = server;
        this.base = base;
        this.dir = dir;
        this.store = store;
    }

    /** Opens the server's store alongside it (to look at what it wrote). */
    Database openStore() {
        return store.open(2);
    }

    /** Starts a server whose host is RT at {@code rtBaseUrl} and whose Graph API is {@code graphUrl}. */
    static ServerHarness start(Descriptor descriptor, String rtBaseUrl, String rtToken, String graphUrl,
                               Map<String, String> extra) throws IOException {
        Path dir = Files.createTempDirectory("sb-it");
        Path descriptorFile = dir.resolve("descriptor.json");
        Files.writeString(descriptorFile, DescriptorLoader.toJson(descriptor));
        int port = freePort();
        TestStores.Location store = TestStores.location("it", dir);
        StringBuilder p = new StringBuilder();
        p.append("socialbridge.http.port=").append(port).append('\n')
                .append("socialbridge.http.host=127.0.0.1\n")
                .append("socialbridge.media.public-url=http://127.0.0.1:").append(port).append('\n')
                .append("socialbridge.store.jdbc-url=").append(store.url()).append('\n')
                .append("socialbridge.inbox.journal-dir=").append(dir.resolve("journal")).append('\n')
                .append("socialbridge.descriptor.path=").append(descriptorFile).append('\n')
                .append("socialbridge.host.rt.base-url=").append(rtBaseUrl).append('\n')
                .append("socialbridge.host.rt.token=").append(rtToken).append('\n')
                .append("socialbridge.host.rt.timeout-ms=5000\n")
                .append("socialbridge.host.rt.role-groups=none\n")   // role views: RtRoleViewsIT
                .append("socialbridge.admin.token=").append(ADMIN_TOKEN).append('\n')
                .append("socialbridge.meta.app-secret=").append(APP_SECRET).append('\n')
                .append("socialbridge.meta.verify-token=it-verify\n")
                .append("socialbridge.meta.graph-base-url=").append(graphUrl).append('\n')
                .append("socialbridge.meta.accounts.ig.id=").append(IG_ACCOUNT).append('\n')
                .append("socialbridge.meta.accounts.ig.platform=instagram\n")
                .append("socialbridge.meta.accounts.ig.page-id=").append(PAGE).append('\n')
                .append("socialbridge.meta.accounts.ig.access-token=it-ig-token\n")
                .append("socialbridge.meta.accounts.page.id=").append(PAGE).append('\n')
                .append("socialbridge.meta.accounts.page.platform=facebook\n")
                .append("socialbridge.meta.accounts.page.access-token=it-page-token\n")
                .append("socialbridge.outbox.initial-backoff=PT0.2S\n")
                .append("socialbridge.outbox.max-backoff=PT1S\n")
                .append("socialbridge.outbox.poll-interval=PT0.05S\n");
        if (store.user() != null) {
            p.append("socialbridge.store.user=").append(store.user()).append('\n')
                    .append("socialbridge.store.password=").append(store.password()).append('\n');
        }
        extra.forEach((k, v) -> p.append(k).append('=').append(v).append('\n'));
        Path config = dir.resolve("it.properties");
        Files.writeString(config, p.toString());
        return new ServerHarness(serve(dir), URI.create("http://127.0.0.1:" + port + "/"), dir, store);
    }

    /** A server from the configuration in {@code dir}, started. */
    private static SocialBridgeServer serve(Path dir) {
        LoadedConfig loaded = ConfigLoader.load(dir.resolve("it.properties"), dir);
        List<String> problems = new ArrayList<>();
        SocialBridgeServer server = SocialBridgeServer.build(loaded, problems);
        if (server == null) {
            fail("server config problems: " + problems);
        }
        server.start();
        return server;
    }

    /** Stops this server and starts another on the same store, journal and port (a restart). */
    ServerHarness restart() {
        server.close();
        return new ServerHarness(serve(dir), base, dir, store);
    }

    HttpResponse<String> postWebhook(String body) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return postWebhook(bytes, signer.sign(bytes));
    }

    HttpResponse<String> postWebhook(byte[] body, String signature) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("webhooks/meta"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json");
        if (signature != null) {
            b.header(MetaSignatureVerifier.HEADER, signature);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, boolean admin) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (admin) {
            b.header("Authorization", "Bearer " + ADMIN_TOKEN);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static com.fasterxml.jackson.databind.JsonNode HTTP_JSON(String body) throws IOException {
        return dev.socialbridge.support.Json.MAPPER.readTree(body);
    }

    /**
     * Reads a fixture, makes its ids unique to this run (so tickets of earlier runs never match) and dates its
     * messages now (messaging windows count from the customer's last message).
     */
    static String fixture(String name, String run) throws IOException {
        String json = Files.readString(Path.of("test-fixtures/inbound/meta", name));
        return now(json).replace("178900000000", "1789" + run + "0")
                .replace("654123000000", "6541" + run + "0")
                .replace("179100000000", "1791" + run + "0")
                .replaceAll("\"mid\": *\"([^\"]*)\"", "\"mid\": \"$1-" + run + "\"");
    }

    /** Messaging event times (epoch milliseconds) set to now. */
    static String now(String json) {
        return json.replaceAll("\"timestamp\": *[0-9]{13}", "\"timestamp\": " + System.currentTimeMillis());
    }

    /** A random 7-digit run id. */
    static String newRun() {
        return String.valueOf(1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        assertTrue(condition.getAsBoolean(), "timed out waiting for: " + what);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
