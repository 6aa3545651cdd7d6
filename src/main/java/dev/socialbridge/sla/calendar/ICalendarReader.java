package dev.socialbridge.sla.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates covered by the VEVENTs of iCalendar (RFC 5545) text, for {@link Holidays}. Package-private;
 * see {@link Holidays} for what is supported.
 */
final class ICalendarReader {
    /** Longest single event accepted, in days; longer ones are almost certainly a mistake. */
    static final int MAX_EVENT_DAYS = 366;

    private static final Pattern DATE_TIME = Pattern.compile("(\\d{8})(?:T(\\d{2})(\\d{2})(\\d{2})(Z)?)?");
    private static final Pattern DURATION = Pattern.compile(
            "\\+?P(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?");

    private final String key;
    private final LocalDate expandThrough;

    ICalendarReader(String key, LocalDate expandThrough) {
        this.key = key;
        this.expandThrough = expandThrough;
    }

    /** One unfolded content line: NAME;PARAM=V;...:VALUE. */
    record Property(String name, Map<String, String> params, String value, int line, String text) {
        String param(String name) {
            return params.get(name);
        }
    }

    /** The properties of one VEVENT that matter here. */
    private static final class Event {
        final int line;
        Property dtstart;
        Property dtend;
        Property duration;
        Property rrule;
        Property recurrenceId;
        String uid;
        boolean cancelled;
        final List<Property> exdates = new ArrayList<>();

        Event(int line) {
            this.line = line;
        }
    }

    Set<LocalDate> read(Reader reader) throws IOException {
        List<Event> events = parseEvents(unfold(reader));
        Map<String, Set<LocalDate>> overridden = new HashMap<>();
        for (Event e : events) {
            if (e.recurrenceId != null && e.uid != null) {
                overridden.computeIfAbsent(e.uid, u -> new HashSet<>()).add(date(e.recurrenceId));
            }
        }
        Set<LocalDate> dates = new LinkedHashSet<>();
        for (Event e : events) {
            if (e.cancelled) {
                continue;
            }
            LocalDate start = date(e.dtstart);
            long span = spanDays(e);
            List<LocalDate> starts = e.recurrenceId == null ? occurrences(e, start) : List.of(start);
            Set<LocalDate> excluded = new HashSet<>();
            for (Property ex : e.exdates) {
                excluded.addAll(dates(ex));
            }
            if (e.recurrenceId == null && e.uid != null) {
                excluded.addAll(overridden.getOrDefault(e.uid, Set.of()));
            }
            for (LocalDate s : starts) {
                if (!excluded.contains(s)) {
                    for (long i = 0; i < span; i++) {
                        dates.add(s.plusDays(i));
                    }
                }
            }
        }
        return dates;
    }

    // ---------------------------------------------------------------- structure

