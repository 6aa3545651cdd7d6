package dev.socialbridge.sla.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of {@code RRULE:FREQ=YEARLY} that holiday calendars use: every INTERVAL years on DTSTART's month and
 * day, or on a fixed {@code BYMONTH}/{@code BYMONTHDAY}, or on the nth weekday of a month
 * ({@code BYMONTH=11;BYDAY=4TH}, {@code BYMONTH=5;BYDAY=-1MO}); bounded by COUNT, UNTIL or a horizon.
 * Package-private.
 */
final class YearlyRecurrence {
    /** Upper bound of expanded occurrences per rule, whatever COUNT or UNTIL say. */
    static final int MAX_OCCURRENCES = 1000;

    private static final Set<String> SUPPORTED =
            Set.of("FREQ", "INTERVAL", "COUNT", "UNTIL", "BYMONTH", "BYMONTHDAY", "BYDAY", "WKST");
    private static final Pattern NTH_WEEKDAY = Pattern.compile("([+-]?)(\\d{1,2})(MO|TU|WE|TH|FR|SA|SU)");
    private static final List<String> WEEKDAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

    private final int interval;
    private final Integer count;
    private final Integer month;
    private final Integer monthDay;
    private final Integer nth;
    private final DayOfWeek weekday;

    private YearlyRecurrence(int interval, Integer count, Integer month, Integer monthDay, Integer nth,
                             DayOfWeek weekday) {
        this.interval = interval;
        this.count = count;
        this.month = month;
        this.monthDay = monthDay;
        this.nth = nth;
        this.weekday = weekday;
    }

    /**
     * The rule from upper-cased RRULE parts, or empty when it is not a yearly rule this class can expand.
     *
     * @throws IllegalArgumentException when INTERVAL or COUNT is not a positive number
     */
    static Optional<YearlyRecurrence> parse(Map<String, String> parts) {
        if (!"YEARLY".equals(parts.get("FREQ")) || !SUPPORTED.containsAll(parts.keySet())) {
            return Optional.empty();
        }
        int interval = parts.containsKey("INTERVAL") ? positive(parts, "INTERVAL") : 1;
        Integer count = parts.containsKey("COUNT") ? positive(parts, "COUNT") : null;
        Integer month = null;
        Integer monthDay = null;
        Integer nth = null;
        DayOfWeek weekday = null;
        if (parts.containsKey("BYMONTH")) {
            month = smallInt(parts.get("BYMONTH"));
            if (month == null || month < 1 || month > 12) {
                return Optional.empty();
            }
        }
        if (parts.containsKey("BYMONTHDAY")) {
            monthDay = smallInt(parts.get("BYMONTHDAY"));
            if (monthDay == null || monthDay == 0 || Math.abs(monthDay) > 31) {
                return Optional.empty();
            }
        }
        if (parts.containsKey("BYDAY")) {
            Matcher m = NTH_WEEKDAY.matcher(parts.get("BYDAY"));
            if (month == null || monthDay != null || !m.matches()) {
                return Optional.empty();  // e.g. every Monday of a month, or nth weekday of the year
            }
            nth = Integer.parseInt(m.group(2)) * ("-".equals(m.group(1)) ? -1 : 1);
            if (nth == 0 || Math.abs(nth) > 5) {
                return Optional.empty();
            }
            weekday = DayOfWeek.of(WEEKDAYS.indexOf(m.group(3)) + 1);
        }
        return Optional.of(new YearlyRecurrence(interval, count, month, monthDay, nth, weekday));
    }

    /**
     * Occurrence start dates, ascending, DTSTART first (it always counts as the first occurrence).
     *
     * @param until   inclusive last date (UNTIL), or null
     * @param horizon inclusive last date when neither COUNT nor UNTIL bound the rule
     */
    List<LocalDate> expand(LocalDate dtstart, LocalDate until, LocalDate horizon) {
        int limitCount = count == null ? MAX_OCCURRENCES : Math.min(count, MAX_OCCURRENCES);
        LocalDate lastDate = until != null ? until : count == null ? horizon : LocalDate.MAX;
        List<LocalDate> out = new ArrayList<>();
        out.add(dtstart);
        long lastYear = Math.min(Math.min((long) lastDate.getYear(), Year.MAX_VALUE),
                (long) dtstart.getYear() + (long) interval * MAX_OCCURRENCES);
        for (long year = dtstart.getYear(); year <= lastYear && out.size() < limitCount; year += interval) {
            LocalDate candidate = occurrenceIn((int) year, dtstart);
            if (candidate != null && candidate.isAfter(dtstart) && !candidate.isAfter(lastDate)) {
                out.add(candidate);
            }
        }
        return out;
    }

    /** The occurrence in a year, or null when the rule has none that year (e.g. Feb 29). */
    private LocalDate occurrenceIn(int year, LocalDate dtstart) {
        YearMonth ym = YearMonth.of(year, month != null ? month : dtstart.getMonthValue());
        if (weekday != null) {
            LocalDate d = ym.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(nth, weekday));
            return YearMonth.from(d).equals(ym) ? d : null;
        }
        int day = monthDay == null ? dtstart.getDayOfMonth()
                : monthDay > 0 ? monthDay : ym.lengthOfMonth() + 1 + monthDay;
        return day >= 1 && day <= ym.lengthOfMonth() ? ym.atDay(day) : null;
    }

    private static int positive(Map<String, String> parts, String name) {
        Integer n = smallInt(parts.get(name));
        if (n == null || n < 1) {
            throw new IllegalArgumentException(name + " must be a positive number, got '" + parts.get(name) + "'");
        }
        return n;
    }

    private static Integer smallInt(String s) {
        return s != null && s.matches("[+-]?\\d{1,6}") ? Integer.valueOf(s.replace("+", "")) : null;
    }
}
