package dev.socialbridge.host.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RtDatesTest {

    @Test
    void formatsInstantsTheOnlyWayRtReadsThemEverywhere() {
        assertEquals("2026-12-01 08:30:00", RtDates.format(Instant.parse("2026-12-01T08:30:00.987Z")));
    }

    @ParameterizedTest
    @CsvSource({
        "2026-12-01T08:30:00Z,      2026-12-01T08:30:00Z",
        "2026-12-01T10:30:00+02:00, 2026-12-01T08:30:00Z",
        "2026-12-01 08:30:00,       2026-12-01T08:30:00Z",
        "2026-12-01,                2026-12-01T00:00:00Z",
    })
    void readsCallerDatesAsUtc(String text, String expected) {
        assertEquals(Instant.parse(expected), RtDates.parse(text));
    }

    @Test
    void treatsRtsEpochAsUnset() {
        assertEquals(Optional.empty(), RtDates.fromRt("1970-01-01T00:00:00Z"));
        assertEquals(Optional.of(Instant.parse("2026-11-22T08:59:29Z")), RtDates.fromRt("2026-11-22T08:59:29Z"));
    }

    @Test
    void rejectsWhatIsNotADate() {
        assertThrows(IllegalArgumentException.class, () -> RtDates.parse("next tuesday"));
    }
}
