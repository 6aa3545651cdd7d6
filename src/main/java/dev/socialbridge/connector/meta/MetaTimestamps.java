package dev.socialbridge.connector.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Meta timestamps to {@link Instant}: epoch seconds or milliseconds, as JSON numbers or strings, or ISO
 * date-times with {@code +0000}, {@code +00:00} or {@code Z} offsets (Page feed {@code created_time}).
 */
final class MetaTimestamps {

    /** Epoch values below this are seconds (year 5138), above milliseconds (1973 onwards). */
    static final long SECONDS_LIMIT = 100_000_000_000L;

    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private MetaTimestamps() {
    }

    /** The instant of a timestamp node, or null when absent/null/empty; unparsable values are malformed. */
    static Instant parse(JsonNode n, String path) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber()) {
            return fromEpoch(n.longValue());
        }
        if (n.isNumber()) {
            return fromEpoch(n.decimalValue());
        }
        if (n.isTextual()) {
            return parseText(n.textValue().trim(), path);
        }
        throw MetaJson.malformed(path + " is not a timestamp");
    }

    static Instant fromEpoch(long v) {
        return Math.abs(v) < SECONDS_LIMIT ? Instant.ofEpochSecond(v) : Instant.ofEpochMilli(v);
    }

    private static Instant fromEpoch(BigDecimal v) {
        BigDecimal seconds = v.abs().compareTo(BigDecimal.valueOf(SECONDS_LIMIT)) < 0 ? v : v.movePointLeft(3);
        long whole = seconds.longValue();
        long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole, nanos);
    }

    private static Instant parseText(String s, String path) {
        if (s.isEmpty()) {
            return null;
        }
        if (isNumeric(s)) {
            try {
                return s.indexOf('.') < 0 ? fromEpoch(Long.parseLong(s)) : fromEpoch(new BigDecimal(s));
            } catch (NumberFormatException e) {
                throw MetaJson.malformed(path + " is not a timestamp: " + abbreviate(s));
            }
        }
        try {
            TemporalAccessor t = ISO.parse(s);
            LocalDateTime local = LocalDateTime.from(t);
            ZoneOffset offset = t.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
            return local.toInstant(offset);
        } catch (DateTimeParseException e) {
            throw MetaJson.malformed(path + " is not a timestamp: " + abbreviate(s));
        }
    }

    private static boolean isNumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && c != '.' && !(i == 0 && c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
