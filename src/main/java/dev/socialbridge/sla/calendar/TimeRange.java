package dev.socialbridge.sla.calendar;

import java.time.Duration;

/**
 * One opening interval within a day, in minutes since local midnight: {@code [startMinute, endMinute)} with
 * {@code 0 <= startMinute < endMinute <= 1440} (so {@code 24:00} is a valid end). Printed as {@code HH:MM-HH:MM}.
 *
 * @param startMinute first open minute of the day (inclusive), 0..1439
 * @param endMinute   first closed minute of the day (exclusive), 1..1440
 */
public record TimeRange(int startMinute, int endMinute) implements Comparable<TimeRange> {
    /** Minutes in a (nominal) day; the largest allowed {@link #endMinute()}. */
    public static final int MINUTES_PER_DAY = 24 * 60;

    /** The whole day, {@code 00:00-24:00}. */
    public static final TimeRange WHOLE_DAY = new TimeRange(0, MINUTES_PER_DAY);

    /**
     * @throws IllegalArgumentException unless {@code 0 <= startMinute < endMinute <= 1440}
     */
    public TimeRange {
        if (startMinute < 0 || endMinute > MINUTES_PER_DAY || startMinute >= endMinute) {
            throw new IllegalArgumentException("invalid time range " + startMinute + ".." + endMinute
                    + " (minutes of the day, start must be before end, end at most 24:00)");
        }
    }

    /** Nominal length of the range (ignores DST; the calendar measures real time). */
    public Duration nominalLength() {
        return Duration.ofMinutes(endMinute - startMinute);
    }

    /** True if the two ranges share at least one minute (touching ranges do not overlap). */
    public boolean overlaps(TimeRange other) {
        return startMinute < other.endMinute && other.startMinute < endMinute;
    }

    @Override
    public int compareTo(TimeRange other) {
        int c = Integer.compare(startMinute, other.startMinute);
        return c != 0 ? c : Integer.compare(endMinute, other.endMinute);
    }

    /** {@code HH:MM-HH:MM}, the form {@link BusinessHours#parse(String, String)} accepts. */
    @Override
    public String toString() {
        return hhmm(startMinute) + "-" + hhmm(endMinute);
    }

    static String hhmm(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }
}
