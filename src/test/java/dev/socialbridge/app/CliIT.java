package dev.socialbridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.DescriptorLoader;
import dev.socialbridge.host.rt.RtTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line against the live RT: exit codes and messages an admin sees. */
class CliIT {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) { }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path config(String token, Descriptor descriptor) throws IOException {
        Path d = dir.resolve("descriptor.json");
        Files.writeString(d, DescriptorLoader.toJson(descriptor));
        Path f = dir.resolve("cli.properties");
        Files.writeString(f, String.join("\n",
                "socialbridge.host.rt.base-url=" + RtTestSupport.rtUrl(),
                "socialbridge.host.rt.token=" + token,
                "socialbridge.descriptor.path=" + d,
                "socialbridge.store.jdbc-url=jdbc:h2:file:" + dir.resolve("db"),
                "socialbridge.admin.token=cli-admin-token-0123456789",
                "socialbridge.meta.app-secret=cli-secret",
                "socialbridge.meta.verify-token=cli",
                "socialbridge.meta.accounts.brand.id=17841400000000001",
                "socialbridge.meta.accounts.brand.platform=instagram",
                "socialbridge.meta.accounts.brand.access-token=cli-token", ""));
        return f;
    }

    @Test
    void dryRunPrintsThePlanThenInstallAndVerifySucceedAndASecondInstallChangesNothing() throws IOException {
        Descriptor descriptor = RtTestSupport.uniqueDescriptor();
        try {
            Path config = config(RtTestSupport.rtToken(), descriptor);
            Run dry = run("install", "--dry-run", "--config", config.toString());
            assertEquals(0, dry.code(), dry.err());
            assertTrue(dry.out().contains("dry run"), dry.out());
            assertTrue(dry.out().contains("create"), dry.out());
            assertEquals(0, RtTestSupport.countQueues(RtTestSupport.suffixOf(descriptor)), "dry run changed nothing");

            Run install = run("install", "--config", config.toString());
            assertEquals(0, install.code(), install.out() + install.err());
            Run again = run("install", "--config", config.toString());
            assertEquals(0, again.code());
            assertTrue(again.out().contains(" 0 created"), again.out());
            assertTrue(again.out().contains("0 to create, 0 created"), again.out());

            Run verify = run("verify", "--config", config.toString());
            assertEquals(0, verify.code(), verify.err());
            assertTrue(verify.out().startsWith("OK"), verify.out());
        } finally {
            RtTestSupport.disable(descriptor);
        }
    }

    @Test
    void verifyWithAWrongTokenFailsNamingTheKeyAndNeverPrintsTheToken() throws IOException {
        String wrong = "1-14-00000000000000000000000000000000";
        Run verify = run("verify", "--config", config(wrong, DescriptorLoader.fromClasspath()).toString());
        assertEquals(1, verify.code());
        assertTrue(verify.err().contains("socialbridge.host.rt.token"), verify.err());
        assertTrue(verify.err().contains("fix:"), verify.err());
        assertFalse(verify.err().contains(wrong) || verify.out().contains(wrong));
    }

    @Test
    void threeBadSettingsAreAllReportedWithExitCode2() throws IOException {
        Path f = dir.resolve("bad.properties");
        Files.writeString(f, "socialbridge.http.port=eighty\nsocialbridge.store.jdbc-url=mysql://x\nsocialbridge.outbox.max-attempts=0\n");
        Run r = run("verify", "--config", f.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("socialbridge.http.port"), r.err());
        assertTrue(r.err().contains("socialbridge.store.jdbc-url"), r.err());
        assertTrue(r.err().contains("socialbridge.outbox.max-attempts"), r.err());
    }

    @Test
    void unknownCommandIsABadUsage() {
        assertEquals(2, run("frobnicate").code());
        assertEquals(0, run("--version").code());
    }
}
