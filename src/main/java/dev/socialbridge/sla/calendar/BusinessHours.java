package dev.socialbridge.sla.calendar;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Weekly opening hours: for each day of the week, a sorted list of non-overlapping {@link TimeRange}s in local
 * wall-clock time. Immutable value; {@link #equals(Object)} compares the effective hours (touching ranges are
 * merged, so {@code 09:00-12:00,12:00-18:00} equals {@code 09:00-18:00}).
 *
 * <p>Spec grammar accepted by {@link #parse(String, String)} (case-insensitive, whitespace anywhere is ignored):
 * <pre>
 *   spec     := "24/7" | clause ( ";" clause )*          empty clauses (e.g. a trailing ";") are ignored
 *   clause   := days intervals
 *   days     := dayItem ( "," dayItem )*
 *   dayItem  := DAY | DAY "-" DAY                        ranges are inclusive and may wrap (FRI-MON)
 *   DAY      := MON | TUE | WED | THU | FRI | SAT | SUN  (full English names such as MONDAY work too)
 *   intervals:= HH:MM "-" HH:MM ( "," HH:MM "-" HH:MM )*  start before end; 24:00 only as an end
 * </pre>
 * A day not mentioned is closed. A day may appear in several clauses as long as its intervals do not overlap.
 * Example: {@code MON-FRI 09:00-12:30,13:30-18:00; SAT 10:00-13:00}.
 */
public final class BusinessHours {
    private static final Pattern INTERVAL = Pattern.compile("(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})");
    private static final String ALWAYS_SPEC = "24/7";
    private static final String EXAMPLE = "'MON-FRI 09:00-18:00'";

    private static final BusinessHours ALWAYS;
    private static final BusinessHours CLOSED = new BusinessHours(new EnumMap<>(DayOfWeek.class));

    static {
        Map<DayOfWeek, List<TimeRange>> all = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            all.put(day, List.of(TimeRange.WHOLE_DAY));
        }
        ALWAYS = new BusinessHours(all);
    }

    private final Map<DayOfWeek, List<TimeRange>> byDay;
    private final boolean alwaysOpen;

    private BusinessHours(Map<DayOfWeek, List<TimeRange>> ranges) {
        Map<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
        ranges.forEach((day, list) -> {
            List<TimeRange> merged = mergeTouching(list);
            if (!merged.isEmpty()) {
                copy.put(day, merged);
            }
        });
        this.byDay = Collections.unmodifiableMap(copy);
        this.alwaysOpen = copy.size() == 7
                && copy.values().stream().allMatch(l -> l.equals(List.of(TimeRange.WHOLE_DAY)));
    }

    /** Open around the clock, every day ({@code 24/7}). */
    public static BusinessHours alwaysOpen() {
        return ALWAYS;
    }

    /** Never open: no day has any interval. A calendar built on it cannot add business time. */
    public static BusinessHours closed() {
        return CLOSED;
    }

    /**
     * Parses a spec (see the class documentation for the grammar).
     *
     * @param key  the setting key, used only to prefix error messages (e.g. {@code socialbridge.sla.hours})
     * @param spec the spec, e.g. {@code MON-FRI 09:00-12:30,13:30-18:00; SAT 10:00-13:00} or {@code 24/7}
     * @throws IllegalArgumentException naming the key and the offending clause when the spec is blank, malformed,
     *                                  or has overlapping intervals on a day
     */
    public static BusinessHours parse(String key, String spec) {
        Objects.requireNonNull(key, "key");
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(key + ": expected '24/7' or clauses like " + EXAMPLE
                    + " but the value is blank");
        }
        if (removeWhitespace(spec).equals(ALWAYS_SPEC)) {
            return ALWAYS;
        }
        Map<DayOfWeek, List<Sourced>> byDay = new EnumMap<>(DayOfWeek.class);
        boolean any = false;
        for (String raw : spec.split(";", -1)) {
            String clause = raw.strip();
            if (!clause.isEmpty()) {
                parseClause(key, clause, byDay);
                any = true;
            }
        }
        if (!any) {
            throw new IllegalArgumentException(key + ": '" + spec.strip() + "': expected '24/7' or clauses like "
                    + EXAMPLE);
        }
        Map<DayOfWeek, List<TimeRange>> ranges = new EnumMap<>(DayOfWeek.class);
        byDay.forEach((day, list) -> ranges.put(day, list.stream().map(Sourced::range).toList()));
        return new BusinessHours(ranges);
    }

    /** The open ranges of a day, sorted and non-overlapping; empty when the day is closed. */
    public List<TimeRange> intervals(DayOfWeek day) {
        return byDay.getOrDefault(Objects.requireNonNull(day, "day"), List.of());
    }

    /** True if every day is open {@code 00:00-24:00}. */
    public boolean isAlwaysOpen() {
        return alwaysOpen;
    }

    /** True if at least one day has an open range. */
    public boolean hasOpenTime() {
        return !byDay.isEmpty();
    }

    /**
     * Canonical spec: {@code 24/7}, {@code closed} when no day is open (which {@link #parse} does not accept), or
     * clauses grouping days with identical ranges, e.g. {@code MON-FRI 09:00-18:00; SAT 10:00-13:00}. Parsing the
     * result (when not closed) yields equal hours.
     */
    @Override
    public String toString() {
        if (alwaysOpen) {
            return ALWAYS_SPEC;
        }
        if (byDay.isEmpty()) {
            return "closed";
        }
        Map<List<TimeRange>, List<DayOfWeek>> groups = new LinkedHashMap<>();
        byDay.forEach((day, ranges) -> groups.computeIfAbsent(ranges, r -> new ArrayList<>()).add(day));
        StringJoiner clauses = new StringJoiner("; ");
        groups.forEach((ranges, days) -> {
            StringJoiner intervals = new StringJoiner(",");
            ranges.forEach(r -> intervals.add(r.toString()));
            clauses.add(daysToString(days) + " " + intervals);
        });
        return clauses.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BusinessHours other && byDay.equals(other.byDay);
    }

    @Override
    public int hashCode() {
        return byDay.hashCode();
    }

    // ---------------------------------------------------------------- parsing

    /** A range with the clause it came from, for overlap messages. */
    private record Sourced(TimeRange range, String clause) {
    }

    private static void parseClause(String key, String clause, Map<DayOfWeek, List<Sourced>> byDay) {
        int firstDigit = firstDigit(clause);
        if (firstDigit < 0) {
            throw new IllegalArgumentException(key + ": '" + clause + "': expected time intervals after the days, "
                    + "e.g. " + EXAMPLE);
        }
        String daysPart = removeWhitespace(clause.substring(0, firstDigit)).toUpperCase(Locale.ROOT);
        if (daysPart.isEmpty()) {
            throw new IllegalArgumentException(key + ": '" + clause + "': expected days before the intervals, "
                    + "e.g. " + EXAMPLE);
        }
        Set<DayOfWeek> days = parseDays(key, clause, daysPart);
        List<TimeRange> ranges = parseIntervals(key, clause, removeWhitespace(clause.substring(firstDigit)));
        for (DayOfWeek day : days) {
            List<Sourced> existing = byDay.computeIfAbsent(day, d -> new ArrayList<>());
            for (TimeRange range : ranges) {
                for (Sourced other : existing) {
                    if (other.range().overlaps(range)) {
                        throw new IllegalArgumentException(key + ": '" + clause + "': " + range + " overlaps "
                                + other.range() + " of '" + other.clause() + "' on " + abbreviation(day));
                    }
                }
                existing.add(new Sourced(range, clause));
            }
        }
    }

    private static Set<DayOfWeek> parseDays(String key, String clause, String daysPart) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : daysPart.split(",", -1)) {
            String[] ends = item.split("-", -1);
            if (item.isEmpty() || ends.length > 2) {
                throw new IllegalArgumentException(key + ": '" + clause + "': expected days like MON-FRI or MON,WED"
                        + ", got '" + item + "'");
            }
            DayOfWeek from = parseDay(key, clause, ends[0]);
            DayOfWeek to = ends.length == 2 ? parseDay(key, clause, ends[1]) : from;
            for (DayOfWeek d = from; ; d = d.plus(1)) {
                days.add(d);
                if (d == to) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek parseDay(String key, String clause, String token) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (token.equals(abbreviation(day)) || token.equals(day.name())) {
                return day;
            }
        }
        throw new IllegalArgumentException(key + ": '" + clause + "': unknown day '" + token
                + "' (expected MON TUE WED THU FRI SAT SUN)");
    }

    private static List<TimeRange> parseIntervals(String key, String clause, String part) {
        List<TimeRange> ranges = new ArrayList<>();
        for (String item : part.split(",", -1)) {
            Matcher m = INTERVAL.matcher(item);
            if (!m.matches()) {
                throw new IllegalArgumentException(key + ": '" + clause + "': expected HH:MM-HH:MM, got '"
                        + item + "'");
            }
            int start = minuteOfDay(key, clause, item, m.group(1), m.group(2), false);
            int end = minuteOfDay(key, clause, item, m.group(3), m.group(4), true);
            if (start >= end) {
                throw new IllegalArgumentException(key + ": '" + clause + "': '" + item + "' must start before it "
                        + "ends (split hours past midnight across two days, ending the first at 24:00)");
            }
            ranges.add(new TimeRange(start, end));
        }
        return ranges;
    }

    private static int minuteOfDay(String key, String clause, String item, String hh, String mm, boolean isEnd) {
        int hour = Integer.parseInt(hh);
        int minute = Integer.parseInt(mm);
        boolean midnightEnd = isEnd && hour == 24 && minute == 0;
        if (!midnightEnd && (hour > 23 || minute > 59)) {
            throw new IllegalArgumentException(key + ": '" + clause + "': invalid time '" + hh + ":" + mm
                    + "' in '" + item + "' (00:00..23:59, or 24:00 as an end)");
        }
        return hour * 60 + minute;
    }

    // ---------------------------------------------------------------- helpers

    private static List<TimeRange> mergeTouching(List<TimeRange> ranges) {
        List<TimeRange> sorted = new ArrayList<>(ranges);
        Collections.sort(sorted);
        List<TimeRange> merged = new ArrayList<>();
        for (TimeRange r : sorted) {
            int last = merged.size() - 1;
            if (last >= 0 && merged.get(last).endMinute() >= r.startMinute()) {
                TimeRange prev = merged.get(last);
                merged.set(last, new TimeRange(prev.startMinute(), Math.max(prev.endMinute(), r.endMinute())));
            } else {
                merged.add(r);
            }
        }
        return List.copyOf(merged);
    }

    private static String daysToString(List<DayOfWeek> days) {
        StringJoiner out = new StringJoiner(",");
        int i = 0;
        while (i < days.size()) {
            int j = i;
            while (j + 1 < days.size() && days.get(j + 1).getValue() == days.get(j).getValue() + 1) {
                j++;
            }
            out.add(i == j ? abbreviation(days.get(i))
                    : abbreviation(days.get(i)) + "-" + abbreviation(days.get(j)));
            i = j + 1;
        }
        return out.toString();
    }

    static String abbreviation(DayOfWeek day) {
        return day.name().substring(0, 3);
    }

    private static int firstDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                return i;
            }
        }
        return -1;
    }

    private static String removeWhitespace(String s) {
        return s.replaceAll("\\s+", "");
    }
}
