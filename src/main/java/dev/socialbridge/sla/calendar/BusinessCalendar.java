package dev.socialbridge.sla.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A business calendar for SLA clocks: {@link BusinessHours} in a time zone, closed on {@link Holidays}. It adds
 * and measures <em>open time</em> between {@link Instant}s. Immutable and thread-safe.
 *
 * <p>DST: each day's ranges are local wall-clock times converted with {@link ZonedDateTime}. A boundary that falls
 * in a spring-forward gap shifts forward by the gap length (as {@code ZonedDateTime.of} does); on fall-back an open
 * range starts at the earlier and ends at the later occurrence of its boundaries, so the repeated hour counts. All
 * durations are real elapsed time between instants: Sunday {@code 00:00-24:00} is 23 hours open on a
 * spring-forward day and 25 hours on a fall-back day. Holidays are local dates in the calendar's zone.
 *
 * <p>The work is per open range and day, never per minute. A calendar that is {@code 24/7} without holidays is
 * plain wall-clock time. A calendar without open time (or with none in {@value #SEARCH_HORIZON_DAYS} days, about
 * three years) cannot add time: {@link #addBusinessTime} and {@link #nextOpening} throw
 * {@link IllegalStateException}.
 */
public final class BusinessCalendar {
    /** Consecutive days without open time after which a search for open time gives up (about 3 years). */
    public static final int SEARCH_HORIZON_DAYS = 3 * 366;

    private static final BusinessCalendar ALWAYS =
            new BusinessCalendar(ZoneOffset.UTC, BusinessHours.alwaysOpen(), Holidays.none());

    private final ZoneId zone;
    private final BusinessHours hours;
    private final Holidays holidays;
    private final boolean wallClock;

    /** An open range of one day as instants, {@code [start, end)}. */
    private record Segment(Instant start, Instant end) {
    }

    /**
     * @param zone     the zone in which hours and holiday dates are read
     * @param hours    the weekly opening hours
     * @param holidays the closed dates
     */
    public BusinessCalendar(ZoneId zone, BusinessHours hours, Holidays holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.hours = Objects.requireNonNull(hours, "hours");
        this.holidays = Objects.requireNonNull(holidays, "holidays");
        this.wallClock = hours.isAlwaysOpen() && holidays.isEmpty();
    }

    /** Always open (UTC, {@code 24/7}, no holidays): business time is wall-clock time. */
    public static BusinessCalendar always() {
        return ALWAYS;
    }

    /** The zone in which hours and holidays are read. */
    public ZoneId zone() {
        return zone;
    }

    /** The weekly opening hours. */
    public BusinessHours hours() {
        return hours;
    }

    /** The closed dates. */
    public Holidays holidays() {
        return holidays;
    }

    /**
     * The instant at which {@code d} of open time has elapsed after {@code start}. If {@code start} is outside
     * business hours the clock starts at the next opening; a result that exhausts an open range exactly is that
     * range's closing instant. With {@code d} zero this is {@link #nextOpening(Instant)}.
     *
     * @throws IllegalArgumentException if {@code d} is negative
     * @throws IllegalStateException    if no open time is found within {@value #SEARCH_HORIZON_DAYS} days
     */
    public Instant addBusinessTime(Instant start, Duration d) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(d, "d");
        if (d.isNegative()) {
            throw new IllegalArgumentException("business time to add must not be negative: " + d);
        }
        if (wallClock) {
            return start.plus(d);
        }
        if (!hours.hasOpenTime()) {
            throw noOpenTime(start);
        }
        Duration remaining = d;
        Instant cursor = start;
        int closedDays = 0;
        for (LocalDate day = localDate(start).minusDays(1); ; day = day.plusDays(1)) {
            boolean open = false;
            for (Segment seg : segments(day)) {
                Instant from = later(seg.start(), cursor);
                if (!from.isBefore(seg.end())) {
                    continue;
                }
                open = true;
                Duration available = Duration.between(from, seg.end());
                if (available.compareTo(remaining) >= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
                cursor = seg.end();
            }
            closedDays = open ? 0 : closedDays + 1;
            if (closedDays > SEARCH_HORIZON_DAYS) {
                throw noOpenTime(cursor);
            }
        }
    }

    /** Open time elapsed in {@code [from, to)}; zero if {@code to} is not after {@code from}. */
    public Duration businessTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (wallClock) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        Instant cursor = from;
        LocalDate last = localDate(to);
        for (LocalDate day = localDate(from).minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            for (Segment seg : segments(day)) {
                Instant s = later(seg.start(), cursor);
                Instant e = seg.end().isBefore(to) ? seg.end() : to;
                if (s.isBefore(e)) {
                    total = total.plus(Duration.between(s, e));
                    cursor = e;
                }
            }
        }
        return total;
    }

    /** True if {@code t} lies in an open range (ranges are closed at their end instant). */
    public boolean isOpen(Instant t) {
        Objects.requireNonNull(t, "t");
        if (wallClock) {
            return true;
        }
        LocalDate date = localDate(t);
        for (LocalDate day = date.minusDays(1); !day.isAfter(date); day = day.plusDays(1)) {
            for (Segment seg : segments(day)) {
                if (!t.isBefore(seg.start()) && t.isBefore(seg.end())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@code t} itself if open, else the start of the next open range.
     *
     * @throws IllegalStateException if no open time is found within {@value #SEARCH_HORIZON_DAYS} days
     */
    public Instant nextOpening(Instant t) {
        return addBusinessTime(t, Duration.ZERO);
    }

    /** E.g. {@code BusinessCalendar[zone=Europe/Paris, hours=MON-FRI 09:00-18:00, holidays=3]}. */
    @Override
    public String toString() {
        return "BusinessCalendar[zone=" + zone.getId() + ", hours=" + hours + ", holidays=" + holidays.size() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BusinessCalendar other && zone.equals(other.zone) && hours.equals(other.hours)
                && holidays.equals(other.holidays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, hours, holidays);
    }

    // ---------------------------------------------------------------- internals

    /** The open ranges of a local date as instants, in order; empty on holidays and closed days. */
    private List<Segment> segments(LocalDate day) {
        if (holidays.contains(day)) {
            return List.of();
        }
        List<TimeRange> ranges = hours.intervals(day.getDayOfWeek());
        List<Segment> out = new ArrayList<>(ranges.size());
        for (TimeRange r : ranges) {
            Instant start = ZonedDateTime.of(day.atTime(r.startMinute() / 60, r.startMinute() % 60), zone)
                    .withEarlierOffsetAtOverlap().toInstant();
            Instant end = r.endMinute() == TimeRange.MINUTES_PER_DAY
                    ? day.plusDays(1).atStartOfDay(zone).toInstant()
                    : ZonedDateTime.of(day.atTime(r.endMinute() / 60, r.endMinute() % 60), zone)
                            .withLaterOffsetAtOverlap().toInstant();
            if (start.isBefore(end)) {
                out.add(new Segment(start, end));
            }
        }
        return out;
    }

    private LocalDate localDate(Instant t) {
        return LocalDate.ofInstant(t, zone);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private IllegalStateException noOpenTime(Instant after) {
        return new IllegalStateException("no open time within " + SEARCH_HORIZON_DAYS + " days after " + after
                + " in " + this);
    }
}
