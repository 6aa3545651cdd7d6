package dev.socialbridge.sla.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ICalendarHolidaysTest {
    private static final String KEY = "socialbridge.sla.holidays.ics";
    private static final LocalDate EXPAND_THROUGH = LocalDate.of(2030, 1, 1);

    /** A realistic export: time zone block, yearly rule, multi-day closure, TZID/UTC forms, folded lines. */
    static final String CALENDAR = """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Example Corp//Holidays//EN
            BEGIN:VTIMEZONE
            TZID:Europe/Paris
            BEGIN:STANDARD
            DTSTART:19701025T030000
            TZOFFSETFROM:+0200
            TZOFFSETTO:+0100
            END:STANDARD
            END:VTIMEZONE
            BEGIN:VEVENT
            UID:christmas@example.com
            DTSTAMP:20251001T120000Z
            DTSTART;VALUE=DATE:20261225
            RRULE:FREQ=YEARLY
            SUMMARY:Christmas
            END:VEVENT
            BEGIN:VEVENT
            UID:summer@example.com
            DTSTART;VALUE=DATE:20260810
            DTEND;VALUE=DATE:20260815
            SUMMARY:Summer closure
            END:VEVENT
            BEGIN:VEVENT
            UID:may1@example.com
            DTSTART;TZID=Europe/Paris:20260501T000000
            DTEND;TZID="Europe/Paris":20260502T000000
            SUMMARY:Fête du travail
            END:VEVENT
            BEGIN:VEVENT
            UID:bastille@example.com
            SUMMARY:A long summary that the exporter folded
              across two lines
            DTSTART;VALU
             E=DATE:202607
            \t14
            END:VEVENT
            BEGIN:VEVENT
            UID:armistice@example.com
            DTSTART:20261111T080000Z
            SUMMARY:Armistice
            BEGIN:VALARM
            ACTION:DISPLAY
            TRIGGER:-PT15M
            DURATION:P9D
            END:VALARM
            END:VEVENT
            BEGIN:VTODO
            DTSTART;VALUE=DATE:20260303
            SUMMARY:Not a holiday
            END:VTODO
            END:VCALENDAR
            """;

    private static Holidays read(String ics) {
        return Holidays.fromICalendar(KEY, new StringReader(ics), EXPAND_THROUGH);
    }

    private static String error(String ics) {
        return assertThrows(IllegalArgumentException.class, () -> read(ics)).getMessage();
    }

    private static String event(String... lines) {
        return "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x@example.com\n" + String.join("\n", lines)
                + "\nEND:VEVENT\nEND:VCALENDAR\n";
    }

    private static List<LocalDate> dates(String... iso) {
        return Arrays.stream(iso).map(LocalDate::parse).collect(Collectors.toList());
    }

    @Test
    void readsEveryEventForm() {
        Holidays h = read(CALENDAR);
        assertTrue(h.contains(LocalDate.of(2026, 12, 25)), "all-day");
        assertFalse(h.contains(LocalDate.of(2026, 12, 24)));
        assertFalse(h.contains(LocalDate.of(2026, 12, 26)));
        for (int day = 10; day <= 14; day++) {
            assertTrue(h.contains(LocalDate.of(2026, 8, day)), "multi-day closure, day " + day);
        }
        assertFalse(h.contains(LocalDate.of(2026, 8, 15)), "DTEND is exclusive");
        assertTrue(h.contains(LocalDate.of(2026, 5, 1)), "TZID date-time");
        assertFalse(h.contains(LocalDate.of(2026, 5, 2)), "a date-time end at midnight is exclusive");
        assertTrue(h.contains(LocalDate.of(2026, 7, 14)), "folded lines (space and tab)");
        assertTrue(h.contains(LocalDate.of(2026, 11, 11)), "UTC date-time");
        assertFalse(h.contains(LocalDate.of(2026, 11, 12)), "a DURATION inside VALARM is not the event's");
        assertFalse(h.contains(LocalDate.of(2026, 3, 3)), "VTODO ignored");
        assertFalse(h.contains(LocalDate.of(1970, 10, 25)), "VTIMEZONE ignored");
    }

    @Test
    void yearlyRuleExpandsThroughTenYearsAfterDtstartOrTheGivenDate() {
        Holidays h = read(CALENDAR);
        List<LocalDate> christmases = h.dates().stream().filter(d -> d.getMonthValue() == 12).toList();
        assertEquals(11, christmases.size(), christmases.toString());
        assertEquals(LocalDate.of(2026, 12, 25), christmases.get(0));
        assertEquals(LocalDate.of(2036, 12, 25), christmases.get(10));

        Holidays later = Holidays.fromICalendar(KEY, new StringReader(CALENDAR), LocalDate.of(2040, 6, 1));
        assertTrue(later.contains(LocalDate.of(2039, 12, 25)));
        assertFalse(later.contains(LocalDate.of(2040, 12, 25)));
    }

    @Test
    void oldOpenEndedRuleStillCoversTheComingYearsByDefault() {
        Holidays h = Holidays.fromICalendar(KEY, new StringReader(
                event("DTSTART;VALUE=DATE:20101225", "RRULE:FREQ=YEARLY")));
        int year = LocalDate.now().getYear();
        assertTrue(h.contains(LocalDate.of(year + 5, 12, 25)), h.toString());
    }

    @Test
    void crlfLineEndingsAndByteOrderMark() {
        assertEquals(read(CALENDAR), read("\uFEFF" + CALENDAR.replace("\n", "\r\n")));
    }

    @Test
    void readsAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("holidays.ics");
        Files.writeString(file, CALENDAR.replace("\n", "\r\n"));
        assertEquals(read(CALENDAR), Holidays.fromICalendar(KEY, file, EXPAND_THROUGH));
        assertTrue(Holidays.fromICalendar(KEY, file).contains(LocalDate.of(2026, 12, 25)));

        Path missing = dir.resolve("missing.ics");
        String m = assertThrows(IllegalArgumentException.class, () -> Holidays.fromICalendar(KEY, missing))
                .getMessage();
        assertTrue(m.startsWith(KEY + ": cannot read iCalendar file '" + missing + "'"), m);
    }

    @Test
    void yearlyRuleHonoursCountUntilIntervalAndLeapDays() {
        assertEquals(dates("2026-12-25", "2027-12-25", "2028-12-25"),
                List.copyOf(read(event("DTSTART;VALUE=DATE:20261225", "RRULE:FREQ=YEARLY;COUNT=3")).dates()));
        assertEquals(dates("2026-12-25", "2027-12-25", "2028-12-25"), List.copyOf(read(
                event("DTSTART;VALUE=DATE:20261225", "RRULE:FREQ=YEARLY;UNTIL=20281225T000000Z")).dates()));
        assertEquals(dates("2026-12-25", "2028-12-25", "2030-12-25"), List.copyOf(read(
                event("DTSTART;VALUE=DATE:20261225", "RRULE:FREQ=YEARLY;INTERVAL=2;COUNT=3")).dates()));
        assertEquals(dates("2024-02-29", "2028-02-29", "2032-02-29"), List.copyOf(read(
                event("DTSTART;VALUE=DATE:20240229", "RRULE:FREQ=YEARLY;UNTIL=20330101")).dates()));
    }

    @Test
    void yearlyRuleWithNthWeekdayOfMonth() {
        assertEquals(dates("2026-11-26", "2027-11-25", "2028-11-23"), List.copyOf(read(event(
                "DTSTART;VALUE=DATE:20261126", "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH;COUNT=3")).dates()),
                "Thanksgiving");
        assertEquals(dates("2026-05-25", "2027-05-31", "2028-05-29"), List.copyOf(read(event(
                "DTSTART;VALUE=DATE:20260525", "RRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO;COUNT=3")).dates()),
                "Memorial Day");
    }

    @Test
    void multiDayEventRecursWithItsSpan() {
        Holidays h = read(event("DTSTART;VALUE=DATE:20261224", "DTEND;VALUE=DATE:20261227",
                "RRULE:FREQ=YEARLY;COUNT=2"));
        assertEquals(dates("2026-12-24", "2026-12-25", "2026-12-26", "2027-12-24", "2027-12-25", "2027-12-26"),
                List.copyOf(h.dates()));
    }

    @Test
    void otherRulesKeepTheFirstOccurrence() {
        assertEquals(dates("2026-01-05"),
                List.copyOf(read(event("DTSTART;VALUE=DATE:20260105", "RRULE:FREQ=WEEKLY;COUNT=10")).dates()));
        assertEquals(dates("2026-01-05"), List.copyOf(read(event("DTSTART;VALUE=DATE:20260105",
                "RRULE:FREQ=YEARLY;BYDAY=MO;BYMONTH=1")).dates()), "every Monday of January is not expanded");
    }

    @Test
    void durationExdateCancellationAndOverriddenInstances() {
        assertEquals(dates("2026-04-03", "2026-04-04", "2026-04-05"),
                List.copyOf(read(event("DTSTART;VALUE=DATE:20260403", "DURATION:P3D")).dates()));
        assertEquals(dates("2026-12-25", "2028-12-25"), List.copyOf(read(event("DTSTART;VALUE=DATE:20261225",
                "RRULE:FREQ=YEARLY;COUNT=3", "EXDATE;VALUE=DATE:20271225")).dates()));
        assertTrue(read(event("DTSTART;VALUE=DATE:20261225", "STATUS:CANCELLED")).isEmpty());

        String moved = """
                BEGIN:VCALENDAR
                BEGIN:VEVENT
                UID:xmas@example.com
                DTSTART;VALUE=DATE:20261225
                RRULE:FREQ=YEARLY;COUNT=3
                END:VEVENT
                BEGIN:VEVENT
                UID:xmas@example.com
                RECURRENCE-ID;VALUE=DATE:20271225
                DTSTART;VALUE=DATE:20271224
                END:VEVENT
                END:VCALENDAR
                """;
        assertEquals(dates("2026-12-25", "2027-12-24", "2028-12-25"), List.copyOf(read(moved).dates()));
    }

    @Test
    void timedEventsCoverEveryDateTheyTouch() {
        assertEquals(dates("2026-12-24", "2026-12-25"), List.copyOf(read(event(
                "DTSTART;TZID=Europe/Paris:20261224T120000", "DTEND;TZID=Europe/Paris:20261225T120000")).dates()));
        assertEquals(dates("2026-12-24"), List.copyOf(read(event("DTSTART:20261224T140000", "DURATION:PT4H"))
                .dates()));
    }

    @Test
    void malformedInputNamesKeyAndLine() {
        String bad = error(event("DTSTART;VALUE=DATE:2026125"));
        assertEquals(KEY + ": line 4 'DTSTART;VALUE=DATE:2026125': expected a date YYYYMMDD or a date-time "
                + "YYYYMMDDTHHMMSS[Z], got '2026125'", bad);
        assertTrue(error(event("DTSTART;VALUE=DATE:20260230")).contains("got '20260230'"));
        assertTrue(error(event("SUMMARY:no start")).contains("line 2: VEVENT has no DTSTART"));
        assertTrue(error("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261225\nEND:VCALENDAR\n")
                .contains("line 4 'END:VCALENDAR': END:VCALENDAR does not match BEGIN:VEVENT of line 2"));
        assertTrue(error("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261225\n")
                .contains("BEGIN:VEVENT is never ended"));
        assertTrue(error(event("DTSTART;VALUE=DATE:20260101", "DTEND;VALUE=DATE:20280101"))
                .contains("lasts 730 days"));
        assertTrue(error(event("DTSTART;VALUE=DATE:20261225", "RRULE:FREQ=YEARLY;COUNT=zero"))
                .contains("COUNT must be a positive number"));
        assertTrue(error(event("DTSTART;VALUE=DATE:20261225", "RRULE:COUNT=2")).contains("RRULE without FREQ"));
        assertTrue(error(event("DTSTART;VALUE=DATE:20261225", "DURATION:soon")).contains("expected a positive duration"));
        for (String m : List.of(bad, error(event("SUMMARY:no start")))) {
            assertTrue(m.startsWith(KEY + ": "), m);
        }
    }

    @Test
    void emptyCalendarHasNoHolidays() {
        assertTrue(read("BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n").isEmpty());
        assertTrue(read("").isEmpty());
    }
}
