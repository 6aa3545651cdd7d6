package dev.socialbridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.socialbridge.attribution.CampaignSignals;
import dev.socialbridge.attribution.SignalType;
import dev.socialbridge.config.ConfigLoader;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code socialbridge.attribution.codes-file}: loaded into the campaign signals, each problem naming the key. */
class AttributionSetupTest {
    @TempDir
    Path dir;

    private CampaignSignals signals(String properties, List<String> problems) throws IOException {
        Path f = Files.writeString(dir.resolve("c.properties"), properties);
        return AttributionSetup.signals(ConfigLoader.load(f, dir).typed(), problems);
    }

    @Test
    void theCodesFileNamesCampaignsOfCodesInTexts() throws IOException {
        Path codes = Files.writeString(dir.resolve("codes.yaml"), "codes:\n  BF26: black_friday_2026\n");
        List<String> problems = new ArrayList<>();
        CampaignSignals s = signals("socialbridge.attribution.codes-file=" + codes + "\n", problems);
        assertEquals(List.of(), problems);
        assertNotNull(s);
        Interaction dm = new Interaction(Platform.INSTAGRAM, InteractionKind.DM, "a", "t", "m", null, null,
                Author.of("u"), "code bf26", List.of(), null, null, Instant.EPOCH, false, null, null, 0);
        assertEquals("black_friday_2026", s.of(dm).campaign());
        assertEquals(SignalType.ORGANIC, signals("", new ArrayList<>()).of(dm).type(), "unset: no codes");
    }

    @Test
    void aMissingFileIsAProblemNamingTheKeyAndThePath() throws IOException {
        List<String> problems = new ArrayList<>();
        assertNull(signals("socialbridge.attribution.codes-file=/nowhere/codes.yaml\n", problems));
        assertEquals(List.of("socialbridge.attribution.codes-file: file not found: /nowhere/codes.yaml"), problems);
    }

    @Test
    void aBadEntryIsAProblemNamingTheKeyTheEntryAndTheValue() throws IOException {
        Path codes = Files.writeString(dir.resolve("codes.yaml"), "codes:\n  BF26: a, b, c\n");
        List<String> problems = new ArrayList<>();
        assertNull(signals("socialbridge.attribution.codes-file=" + codes + "\n", problems));
        assertEquals(List.of("socialbridge.attribution.codes-file: codes.yaml: codes.BF26: 'a, b, c' is not 'campaign'"
                + " or 'campaign, creator'"), problems);
    }
}
