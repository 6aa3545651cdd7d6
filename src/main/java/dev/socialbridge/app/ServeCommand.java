package dev.socialbridge.app;

import dev.socialbridge.config.LoadedConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code serve}: runs the webhook, admin and health endpoints and the pipeline until stopped. */
@Command(name = "serve", description = "Start the server (webhooks, admin and health endpoints, pipeline).")
final class ServeCommand implements Callable<Integer> {
    private static volatile boolean serving;

    /** True once a server started in this JVM (tests embed it). */
    @Mixin
    CommonOptions common = new CommonOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static boolean isServing() {
        return serving;
    }

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadedConfig config = common.load();   // problems: exit 2, printed by Main
        List<String> problems = new ArrayList<>();
        org.slf4j.LoggerFactory.getLogger(ServeCommand.class).debug("startup: config in {} ms", (System.nanoTime() - t0) / 1_000_000);
        SocialBridgeServer server = SocialBridgeServer.build(config, problems);
        if (server == null) {
            return ConfigReport.print(err, problems);
        }
        try {
            server.start();
        } catch (dev.socialbridge.inbox.JournalBinding.MismatchException e) {
            server.close();
            return ConfigReport.print(err, List.of(e.getMessage()));
        }
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "shutdown"));
        serving = true;
        out.printf("social-bridge listening on %s (started in %d ms; connectors: %s)%n", server.baseUri(),
                (System.nanoTime() - t0) / 1_000_000, String.join(", ", server.connectorIds()));
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Main.OK;
    }
}
