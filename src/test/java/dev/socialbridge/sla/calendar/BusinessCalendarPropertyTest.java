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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Property-style checks over many starts and durations, including DST weekends and holidays. */
class BusinessCalendarPropertyTest {
    private static final List<Duration> DURATIONS = List.of(Duration.ZERO, Duration.ofSeconds(1),
            Duration.ofMinutes(1), Duration.ofMinutes(45), Duration.ofHours(3), Duration.ofHours(8),
            Duration.ofHours(26), Duration.ofHours(100), Duration.ofDays(30));

    private static final Holidays HOLIDAYS = Holidays.parse("k", "2026-03-30, 2026-10-26, 2026-11-02, 2026-12-25");

    private static List<BusinessCalendar> calendars() {
        return List.of(
                calendar(ZoneId.of("Europe/Paris"), "MON-FRI 09:00-12:30,13:30-18:00; SAT 10:00-13:00", HOLIDAYS),
                calendar(ZoneId.of("Europe/Paris"), "SUN 01:00-05:00; MON-FRI 08:00-20:00", HOLIDAYS),
                calendar(ZoneId.of("America/New_York"), "MON-FRI 09:00-18:00; SUN 00:00-24:00", HOLIDAYS),
                calendar(ZoneId.of("America/New_York"), "24/7", HOLIDAYS),
                calendar(ZoneId.of("Australia/Lord_Howe"), "MON-SUN 01:00-03:00,22:00-24:00", Holidays.none()),
                BusinessCalendar.always());
    }

    /** Starts every 97 minutes over the spring and autumn DST weekends of both zones. */
    private static List<Instant> starts() {
        List<Instant> out = new ArrayList<>();
        for (String from : List.of("2026-03-05T00:00:00Z", "2026-03-26T00:00:00Z", "2026-10-22T00:00:00Z",
                "2026-10-29T00:00:00Z", "2026-04-02T00:00:00Z")) {
            Instant t = Instant.parse(from);
            for (int i = 0; i < 90; i++) {
                out.add(t.plus(Duration.ofMinutes(97L * i)));
            }
        }
        return out;
    }

    @Test
    void betweenIsTheInverseOfAdd() {
        for (BusinessCalendar cal : calendars()) {
            for (Instant start : starts()) {
                for (Duration d : DURATIONS) {
                    Instant due = cal.addBusinessTime(start, d);
                    Supplier<String> what = () -> cal + " " + start + " + " + d + " = " + due;
                    assertEquals(d, cal.businessTimeBetween(start, due), what);
                    assertFalse(due.isBefore(start), what);
                    if (d.isZero()) {
                        assertTrue(cal.isOpen(due), what);
                        assertEquals(due, cal.nextOpening(start), what);
                    } else {
                        // minimal: one second earlier, one second of open time is still missing
                        assertEquals(d.minusSeconds(1), cal.businessTimeBetween(start, due.minusSeconds(1)), what);
                    }
                }
            }
        }
    }

    @Test
    void addIsAdditive() {
        for (BusinessCalendar cal : calendars()) {
            for (Instant start : starts()) {
                Duration a = Duration.ofMinutes(200);
                Duration b = Duration.ofMinutes(333);
                assertEquals(cal.addBusinessTime(start, a.plus(b)),
                        cal.addBusinessTime(cal.addBusinessTime(start, a), b), () -> cal + " " + start);
            }
        }
    }

    @Test
    void betweenIsAdditiveOverASplitPoint() {
        for (BusinessCalendar cal : calendars()) {
            List<Instant> s = starts();
            for (int i = 0; i + 2 < s.size(); i += 3) {
                Instant a = s.get(i);
                Instant b = s.get(i + 1);
                Instant c = s.get(i + 2).plus(Duration.ofDays(3));
                assertEquals(cal.businessTimeBetween(a, c),
                        cal.businessTimeBetween(a, b).plus(cal.businessTimeBetween(b, c)), () -> cal + " " + a);
            }
        }
    }

    /** Compares with a naive minute-by-minute oracle in a zone without DST. */
    @Test
    void matchesMinuteByMinuteOracleWithoutDst() {
        ZoneId zone = ZoneOffset.ofHours(2);
        String spec = "MON-FRI 09:00-12:30,13:30-18:00; SAT 10:00-13:00; SUN 23:00-24:00";
        BusinessHours hours = BusinessHours.parse("k", spec);
        Holidays holidays = Holidays.parse("k", "2026-06-08, 2026-06-12");
        BusinessCalendar cal = new BusinessCalendar(zone, hours, holidays);
        Random random = new Random(42);
        LocalDateTime base = LocalDateTime.parse("2026-06-01T00:00");
        for (int i = 0; i < 300; i++) {
            LocalDateTime start = base.plusMinutes(random.nextInt(21 * 24 * 60));
            int minutes = random.nextInt(i % 3 == 0 ? 60 : 3000);
            LocalDateTime expected = oracleAdd(hours, holidays, start, minutes);
            assertEquals(at(expected.toString(), zone), cal.addBusinessTime(at(start.toString(), zone),
                    Duration.ofMinutes(minutes)), start + " + " + minutes + " min");

            LocalDateTime to = start.plusMinutes(random.nextInt(5 * 24 * 60));
            assertEquals(Duration.ofMinutes(oracleBetween(hours, holidays, start, to)),
                    cal.businessTimeBetween(at(start.toString(), zone), at(to.toString(), zone)), start + ".." + to);
            assertEquals(oracleOpen(hours, holidays, start), cal.isOpen(at(start.toString(), zone)), start.toString());
        }
    }

    private static boolean oracleOpen(BusinessHours hours, Holidays holidays, LocalDateTime t) {
        LocalDate date = t.toLocalDate();
        int minute = t.getHour() * 60 + t.getMinute();
        return !holidays.contains(date) && hours.intervals(date.getDayOfWeek()).stream()
                .anyMatch(r -> r.startMinute() <= minute && minute < r.endMinute());
    }

    private static LocalDateTime oracleAdd(BusinessHours hours, Holidays holidays, LocalDateTime start, int minutes) {
        LocalDateTime t = start;
        int counted = 0;
        while (true) {
            if (oracleOpen(hours, holidays, t)) {
                if (counted == minutes) {
                    return t;
                }
                counted++;
                if (counted == minutes) {
                    return t.plusMinutes(1);
                }
            }
            t = t.plusMinutes(1);
        }
    }

    private static long oracleBetween(BusinessHours hours, Holidays holidays, LocalDateTime from, LocalDateTime to) {
        long n = 0;
        for (LocalDateTime t = from; t.isBefore(to); t = t.plusMinutes(1)) {
            if (oracleOpen(hours, holidays, t)) {
                n++;
            }
        }
        return n;
    }
}
