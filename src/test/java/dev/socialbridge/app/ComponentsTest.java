package dev.socialbridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host settings are checked against the host type's declarations. */
class ComponentsTest {
    @TempDir
    Path dir;

    private List<String> hostProblems(String properties) throws IOException {
        Path f = dir.resolve("c.properties");
        Files.writeString(f, properties);
        List<String> problems = new ArrayList<>();
        Components.hostFactory(ConfigLoader.load(f, dir), problems);
        return problems;
    }

    @Test
    void validRtSettingsHaveNoProblem() throws IOException {
        assertEquals(List.of(), hostProblems("socialbridge.host.rt.base-url=http://rt\nsocialbridge.host.rt.token=1-2-x\n"));
    }

    @Test
    void aTypoUnderTheHostPrefixIsRejectedWithItsKey() throws IOException {
        List<String> problems = hostProblems("socialbridge.host.rt.base-url=http://rt\nsocialbridge.host.rt.token=1-2-x\n"
                + "socialbridge.host.rt.timout-ms=5000\n");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("socialbridge.host.rt.timout-ms: unknown setting (known: base-url,"), problems.get(0));
    }

    @Test
    void settingsOfAnotherHostTypeAreRejected() throws IOException {
        assertEquals(List.of("socialbridge.host.hubspot.token: not a setting of host type 'rt' (socialbridge.host.type)"),
                hostProblems("socialbridge.host.rt.base-url=http://rt\nsocialbridge.host.rt.token=1-2-x\n"
                        + "socialbridge.host.hubspot.token=x\n"));
    }

    @Test
    void anUnknownHostTypeNamesTheAvailableOnes() throws IOException {
        // the test classpath adds the benchmarks' in-memory host
        assertEquals(List.of("socialbridge.host.type: unknown host type 'zendesk' (available: memory, rt)"),
                hostProblems("socialbridge.host.type=zendesk\n"));
    }
}
