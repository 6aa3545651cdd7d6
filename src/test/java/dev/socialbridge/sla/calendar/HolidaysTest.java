package dev.socialbridge.sla.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HolidaysTest {
    private static final String KEY = "socialbridge.sla.holidays";

    @Test
    void parsesCommaSeparatedIsoDates() {
        Holidays h = Holidays.parse(KEY, "2027-01-01, 2026-12-25 ,2026-12-25,");
        assertEquals(List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)), List.copyOf(h.dates()));
        assertTrue(h.contains(LocalDate.of(2026, 12, 25)));
        assertEquals(2, h.size());
        assertEquals("2 holidays (2026-12-25..2027-01-01)", h.toString());
    }

    @Test
    void blankMeansNone() {
        assertSame(Holidays.none(), Holidays.parse(KEY, ""));
        assertSame(Holidays.none(), Holidays.parse(KEY, "  "));
        assertSame(Holidays.none(), Holidays.parse(KEY, null));
        assertTrue(Holidays.none().isEmpty());
        assertEquals("no holidays", Holidays.none().toString());
    }

    @Test
    void badDateNamesKeyAndValue() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> Holidays.parse(KEY, "2026-12-25, 2026-13-01")).getMessage();
        assertEquals(KEY + ": '2026-13-01' in '2026-12-25, 2026-13-01': expected an ISO date YYYY-MM-DD", m);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Holidays.parse(KEY, "25/12/2026"))
                .getMessage().contains("'25/12/2026'"));
    }

    @Test
    void unionCombinesAndDeduplicates() {
        Holidays a = Holidays.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1));
        Holidays b = Holidays.parse(KEY, "2027-01-01, 2026-05-01");
        Holidays u = Holidays.union(a, b, Holidays.none());
        assertEquals(List.of(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)),
                List.copyOf(u.dates()));
        assertEquals(u, Holidays.union(b, a));
        assertSame(Holidays.none(), Holidays.union());
    }

    @Test
    void datesAreUnmodifiable() {
        Holidays h = Holidays.of(LocalDate.of(2026, 12, 25));
        assertThrows(UnsupportedOperationException.class, () -> h.dates().add(LocalDate.of(2026, 1, 1)));
    }
}
