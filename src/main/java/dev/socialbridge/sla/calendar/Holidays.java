package dev.socialbridge.sla.calendar;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A set of closed dates (holidays), interpreted in the calendar's time zone by {@link BusinessCalendar}.
 * Immutable value.
 *
 * <p>Sources: a comma-separated list of ISO dates ({@link #parse(String, String)}) or the VEVENTs of an iCalendar
 * (RFC 5545) file ({@link #fromICalendar(String, Path)}); several sources combine with {@link #union(Holidays...)}.
 *
 * <p>iCalendar support: every VEVENT contributes the local dates it covers. {@code DTSTART;VALUE=DATE:20261225}
 * is an all-day event, an optional {@code DTEND;VALUE=DATE} is its exclusive end (multi-day holidays) and
 * {@code DURATION:P2D} works as well; for date-time forms ({@code 20261225T000000}, with {@code TZID=...} or a
 * UTC {@code Z}) the written date is taken as is, and an end makes the event cover every date it touches. Folded
 * lines, {@code STATUS:CANCELLED}, {@code EXDATE} and overridden instances ({@code RECURRENCE-ID}) are honoured.
 * {@code RRULE:FREQ=YEARLY} (optionally with {@code INTERVAL}, {@code COUNT}, {@code UNTIL}, and a single
 * {@code BYMONTH} with a single {@code BYMONTHDAY} or nth-weekday {@code BYDAY} such as {@code 4TH} or {@code -1MO})
 * is expanded; without {@code COUNT}/{@code UNTIL} it is expanded through the later of 10 years after DTSTART and
 * the {@code expandThrough} date (by default 10 years from today). Other rules keep only the first occurrence.
 * Other components (VTODO, VTIMEZONE, VALARM, ...) are ignored.
 */
public final class Holidays {
    /** How far open-ended yearly rules are expanded past today (default) or past DTSTART. */
    public static final int DEFAULT_EXPANSION_YEARS = 10;

    private static final Holidays NONE = new Holidays(new TreeSet<>());

    private final NavigableSet<LocalDate> dates;

    private Holidays(TreeSet<LocalDate> dates) {
        this.dates = Collections.unmodifiableNavigableSet(dates);
    }

    /** No holidays. */
    public static Holidays none() {
        return NONE;
    }

    /** The given dates. */
    public static Holidays of(Collection<LocalDate> dates) {
        TreeSet<LocalDate> set = new TreeSet<>();
        for (LocalDate d : dates) {
            set.add(Objects.requireNonNull(d, "date"));
        }
        return set.isEmpty() ? NONE : new Holidays(set);
    }

    /** The given dates. */
    public static Holidays of(LocalDate... dates) {
        return of(Arrays.asList(dates));
    }

    /**
     * Parses comma-separated ISO dates such as {@code 2026-12-25, 2027-01-01}. A blank (or null) value means no
     * holidays; empty items (e.g. a trailing comma) are ignored.
     *
     * @param key the setting key, used only to prefix error messages
     * @throws IllegalArgumentException naming the key and the bad item when an item is not a {@code YYYY-MM-DD} date
     */
    public static Holidays parse(String key, String commaSeparatedIsoDates) {
        Objects.requireNonNull(key, "key");
        if (commaSeparatedIsoDates == null || commaSeparatedIsoDates.isBlank()) {
            return NONE;
        }
        TreeSet<LocalDate> set = new TreeSet<>();
        for (String raw : commaSeparatedIsoDates.split(",", -1)) {
            String item = raw.strip();
            if (item.isEmpty()) {
                continue;
            }
            try {
                set.add(LocalDate.parse(item));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(key + ": '" + item + "' in '" + commaSeparatedIsoDates.strip()
                        + "': expected an ISO date YYYY-MM-DD", e);
            }
        }
        return set.isEmpty() ? NONE : new Holidays(set);
    }

    /**
     * Reads the holidays of an iCalendar file (UTF-8), expanding open-ended yearly rules through 10 years from
     * today (see the class documentation).
     *
     * @throws IllegalArgumentException naming the key when the file cannot be read or is malformed
     */
    public static Holidays fromICalendar(String key, Path file) {
        return fromICalendar(key, file, defaultExpandThrough());
    }

    /**
     * Reads the holidays of an iCalendar file (UTF-8); open-ended yearly rules are expanded through the later of
     * {@code expandThrough} and 10 years after their DTSTART.
     *
     * @throws IllegalArgumentException naming the key when the file cannot be read or is malformed
     */
    public static Holidays fromICalendar(String key, Path file, LocalDate expandThrough) {
        Objects.requireNonNull(file, "file");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return fromICalendar(key, reader, expandThrough);
        } catch (IOException e) {
            throw new IllegalArgumentException(key + ": cannot read iCalendar file '" + file + "': " + e, e);
        }
    }

    /**
     * Reads the holidays of iCalendar text, expanding open-ended yearly rules through 10 years from today.
     * The reader is not closed.
     *
     * @throws IllegalArgumentException naming the key and the offending line when the text is malformed or
     *                                  cannot be read
     */
    public static Holidays fromICalendar(String key, Reader reader) {
        return fromICalendar(key, reader, defaultExpandThrough());
    }

    /**
     * Reads the holidays of iCalendar text; open-ended yearly rules are expanded through the later of
     * {@code expandThrough} and 10 years after their DTSTART. The reader is not closed.
     *
     * @throws IllegalArgumentException naming the key and the offending line when the text is malformed or
     *                                  cannot be read
     */
    public static Holidays fromICalendar(String key, Reader reader, LocalDate expandThrough) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(expandThrough, "expandThrough");
        try {
            return of(new ICalendarReader(key, expandThrough).read(reader));
        } catch (IOException e) {
            throw new IllegalArgumentException(key + ": cannot read iCalendar data: " + e, e);
        }
    }

    /** All dates of all the given sets. */
    public static Holidays union(Holidays... sets) {
        TreeSet<LocalDate> all = new TreeSet<>();
        for (Holidays h : sets) {
            all.addAll(h.dates);
        }
        return all.isEmpty() ? NONE : new Holidays(all);
    }

    /** True if the date is a holiday. */
    public boolean contains(LocalDate date) {
        return dates.contains(date);
    }

    /** The dates, ascending (unmodifiable). */
    public NavigableSet<LocalDate> dates() {
        return dates;
    }

    /** Number of dates. */
    public int size() {
        return dates.size();
    }

    /** True if there are no dates. */
    public boolean isEmpty() {
        return dates.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Holidays other && dates.equals(other.dates);
    }

    @Override
    public int hashCode() {
        return dates.hashCode();
    }

    /** E.g. {@code 3 holidays (2026-12-25..2027-01-01)} or {@code no holidays}. */
    @Override
    public String toString() {
        if (dates.isEmpty()) {
            return "no holidays";
        }
        return dates.size() + (dates.size() == 1 ? " holiday (" : " holidays (") + dates.first()
                + (dates.size() == 1 ? "" : ".." + dates.last()) + ")";
    }

    private static LocalDate defaultExpandThrough() {
        return LocalDate.now(Clock.systemUTC()).plusYears(DEFAULT_EXPANSION_YEARS);
    }
}
