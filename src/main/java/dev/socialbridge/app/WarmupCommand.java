package dev.socialbridge.app;

import dev.socialbridge.config.ConfigLoader;
import dev.socialbridge.config.LoadedConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * Hidden: starts a throwaway server (in-memory store, temporary journal, no host needed), answers one
 * request and exits. The launcher runs it once under {@code -XX:ArchiveClassesAtExit} to build the
 * class-data-sharing archive that brings {@code serve} startup well under the 3 s target.
 */
@Command(name = "warmup", hidden = true, description = "Start and stop a throwaway server (used to build the CDS archive).")
final class WarmupCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("social-bridge-warmup");
        try {
            Path config = dir.resolve("warmup.properties");
            Files.writeString(config, String.join("\n",
                    "socialbridge.http.port=" + freePort(),
                    "socialbridge.http.host=127.0.0.1",
                    "socialbridge.store.jdbc-url=jdbc:h2:mem:warmup",
                    "socialbridge.inbox.journal-dir=" + dir.resolve("journal"),
                    "socialbridge.host.rt.base-url=http://127.0.0.1:9",
                    "socialbridge.host.rt.token=warmup",
                    "socialbridge.admin.token=warmup-admin-token-000",
                    "socialbridge.meta.app-secret=warmup",
                    "socialbridge.meta.verify-token=warmup",
                    "socialbridge.meta.accounts.warmup.id=1",
                    "socialbridge.meta.accounts.warmup.platform=instagram",
                    "socialbridge.meta.accounts.warmup.access-token=warmup",
                    "socialbridge.whatsapp.accounts.warmup.phone-number-id=1",
                    "socialbridge.whatsapp.accounts.warmup.waba-id=1",
                    "socialbridge.whatsapp.accounts.warmup.access-token=warmup",
                    "socialbridge.telegram.bots.warmup.token=1:warmupwarmupwarmupwarmupwarmupwarmup0",
                    "socialbridge.telegram.bots.warmup.secret-token=warmup",
                    "socialbridge.pipeline.moderation-poll-interval=PT1H", ""));
            LoadedConfig loaded = ConfigLoader.load(config, dir);
            List<String> problems = new ArrayList<>();
            try (SocialBridgeServer server = SocialBridgeServer.build(loaded, problems)) {
                if (server == null) {
                    return ConfigReport.print(new java.io.PrintWriter(System.err, true), problems);
                }
                server.start();
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                URI base = URI.create("http://127.0.0.1:" + loaded.typed().http().port() + "/");
                http.send(HttpRequest.newBuilder(base.resolve("health/live")).build(), HttpResponse.BodyHandlers.discarding());
                for (String path : new String[] {"webhooks/meta", "webhooks/whatsapp", "webhooks/telegram/warmup"}) {
                    http.send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(), HttpResponse.BodyHandlers.discarding());
                }
            }
            return Main.OK;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
