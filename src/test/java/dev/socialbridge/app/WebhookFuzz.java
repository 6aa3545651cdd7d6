package dev.socialbridge.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.socialbridge.bench.JsonMutator;
import dev.socialbridge.bench.MemoryHost;
import dev.socialbridge.config.ConfigLoader;
import dev.socialbridge.connector.meta.MetaSignatureVerifier;
import dev.socialbridge.inbox.InboxStatus;
import dev.socialbridge.inbox.InboxStore;
import dev.socialbridge.store.Database;
import dev.socialbridge.support.Json;
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
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The webhook fuzz harness (on demand: {@code bash scripts/fuzz.sh [N]}; {@code WebhookFuzzIT} runs a short pass in
 * the suite). Starts a server with the in-memory host and a platform stand-in, POSTs N validly signed, structurally
 * mutated payloads per connector ({@link JsonMutator} over the inbound fixtures), then checks that no request got a
 * 5xx, that the process still answers, that the journal and the inbox drained (every item done, ignored or
 * quarantined with its reason; dead items are reported), and that a good event sent afterwards to each connector is
 * ticketed.
 */
public final class WebhookFuzz {
    static final String APP_SECRET = "fuzz-app-secret-0123456789";
    static final String TELEGRAM_SECRET = "fuzz-telegram-secret";
    static final String BOT = "fuzzbot";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * What a run found.
     *
     * @param statuses    HTTP status → count, per connector
     * @param inbox       inbox items per status after the drain
     * @param deadReasons up to 20 reasons of dead inbox items (processing failures)
     * @param alive       whether {@code /health/live} answered 200 after the run
     * @param ticketed    connectors whose good event after the run got a ticket
     * @param seconds     how long the run took
     */
    public record Report(Map<String, Map<Integer, Integer>> statuses, Map<InboxStatus, Long> inbox,
                         List<String> deadReasons, boolean alive, List<String> ticketed, double seconds) {
        /** Requests answered with a 5xx. */
        public int serverErrors() {
            return statuses.values().stream().flatMap(m -> m.entrySet().stream()).filter(e -> e.getKey() >= 500)
                    .mapToInt(Map.Entry::getValue).sum();
        }
    }

