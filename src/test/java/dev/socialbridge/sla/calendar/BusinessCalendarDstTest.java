package dev.socialbridge.sla.calendar;

import static dev.socialbridge.sla.calendar.BusinessCalendarTest.at;
import static dev.socialbridge.sla.calendar.BusinessCalendarTest.calendar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DST transitions: open durations are real elapsed time, due times are right in local wall-clock time. */
class BusinessCalendarDstTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static Duration openOn(ZoneId zone, String hours, String sunday) {
        BusinessCalendar cal = calendar(zone, hours, Holidays.none());
        LocalDate day = LocalDate.parse(sunday);
        // measure from Saturday to Monday so nothing but the Sunday range counts
        return cal.businessTimeBetween(day.minusDays(1).atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).plusHours(12).toInstant());
    }

    @ParameterizedTest(name = "{0} {1} {2}: {3} h")
    @CsvSource({
            "Europe/Paris,     SUN 00:00-24:00, 2026-03-29, 23",
            "Europe/Paris,     SUN 00:00-24:00, 2026-10-25, 25",
            "Europe/Paris,     SUN 01:00-05:00, 2026-03-29, 3",
            "Europe/Paris,     SUN 01:00-05:00, 2026-10-25, 5",
            "Europe/Paris,     SUN 00:00-24:00, 2026-03-22, 24",
            "America/New_York, SUN 00:00-24:00, 2026-03-08, 23",
            "America/New_York, SUN 00:00-24:00, 2026-11-01, 25",
            "America/New_York, SUN 01:00-05:00, 2026-03-08, 3",
            "America/New_York, SUN 01:00-05:00, 2026-11-01, 5",
    })
    void sundayOpenTimeIsRealElapsedTime(String zone, String hours, String sunday, int expectedHours) {
        assertEquals(Duration.ofHours(expectedHours), openOn(ZoneId.of(zone), hours, sunday));
    }

    @Test
    void addingAcrossSpringForwardInParis() {
        BusinessCalendar cal = calendar(PARIS, "SUN 00:00-24:00", Holidays.none());
        Instant sunday = at("2026-03-29T00:00", PARIS);
        // 3 real hours after midnight CET is 04:00 CEST
        assertEquals(at("2026-03-29T04:00", PARIS), cal.addBusinessTime(sunday, Duration.ofHours(3)));
        assertEquals(Instant.parse("2026-03-29T02:00:00Z"), cal.addBusinessTime(sunday, Duration.ofHours(3)));
        // the 23 hours of the day end exactly at the closing midnight
        assertEquals(at("2026-03-30T00:00", PARIS), cal.addBusinessTime(sunday, Duration.ofHours(23)));
        assertEquals(at("2026-04-05T01:00", PARIS), cal.addBusinessTime(sunday, Duration.ofHours(24)));
    }

    @Test
    void addingAcrossFallBackInParisCountsTheRepeatedHour() {
        BusinessCalendar cal = calendar(PARIS, "SUN 00:00-24:00", Holidays.none());
        Instant sunday = at("2026-10-25T00:00", PARIS);
        // 3 real hours after midnight CEST is 02:00 CET, the second 02:00 of the night
        assertEquals(Instant.parse("2026-10-25T01:00:00Z"), cal.addBusinessTime(sunday, Duration.ofHours(3)));
        assertEquals(at("2026-10-26T00:00", PARIS), cal.addBusinessTime(sunday, Duration.ofHours(25)));
        assertTrue(cal.isOpen(Instant.parse("2026-10-25T00:30:00Z")), "first 02:30 (CEST)");
        assertTrue(cal.isOpen(Instant.parse("2026-10-25T01:30:00Z")), "second 02:30 (CET)");
    }

    @Test
    void boundaryInTheSpringForwardGapShiftsForward() {
        // 02:30 does not exist on 2026-03-29 in Paris: the range opens at 03:30 CEST, as java.time resolves it
        BusinessCalendar cal = calendar(PARIS, "SUN 02:30-04:00", Holidays.none());
        assertEquals(at("2026-03-29T03:30", PARIS), cal.nextOpening(at("2026-03-29T00:00", PARIS)));
        assertFalse(cal.isOpen(at("2026-03-29T03:15", PARIS)));
        assertTrue(cal.isOpen(at("2026-03-29T03:30", PARIS)));
        assertEquals(Duration.ofMinutes(30), openOn(PARIS, "SUN 02:30-04:00", "2026-03-29"));
        assertEquals(Duration.ofMinutes(90), openOn(PARIS, "SUN 02:30-04:00", "2026-03-22"));
    }

    @Test
    void boundaryInTheFallBackOverlapEndsAtItsLaterOccurrence() {
        // 01:00 CEST until the second 02:30 (CET): 2.5 real hours
        assertEquals(Duration.ofMinutes(150), openOn(PARIS, "SUN 01:00-02:30", "2026-10-25"));
        // from the first 02:30 (CEST) until 04:00 CET: 2.5 real hours
        assertEquals(Duration.ofMinutes(150), openOn(PARIS, "SUN 02:30-04:00", "2026-10-25"));
        // touching ranges do not count the overlap twice
        assertEquals(Duration.ofHours(4), openOn(PARIS, "SUN 01:00-02:30,02:30-04:00", "2026-10-25"));
    }

    @ParameterizedTest(name = "{0}: Fri {1} 17:00 + 2 h = Mon {2} 10:00")
    @CsvSource({
            "America/New_York, 2026-03-06, 2026-03-09, 2026-03-09T14:00:00Z",
            "America/New_York, 2026-10-30, 2026-11-02, 2026-11-02T15:00:00Z",
            "Europe/Paris,     2026-03-27, 2026-03-30, 2026-03-30T08:00:00Z",
            "Europe/Paris,     2026-10-23, 2026-10-26, 2026-10-26T09:00:00Z",
    })
    void businessHoursAcrossADstWeekendKeepLocalWallClock(String zone, String friday, String monday, String utc) {
        ZoneId z = ZoneId.of(zone);
        BusinessCalendar cal = calendar(z, "MON-FRI 09:00-18:00", Holidays.none());
        Instant start = at(friday + "T17:00", z);
        Instant due = cal.addBusinessTime(start, Duration.ofHours(2));
        assertEquals(LocalDateTime.parse(monday + "T10:00"), LocalDateTime.ofInstant(due, z));
        assertEquals(Instant.parse(utc), due);
        assertEquals(Duration.ofHours(2), cal.businessTimeBetween(start, due));
    }
}
