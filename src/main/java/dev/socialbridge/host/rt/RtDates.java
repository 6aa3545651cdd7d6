package dev.socialbridge.host.rt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Dates as RT wants them: {@code YYYY-MM-DD HH:MM:SS} in UTC is the only input format that works
 * everywhere on RT 5 (ISO strings with {@code T}/{@code Z} are stored raw and read back as 1970).
 */
final class RtDates {
    private static final DateTimeFormatter RT_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** RT's representation of "not set". */
    private static final Instant UNSET = Instant.EPOCH;

    private RtDates() {
    }

    /** {@code 2026-12-01 08:30:00} (UTC, seconds precision). */
    static String format(Instant instant) {
        return RT_FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    /**
     * Reads a date-time given by a caller: ISO-8601 instant or offset date-time, RT's
     * {@code YYYY-MM-DD HH:MM:SS} (taken as UTC) or a plain date (midnight UTC).
     *
     * @throws IllegalArgumentException when it is none of these
     */
    static Instant parse(String text) {
        String t = text.trim();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (t.length() >= 19 && t.charAt(10) == ' ') {
                return LocalDateTime.parse(t.substring(0, 19), RT_FORMAT).toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date-time: '" + text + "'", e);
        }
    }

    /** Reads a date RT returned ({@code 2026-11-22T08:30:00Z}); RT's 1970 epoch means unset. */
    static Optional<Instant> fromRt(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Instant instant = parse(text);
        return instant.equals(UNSET) ? Optional.empty() : Optional.of(instant);
    }
}
