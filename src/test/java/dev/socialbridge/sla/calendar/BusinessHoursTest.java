package dev.socialbridge.sla.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BusinessHoursTest {
    private static final String KEY = "socialbridge.sla.hours";

    private static BusinessHours parse(String spec) {
        return BusinessHours.parse(KEY, spec);
    }

    private static String error(String spec) {
        return assertThrows(IllegalArgumentException.class, () -> parse(spec)).getMessage();
    }

    private static TimeRange range(int startH, int startM, int endH, int endM) {
        return new TimeRange(startH * 60 + startM, endH * 60 + endM);
    }

    @Test
    void parsesSplitShiftWeekdaysAndShortSaturday() {
        BusinessHours hours = parse("MON-FRI 09:00-12:30,13:30-18:00; SAT 10:00-13:00");
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)) {
            assertEquals(List.of(range(9, 0, 12, 30), range(13, 30, 18, 0)), hours.intervals(day));
        }
        assertEquals(List.of(range(10, 0, 13, 0)), hours.intervals(DayOfWeek.SATURDAY));
        assertEquals(List.of(), hours.intervals(DayOfWeek.SUNDAY), "a day not mentioned is closed");
        assertTrue(hours.hasOpenTime());
        assertFalse(hours.isAlwaysOpen());
    }

    @Test
    void toleratesWhitespaceCaseAndEmptyClauses() {
        BusinessHours messy = parse("  mon - Fri 09:00 - 12:30 ,\t13:30-18:00 ;sat 10:00-13:00 ; ");
        assertEquals(parse("MON-FRI 09:00-12:30,13:30-18:00; SAT 10:00-13:00"), messy);
    }

    @Test
    void acceptsDayListsFullNamesAndWrappingRanges() {
        BusinessHours lists = parse("MON,WED 08:00-12:00; friday 14:00-16:00");
        assertEquals(List.of(range(8, 0, 12, 0)), lists.intervals(DayOfWeek.MONDAY));
        assertEquals(List.of(), lists.intervals(DayOfWeek.TUESDAY));
        assertEquals(List.of(range(8, 0, 12, 0)), lists.intervals(DayOfWeek.WEDNESDAY));
        assertEquals(List.of(range(14, 0, 16, 0)), lists.intervals(DayOfWeek.FRIDAY));

        BusinessHours wrap = parse("FRI-MON 10:00-14:00");
        for (DayOfWeek open : List.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY)) {
            assertEquals(List.of(range(10, 0, 14, 0)), wrap.intervals(open), open.toString());
        }
        assertEquals(List.of(), wrap.intervals(DayOfWeek.TUESDAY));
    }

    @Test
    void aDayMayAppearInSeveralClausesAndTouchingRangesMerge() {
        BusinessHours hours = parse("MON-FRI 09:00-12:00; MON 12:00-13:00,14:00-15:00");
        assertEquals(List.of(range(9, 0, 13, 0), range(14, 0, 15, 0)), hours.intervals(DayOfWeek.MONDAY));
        assertEquals(parse("MON 09:00-18:00"), parse("MON 09:00-12:00,12:00-18:00"));
    }

    @Test
    void midnightIsAValidEnd() {
        assertEquals(List.of(TimeRange.WHOLE_DAY), parse("SUN 00:00-24:00").intervals(DayOfWeek.SUNDAY));
        assertEquals(List.of(range(22, 0, 24, 0)), parse("sat 22:00-24:00").intervals(DayOfWeek.SATURDAY));
    }

    @Test
    void twentyFourSevenIsAlwaysOpen() {
        assertTrue(parse("24/7").isAlwaysOpen());
        assertTrue(parse(" 24/7 ").isAlwaysOpen());
        assertEquals(BusinessHours.alwaysOpen(), parse("24/7"));
        BusinessHours explicit = parse("MON-SUN 00:00-24:00");
        assertTrue(explicit.isAlwaysOpen(), "every day 00:00-24:00 is 24/7");
        assertEquals("24/7", explicit.toString());
        assertFalse(parse("MON-SAT 00:00-24:00").isAlwaysOpen());
    }

    @Test
    void toStringIsCanonicalAndRoundTrips() {
        String spec = "MON-FRI 09:00-12:30,13:30-18:00; SAT 10:00-13:00";
        assertEquals(spec, parse(spec).toString());
        assertEquals("MON,WED-THU 08:00-12:00; SAT-SUN 10:00-11:00",
                parse("sun 10:00-11:00; wed,thu,mon 08:00-12:00; sat 10:00-11:00").toString());
        for (String s : List.of(spec, "FRI-MON 10:00-14:00", "TUE 00:00-24:00; THU 01:00-02:00,03:00-04:00")) {
            BusinessHours h = parse(s);
            assertEquals(h, parse(h.toString()), s);
        }
        assertEquals("closed", BusinessHours.closed().toString());
        assertFalse(BusinessHours.closed().hasOpenTime());
    }

    @Test
    void badIntervalNamesKeyAndClause() {
        assertTrue(error("MON-FRI 9h-12h")
                        .startsWith("socialbridge.sla.hours: 'MON-FRI 9h-12h': expected HH:MM-HH:MM"),
                error("MON-FRI 9h-12h"));
        assertTrue(error("MON-FRI 09:00-18:00; SAT 10-13").contains("'SAT 10-13': expected HH:MM-HH:MM, got '10-13'"));
        assertTrue(error("MON 09:00-10:00 11:00-12:00").contains("expected HH:MM-HH:MM"));
        assertTrue(error("MON 09:00-12:00,").contains("got ''"));
    }

    @Test
    void badDaysNameTheDay() {
        String m = error("MOM-FRI 09:00-18:00");
        assertTrue(m.startsWith(KEY + ": 'MOM-FRI 09:00-18:00': unknown day 'MOM'"), m);
        assertTrue(error("MON,,TUE 09:00-10:00").contains("expected days like MON-FRI or MON,WED, got ''"));
        assertTrue(error("MON-TUE-WED 09:00-10:00").contains("got 'MON-TUE-WED'"));
        assertTrue(error("09:00-18:00").contains("'09:00-18:00': expected days before the intervals"));
        assertTrue(error("MON-FRI; SAT 10:00-12:00").contains("'MON-FRI': expected time intervals after the days"));
    }

    @Test
    void badTimesAreRejected() {
        assertTrue(error("MON 18:00-09:00").contains("'MON 18:00-09:00': '18:00-09:00' must start before it ends"));
        assertTrue(error("MON 10:00-10:00").contains("must start before it ends"));
        assertTrue(error("MON 09:00-25:00").contains("invalid time '25:00'"));
        assertTrue(error("MON 09:60-10:00").contains("invalid time '09:60'"));
        assertTrue(error("MON 24:00-24:00").contains("invalid time '24:00'"), "24:00 is only an end");
        assertTrue(error("MON 09:00-24:30").contains("invalid time '24:30'"));
    }

    @Test
    void overlappingIntervalsNameBothClauses() {
        String m = error("MON-FRI 09:00-12:00; WED 11:00-13:00");
        assertEquals(KEY + ": 'WED 11:00-13:00': 11:00-13:00 overlaps 09:00-12:00 of 'MON-FRI 09:00-12:00' on WED", m);
        assertTrue(error("MON 09:00-12:00,11:59-13:00").contains("overlaps"));
        assertTrue(error("MON-SUN 00:00-24:00; SUN 10:00-11:00").contains("on SUN"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", ";", " ; ; "})
    void blankSpecIsAnError(String spec) {
        String m = error(spec);
        assertTrue(m.startsWith(KEY + ": "), m);
        assertTrue(m.contains("expected '24/7' or clauses like 'MON-FRI 09:00-18:00'"), m);
    }

    @Test
    void timeRangeValidatesAndPrints() {
        assertEquals("09:05-24:00", new TimeRange(545, 1440).toString());
        assertThrows(IllegalArgumentException.class, () -> new TimeRange(600, 600));
        assertThrows(IllegalArgumentException.class, () -> new TimeRange(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> new TimeRange(0, 1441));
    }
}