    private WebhookFuzz() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime();
        System.out.println("fuzz: " + n + " mutated payloads per connector, seed " + seed);
        Report r = run(n, seed, Files.createTempDirectory("sb-fuzz"));
        System.out.println("HTTP statuses per connector: " + r.statuses());
        System.out.println("inbox after the drain: " + r.inbox());
        r.deadReasons().forEach(d -> System.out.println("  dead: " + d));
        System.out.println("alive: " + r.alive() + "; good events ticketed: " + r.ticketed());
        System.out.printf("%d server errors; %.1f s%n", r.serverErrors(), r.seconds());
        boolean ok = r.serverErrors() == 0 && r.alive() && r.ticketed().size() == 3 && r.deadReasons().isEmpty();
        System.out.println(ok ? "fuzz: PASS" : "fuzz: FAIL");
        System.exit(ok ? 0 : 1);
    }

    /** One run of {@code perConnector} mutated payloads per connector, reproducible with {@code seed}. */
    public static Report run(int perConnector, long seed, Path dir) throws Exception {
        long t0 = System.nanoTime();
        WireMockServer platform = new WireMockServer(wireMockConfig().dynamicPort());
        platform.start();
        platform.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"fuzz\",\"ok\":true,\"result\":{\"message_id\":1,\"date\":1},"
                        + "\"messages\":[{\"id\":\"wamid.fuzz\"}],\"success\":true}")));
        int port = freePort();
        Files.writeString(dir.resolve("fuzz.properties"), String.join("\n",
                "socialbridge.http.port=" + port,
                "socialbridge.http.host=127.0.0.1",
                "socialbridge.store.jdbc-url=jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE",
                "socialbridge.inbox.journal-dir=" + dir.resolve("journal"),
                "socialbridge.host.type=memory",
                "socialbridge.admin.token=fuzz-admin-token-0123456789",
                "socialbridge.meta.app-secret=" + APP_SECRET,
                "socialbridge.meta.verify-token=fuzz",
                "socialbridge.meta.graph-base-url=" + platform.baseUrl(),
                "socialbridge.meta.accounts.ig.id=17841400000000001",
                "socialbridge.meta.accounts.ig.platform=instagram",
                "socialbridge.meta.accounts.ig.page-id=100000000000001",
                "socialbridge.meta.accounts.ig.access-token=fuzz-token",
                "socialbridge.meta.accounts.page.id=100000000000001",
                "socialbridge.meta.accounts.page.platform=facebook",
                "socialbridge.meta.accounts.page.access-token=fuzz-token",
                "socialbridge.whatsapp.graph-base-url=" + platform.baseUrl(),
                "socialbridge.whatsapp.accounts.shop.phone-number-id=106540352242922",
                "socialbridge.whatsapp.accounts.shop.waba-id=102290129340398",
                "socialbridge.whatsapp.accounts.shop.access-token=fuzz-token",
                "socialbridge.telegram.api-base-url=" + platform.baseUrl(),
                "socialbridge.telegram.bots." + BOT + ".token=123456789:AAfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzz",
                "socialbridge.telegram.bots." + BOT + ".secret-token=" + TELEGRAM_SECRET,
                "socialbridge.outbox.initial-backoff=PT0.2S",
                "socialbridge.outbox.max-backoff=PT1S") + "\n");
        List<String> problems = new ArrayList<>();
        SocialBridgeServer server = SocialBridgeServer.build(ConfigLoader.load(dir.resolve("fuzz.properties"), dir), problems);
        if (server == null) {
            platform.stop();
            throw new IllegalStateException("fuzz server config: " + problems);
        }
        server.start();
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        MetaSignatureVerifier signer = new MetaSignatureVerifier(APP_SECRET);
        JsonMutator mutator = new JsonMutator(seed);
        Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        try {
            for (String connector : List.of("meta", "whatsapp", "telegram")) {
                List<JsonNode> seeds = seeds(connector);
                Map<Integer, Integer> counts = statuses.computeIfAbsent(connector, c -> new TreeMap<>());
                for (int i = 0; i < perConnector; i++) {
                    byte[] body = Json.MAPPER.writeValueAsBytes(mutator.mutate(seeds.get(i % seeds.size())));
                    int status = post(base, connector, body, signer).statusCode();
                    counts.merge(status, 1, Integer::sum);
                }
            }
            boolean alive = get(base, "health/live") == 200;
            String run = Long.toString(1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
            post(base, "meta", Files.readString(Path.of("test-fixtures/inbound/meta/ig-comment.json"))
                    .replace("17890000000000011", "1789" + run + "11").getBytes(StandardCharsets.UTF_8), signer);
            post(base, "whatsapp", Files.readString(Path.of("test-fixtures/inbound/whatsapp/text.json"))
                    .replace("16505551234", "3361" + run).replace("wamid.HBgL", "wamid.F" + run)
                    .getBytes(StandardCharsets.UTF_8), signer);
            post(base, "telegram", Files.readString(Path.of("test-fixtures/inbound/telegram/private-text.json"))
                    .replace("5512340001", "77" + run).replace("815366201", "9" + run)
                    .getBytes(StandardCharsets.UTF_8), signer);
            Map<String, String> expected = Map.of("meta", "1789" + run + "11", "whatsapp", "3361" + run, "telegram", "77" + run);
            List<String> ticketed = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60 + perConnector / 50).toNanos();
            while (System.nanoTime() < deadline && ticketed.size() < expected.size()) {
                expected.forEach((c, id) -> {
                    if (!ticketed.contains(c) && MemoryHost.TICKETS.keySet().stream().anyMatch(k -> k.contains(id))) {
                        ticketed.add(c);
                    }
                });
                Thread.sleep(100);
            }
            try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE", null, null, 2)) {
                InboxStore inbox = new InboxStore(db);
                while (System.nanoTime() < deadline && inbox.counts().get(InboxStatus.PENDING) > 0) {
                    Thread.sleep(100);
                }
                List<String> dead = inbox.byStatus(InboxStatus.DEAD, 20).stream()
                        .map(i -> i.id() + " " + i.reason()).toList();
                return new Report(statuses, inbox.counts(), dead, alive, ticketed, (System.nanoTime() - t0) / 1e9);
            }
        } finally {
            server.close();
            platform.stop();
        }
    }

    private static List<JsonNode> seeds(String connector) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("test-fixtures/inbound", connector))) {
            List<JsonNode> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                try {
                    out.add(Json.MAPPER.readTree(f.toFile()));
                } catch (IOException e) {
                    // a fixture that is not JSON on purpose (e.g. a malformed body): not a seed
                }
            }
            return out;
        }
    }

    private static HttpResponse<String> post(URI base, String connector, byte[] body, MetaSignatureVerifier signer)
            throws IOException, InterruptedException {
        String path = connector.equals("telegram") ? "webhooks/telegram/" + BOT : "webhooks/" + connector;
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json");
        if (connector.equals("telegram")) {
            b.header("X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET);
        } else {
            b.header(MetaSignatureVerifier.HEADER, signer.sign(body));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int get(URI base, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
