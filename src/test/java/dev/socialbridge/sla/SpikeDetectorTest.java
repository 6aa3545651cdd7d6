package dev.socialbridge.sla;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SpikeDetectorTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void theThirdNegativeMessageWithinTheWindowIsACrisisOnThatAccountOnly() {
        SpikeDetector spikes = new SpikeDetector(3, 0, Duration.ofMinutes(15));
        assertNull(spikes.record("ig", true, T0));
        assertNull(spikes.record("ig", false, T0.plusSeconds(10)), "a neutral message does not count");
        assertNull(spikes.record("ig", true, T0.plusSeconds(20)));
        assertNull(spikes.record("fb", true, T0.plusSeconds(30)), "another account has its own count");

        String reason = spikes.record("ig", true, T0.plusSeconds(40));

        assertNotNull(reason);
        assertTrue(reason.startsWith("3 negative messages on account ig within 15 min"), reason);
        assertNotNull(spikes.record("ig", false, T0.plusSeconds(50)), "the spike lasts while the window holds three");
    }

    @Test
    void messagesOlderThanTheWindowNoLongerCount() {
        SpikeDetector spikes = new SpikeDetector(2, 0, Duration.ofMinutes(15));
        spikes.record("ig", true, T0);

        assertNull(spikes.record("ig", true, T0.plus(Duration.ofMinutes(16))));
    }

    @Test
    void aVolumeSpikeCountsEveryMessageAndZeroTurnsASignalOff() {
        SpikeDetector volume = new SpikeDetector(0, 3, Duration.ofMinutes(5));
        volume.record("wa", false, T0);
        volume.record("wa", false, T0.plusSeconds(1));
        assertNotNull(volume.record("wa", false, T0.plusSeconds(2)));

        SpikeDetector off = SpikeDetector.off();
        for (int i = 0; i < 1000; i++) {
            assertNull(off.record("wa", true, T0.plusSeconds(i)));
        }
    }
}