    private List<Property> unfold(Reader reader) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<Property> props = new ArrayList<>();
        StringBuilder current = null;
        int currentLine = 0;
        int lineNo = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && current != null) {
                current.append(line, 1, line.length());
                continue;
            }
            addProperty(props, current, currentLine);
            current = line.isBlank() ? null : new StringBuilder(line);
            currentLine = lineNo;
        }
        addProperty(props, current, currentLine);
        return props;
    }

    /** Splits a content line; lines without an unquoted ':' are not content lines and are skipped. */
    private static void addProperty(List<Property> props, StringBuilder text, int line) {
        if (text == null) {
            return;
        }
        String s = text.toString();
        int colon = -1;
        boolean quoted = false;
        List<Integer> semicolons = new ArrayList<>();
        for (int i = 0; i < s.length() && colon < 0; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ';') {
                semicolons.add(i);
            } else if (!quoted && c == ':') {
                colon = i;
            }
        }
        if (colon <= 0) {
            return;
        }
        int nameEnd = semicolons.isEmpty() ? colon : semicolons.get(0);
        String name = s.substring(0, nameEnd).strip().toUpperCase(Locale.ROOT);
        Map<String, String> params = new HashMap<>();
        semicolons.add(colon);
        for (int i = 0; i + 1 < semicolons.size(); i++) {
            String param = s.substring(semicolons.get(i) + 1, semicolons.get(i + 1));
            int eq = param.indexOf('=');
            if (eq > 0) {
                String value = param.substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                params.put(param.substring(0, eq).strip().toUpperCase(Locale.ROOT), value);
            }
        }
        props.add(new Property(name, params, s.substring(colon + 1).strip(), line, s));
    }

    private List<Event> parseEvents(List<Property> props) {
        List<Event> events = new ArrayList<>();
        Deque<String> open = new ArrayDeque<>();
        Deque<Integer> openLines = new ArrayDeque<>();
        Event event = null;
        for (Property p : props) {
            String value = p.value().toUpperCase(Locale.ROOT);
            if (p.name().equals("BEGIN")) {
                open.push(value);
                openLines.push(p.line());
                if (value.equals("VEVENT")) {
                    event = new Event(p.line());
                }
            } else if (p.name().equals("END")) {
                if (!value.equals(open.peek())) {
                    throw error(p, "END:" + p.value() + " does not match "
                            + (open.isEmpty() ? "any BEGIN" : "BEGIN:" + open.peek() + " of line " + openLines.peek()));
                }
                open.pop();
                openLines.pop();
                if (value.equals("VEVENT")) {
                    events.add(finish(event));
                    event = null;
                }
            } else if (event != null && "VEVENT".equals(open.peek())) {
                collect(event, p);
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalArgumentException(key + ": line " + openLines.peek() + ": BEGIN:" + open.peek()
                    + " is never ended");
        }
        return events;
    }

    private void collect(Event e, Property p) {
        switch (p.name()) {
            case "DTSTART" -> e.dtstart = p;
            case "DTEND" -> e.dtend = p;
            case "DURATION" -> e.duration = p;
            case "RRULE" -> e.rrule = p;
            case "RECURRENCE-ID" -> e.recurrenceId = p;
            case "UID" -> e.uid = p.value();
            case "STATUS" -> e.cancelled = p.value().equalsIgnoreCase("CANCELLED");
            case "EXDATE" -> e.exdates.add(p);
            default -> {
                // other properties (SUMMARY, DTSTAMP, ...) do not matter
            }
        }
    }

    private Event finish(Event e) {
        if (e.dtstart == null) {
            throw new IllegalArgumentException(key + ": line " + e.line + ": VEVENT has no DTSTART");
        }
        return e;
    }

    // ---------------------------------------------------------------- values

    /** Number of dates an occurrence covers, at least 1. */
    private long spanDays(Event e) {
        LocalDateTime start = dateTime(e.dtstart);
        boolean allDay = isDateOnly(e.dtstart);
        long days;
        if (allDay) {
            LocalDate endExclusive;
            if (e.dtend != null) {
                endExclusive = date(e.dtend);
            } else if (e.duration != null) {
                endExclusive = start.toLocalDate().plusDays(duration(e.duration).toDays());
            } else {
                endExclusive = start.toLocalDate().plusDays(1);
            }
            days = Math.max(1, ChronoUnit.DAYS.between(start.toLocalDate(), endExclusive));
        } else {
            LocalDateTime end = e.dtend != null ? dateTime(e.dtend)
                    : e.duration != null ? start.plus(duration(e.duration)) : start;
            LocalDate last = end.isAfter(start) ? end.minusNanos(1).toLocalDate() : start.toLocalDate();
            days = ChronoUnit.DAYS.between(start.toLocalDate(), last) + 1;
        }
        if (days > MAX_EVENT_DAYS) {
            Property endProp = e.dtend != null ? e.dtend : e.duration;
            throw error(endProp, "event of line " + e.line + " lasts " + days + " days (at most " + MAX_EVENT_DAYS
                    + ")");
        }
        return Math.max(1, days);
    }

    private List<LocalDate> occurrences(Event e, LocalDate start) {
        if (e.rrule == null) {
            return List.of(start);
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : e.rrule.value().toUpperCase(Locale.ROOT).split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw error(e.rrule, "expected NAME=VALUE parts, got '" + part + "'");
            }
            parts.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        if (!parts.containsKey("FREQ")) {
            throw error(e.rrule, "RRULE without FREQ");
        }
        LocalDate until = parts.containsKey("UNTIL") ? date(e.rrule, parts.get("UNTIL")) : null;
        LocalDate tenYears = start.plusYears(Holidays.DEFAULT_EXPANSION_YEARS);
        LocalDate horizon = tenYears.isAfter(expandThrough) ? tenYears : expandThrough;
        try {
            return YearlyRecurrence.parse(parts).map(r -> r.expand(start, until, horizon)).orElse(List.of(start));
        } catch (IllegalArgumentException ex) {
            throw error(e.rrule, ex.getMessage());
        }
    }

    private static boolean isDateOnly(Property p) {
        return "DATE".equalsIgnoreCase(p.param("VALUE")) || p.value().strip().length() == 8;
    }

    private LocalDate date(Property p) {
        return dateTime(p).toLocalDate();
    }

    private LocalDate date(Property p, String value) {
        return dateTime(p, value).toLocalDate();
    }

    private List<LocalDate> dates(Property p) {
        List<LocalDate> out = new ArrayList<>();
        for (String v : p.value().split(",")) {
            if (!v.isBlank()) {
                out.add(date(p, v));
            }
        }
        return out;
    }

    private LocalDateTime dateTime(Property p) {
        return dateTime(p, p.value());
    }

    /** The written local date-time (TZID and UTC markers are ignored: the written date is what counts). */
    private LocalDateTime dateTime(Property p, String value) {
        Matcher m = DATE_TIME.matcher(value.strip().toUpperCase(Locale.ROOT));
        if (m.matches()) {
            try {
                String d = m.group(1);
                LocalDate date = LocalDate.of(Integer.parseInt(d.substring(0, 4)), Integer.parseInt(d.substring(4, 6)),
                        Integer.parseInt(d.substring(6, 8)));
                if (m.group(2) == null) {
                    return date.atStartOfDay();
                }
                int second = Math.min(59, Integer.parseInt(m.group(4)));  // a leap second 60 is clamped
                return date.atTime(LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), second));
            } catch (DateTimeException ex) {
                // falls through to the error below
            }
        }
        throw error(p, "expected a date YYYYMMDD or a date-time YYYYMMDDTHHMMSS[Z], got '" + value + "'");
    }

    private Duration duration(Property p) {
        Matcher m = DURATION.matcher(p.value().strip().toUpperCase(Locale.ROOT));
        if (!m.matches() || p.value().strip().length() < 3) {
            throw error(p, "expected a positive duration such as P1D, P2W or PT8H, got '" + p.value() + "'");
        }
        return Duration.ofDays(7 * number(m.group(1)) + number(m.group(2)))
                .plusHours(number(m.group(3))).plusMinutes(number(m.group(4))).plusSeconds(number(m.group(5)));
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private IllegalArgumentException error(Property p, String problem) {
        return new IllegalArgumentException(key + ": line " + p.line() + " '" + p.text() + "': " + problem);
    }
}
