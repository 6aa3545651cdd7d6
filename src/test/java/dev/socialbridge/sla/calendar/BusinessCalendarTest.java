package dev.socialbridge.sla.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String SPLIT_SHIFT = "MON-FRI 09:00-12:30,13:30-18:00; SAT 10:00-13:00";

    static BusinessCalendar calendar(ZoneId zone, String hours, Holidays holidays) {
        return new BusinessCalendar(zone, BusinessHours.parse("socialbridge.sla.hours", hours), holidays);
    }

    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static Instant paris(String localDateTime) {
        return at(localDateTime, PARIS);
    }

    private final BusinessCalendar split = calendar(PARIS, SPLIT_SHIFT, Holidays.none());
    private final BusinessCalendar weekdays = calendar(PARIS, "MON-FRI 09:00-18:00", Holidays.none());

    @Test
    void splitShiftPausesOverLunch() {
        // Monday 2026-01-05: 30 min before lunch, 15 min after it
        assertEquals(paris("2026-01-05T13:45"), split.addBusinessTime(paris("2026-01-05T12:00"), Duration.ofMinutes(45)));
        assertEquals(Duration.ofMinutes(45), split.businessTimeBetween(paris("2026-01-05T12:00"), paris("2026-01-05T13:45")));
    }

    @Test
    void weekendIsSkipped() {
        // Friday 2026-01-09 17:30 + 1 h: 30 min on Friday, 30 min on Monday
        assertEquals(paris("2026-01-12T09:30"), weekdays.addBusinessTime(paris("2026-01-09T17:30"), Duration.ofHours(1)));
    }

    @Test
    void saturdayShortDayCounts() {
        assertEquals(paris("2026-01-10T10:30"), split.addBusinessTime(paris("2026-01-09T17:30"), Duration.ofHours(1)));
        // Saturday 12:00 + 2 h: 1 h until 13:00, Sunday closed, 1 h on Monday
        assertEquals(paris("2026-01-12T10:00"), split.addBusinessTime(paris("2026-01-10T12:00"), Duration.ofHours(2)));
        assertEquals(Duration.ofHours(3), split.businessTimeBetween(paris("2026-01-10T00:00"), paris("2026-01-11T23:59")));
    }

    @Test
    void clockStartsAtTheNextOpeningAndEndsAtClosingTime() {
        assertEquals(paris("2026-01-05T10:00"), weekdays.addBusinessTime(paris("2026-01-05T07:00"), Duration.ofHours(1)));
        assertEquals(paris("2026-01-05T14:30"), split.addBusinessTime(paris("2026-01-05T12:45"), Duration.ofHours(1)));
        assertEquals(paris("2026-01-05T18:00"), weekdays.addBusinessTime(paris("2026-01-05T17:00"), Duration.ofHours(1)),
                "due at closing time, not at the next opening");
        assertEquals(paris("2026-01-06T09:00"), weekdays.addBusinessTime(paris("2026-01-05T18:00"), Duration.ZERO));
    }

    @Test
    void zeroDurationIsTheNextOpening() {
        assertEquals(paris("2026-01-05T10:00"), split.addBusinessTime(paris("2026-01-05T10:00"), Duration.ZERO));
        assertEquals(paris("2026-01-05T13:30"), split.nextOpening(paris("2026-01-05T12:45")));
        assertEquals(paris("2026-01-05T09:00"), split.nextOpening(paris("2026-01-04T10:00")), "Sunday -> Monday");
        assertEquals(paris("2026-01-05T12:29:59"), split.nextOpening(paris("2026-01-05T12:29:59")));
    }

    @Test
    void isOpenFollowsTheIntervals() {
        assertTrue(split.isOpen(paris("2026-01-05T09:00")));
        assertTrue(split.isOpen(paris("2026-01-05T12:29")));
        assertFalse(split.isOpen(paris("2026-01-05T12:30")), "ranges are closed at their end");
        assertTrue(split.isOpen(paris("2026-01-05T13:30")));
        assertFalse(split.isOpen(paris("2026-01-05T18:00")));
        assertFalse(split.isOpen(paris("2026-01-05T08:59")));
        assertTrue(split.isOpen(paris("2026-01-10T12:59")));
        assertFalse(split.isOpen(paris("2026-01-11T12:00")), "Sunday");
    }

    @Test
    void businessTimeBetweenCountsOpenTimeOnly() {
        assertEquals(Duration.ofHours(8), split.businessTimeBetween(paris("2026-01-05T00:00"), paris("2026-01-06T00:00")));
        assertEquals(Duration.ofHours(43), split.businessTimeBetween(paris("2026-01-05T00:00"), paris("2026-01-12T00:00")));
        assertEquals(Duration.ZERO, split.businessTimeBetween(paris("2026-01-06T00:00"), paris("2026-01-05T00:00")));
        assertEquals(Duration.ZERO, split.businessTimeBetween(paris("2026-01-05T10:00"), paris("2026-01-05T10:00")));
        assertEquals(Duration.ZERO, split.businessTimeBetween(paris("2026-01-05T12:30"), paris("2026-01-05T13:30")));
    }

    @Test
    void holidayOnMondaySkipsToTuesday() {
        BusinessCalendar cal = calendar(PARIS, "MON-FRI 09:00-18:00", Holidays.parse("k", "2026-01-12"));
        assertEquals(paris("2026-01-13T09:30"), cal.addBusinessTime(paris("2026-01-09T17:30"), Duration.ofHours(1)));
        assertFalse(cal.isOpen(paris("2026-01-12T10:00")));
        assertEquals(paris("2026-01-13T09:00"), cal.nextOpening(paris("2026-01-12T10:00")));
        assertEquals(Duration.ofMinutes(60), cal.businessTimeBetween(paris("2026-01-09T17:30"), paris("2026-01-13T09:30")));
    }

    @Test
    void holidaysFromAnICalendarFile() {
        String ics = String.join("\r\n",
                "BEGIN:VCALENDAR",
                "BEGIN:VEVENT",
                "UID:christmas@example.com",
                "DTSTART;VALUE=DATE:20201225",
                "RRULE:FREQ=YEARLY",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "UID:closure@example.com",
                "SUMMARY:Year-end closure",
                "DTSTART;TZID=Europe/Paris:2026122",
                " 8T000000",
                "DTEND;TZID=Europe/Paris:20270102T000000",
                "END:VEVENT",
                "END:VCALENDAR", "");
        Holidays holidays = Holidays.fromICalendar("socialbridge.sla.holidays.ics", new StringReader(ics),
                LocalDate.of(2030, 1, 1));
        BusinessCalendar cal = calendar(PARIS, "MON-FRI 09:00-18:00", holidays);
        // Thu 2026-12-24 17:00 + 2 h: 1 h on Thursday, Fri 25th (yearly Christmas since 2020) and the closure
        // Mon 28th..Fri 1st are closed, 1 h on Monday 2027-01-04
        assertEquals(paris("2027-01-04T10:00"), cal.addBusinessTime(paris("2026-12-24T17:00"), Duration.ofHours(2)));
    }

    @Test
    void twentyFourSevenIsWallClock() {
        BusinessCalendar always = BusinessCalendar.always();
        Instant t = Instant.parse("2026-03-28T11:00:00Z");
        assertEquals(t.plus(Duration.ofDays(40)), always.addBusinessTime(t, Duration.ofDays(40)));
        assertEquals(Duration.ofHours(50), always.businessTimeBetween(t, t.plus(Duration.ofHours(50))));
        assertTrue(always.isOpen(t));
        assertEquals(t, always.nextOpening(t));
        assertSame(always, BusinessCalendar.always());

        BusinessCalendar parisAlways = calendar(PARIS, "24/7", Holidays.none());
        // 24 real hours across the spring-forward night end one wall-clock hour later
        assertEquals(paris("2026-03-29T13:00"), parisAlways.addBusinessTime(paris("2026-03-28T12:00"), Duration.ofHours(24)));
    }

    @Test
    void twentyFourSevenWithHolidaysSkipsTheWholeLocalDay() {
        BusinessCalendar cal = calendar(PARIS, "24/7", Holidays.parse("k", "2026-12-25"));
        assertEquals(paris("2026-12-26T01:00"), cal.addBusinessTime(paris("2026-12-24T23:00"), Duration.ofHours(2)));
        assertEquals(Duration.ofHours(24), cal.businessTimeBetween(paris("2026-12-24T12:00"), paris("2026-12-26T12:00")));
    }

    @Test
    void calendarWithoutOpenTimeThrowsInsteadOfLooping() {
        BusinessCalendar never = new BusinessCalendar(PARIS, BusinessHours.closed(), Holidays.none());
        Instant t = paris("2026-01-05T10:00");
        assertThrows(IllegalStateException.class, () -> never.addBusinessTime(t, Duration.ofHours(1)));
        assertThrows(IllegalStateException.class, () -> never.nextOpening(t));
        assertFalse(never.isOpen(t));
        assertEquals(Duration.ZERO, never.businessTimeBetween(t, t.plus(Duration.ofDays(365))));

        // open on Mondays, but every Monday for four years is a holiday: gives up after the search horizon
        List<LocalDate> mondays = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 1, 5); d.getYear() < 2030; d = d.plusWeeks(1)) {
            mondays.add(d);
        }
        BusinessCalendar blocked = calendar(PARIS, "MON 09:00-10:00", Holidays.of(mondays));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> blocked.addBusinessTime(t, Duration.ofMinutes(1)));
        assertTrue(e.getMessage().contains("no open time within"), e.getMessage());

        // ... but finds an opening two years away (104 Mondays closed: 2026-01-05 .. 2027-12-27)
        BusinessCalendar sparse = calendar(PARIS, "MON 09:00-10:00", Holidays.of(mondays.subList(0, 104)));
        assertEquals(LocalDate.of(2027, 12, 27), mondays.get(103));
        assertEquals(paris("2028-01-03T09:00"), sparse.nextOpening(t));
        assertEquals(paris("2028-01-03T09:30"), sparse.addBusinessTime(t, Duration.ofMinutes(30)));
    }

    @Test
    void negativeDurationIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> weekdays.addBusinessTime(paris("2026-01-05T10:00"), Duration.ofMinutes(-1)));
    }

    @Test
    void largeDurationsIterateByIntervalNotByMinute() {
        // 30 days of business time = 720 h = 80 days of 9 h = 16 weeks (crossing the March DST change)
        Instant due = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> weekdays.addBusinessTime(paris("2026-01-05T09:00"), Duration.ofDays(30)));
        assertEquals(paris("2026-04-24T18:00"), due);
        assertEquals(Duration.ofDays(30), weekdays.businessTimeBetween(paris("2026-01-05T09:00"), due));
        // ten years of business time still computes quickly
        Instant far = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> weekdays.addBusinessTime(paris("2026-01-05T09:00"), Duration.ofHours(9L * 5 * 52 * 10)));
        assertTrue(far.isAfter(paris("2035-12-01T00:00")) && far.isBefore(paris("2036-01-05T00:00")), far.toString());
    }

    @Test
    void toStringDescribesZoneHoursAndHolidayCount() {
        BusinessCalendar cal = calendar(PARIS, "sat 10:00-13:00; mon-fri 09:00-12:30, 13:30-18:00",
                Holidays.parse("k", "2026-12-25,2027-01-01"));
        assertEquals("BusinessCalendar[zone=Europe/Paris, hours=MON-FRI 09:00-12:30,13:30-18:00; "
                + "SAT 10:00-13:00, holidays=2]", cal.toString());
        assertEquals("BusinessCalendar[zone=Z, hours=24/7, holidays=0]", BusinessCalendar.always().toString());
        assertEquals(cal, calendar(PARIS, SPLIT_SHIFT, Holidays.parse("k", "2027-01-01, 2026-12-25")));
    }
}
