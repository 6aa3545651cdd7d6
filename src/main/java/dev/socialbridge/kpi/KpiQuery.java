package dev.socialbridge.kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * What a KPI report covers: the threads whose first customer message is in {@code [from, to)}, grouped by queue,
 * channel (platform), intent, UTC day or not at all.
 *
 * @param from  start of the window, inclusive
 * @param to    end of the window, exclusive; after {@code from}
 * @param group how the threads are grouped
 */
public record KpiQuery(Instant from, Instant to, Group group) {
    /** The window when only {@code to} (or nothing) is given. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

    public KpiQuery {
        if (from == null) {
            throw new IllegalArgumentException("from: is required");
        }
        if (to == null) {
            throw new IllegalArgumentException("to: is required");
        }
        if (group == null) {
            throw new IllegalArgumentException("group: is required (one of " + Group.choices() + ")");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from: '" + from + "' must be before to ('" + to + "')");
        }
    }

    /** The query with the defaults filled in: to = now (whole seconds), from = to minus 7 days, group = queue. */
    public static KpiQuery withDefaults(Instant from, Instant to, Group group, Instant now) {
        Instant end = to != null ? to : now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return new KpiQuery(from != null ? from : end.minus(DEFAULT_WINDOW), end, group != null ? group : Group.QUEUE);
    }

    /**
     * Reads an ISO-8601 instant ({@code 2026-11-01T00:00:00Z}), date-time with offset ({@code 2026-11-01T00:00:00+01:00})
     * or date ({@code 2026-11-01}, midnight UTC); null or blank gives null (the default applies).
     *
     * @param parameter the parameter's name, for the message ({@code from}, {@code --from})
     * @throws IllegalArgumentException naming the parameter and the value
     */
    public static Instant parseInstant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException notAnOffsetDateTime) {
                try {
                    return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notADate) {
                    throw new IllegalArgumentException(parameter + ": '" + value + "' is not an ISO-8601 date-time"
                            + " (e.g. 2026-11-01T00:00:00Z) or date (2026-11-01)");
                }
            }
        }
    }

    /** How threads are grouped. */
    public enum Group {
        /** By the thread's (current) queue, {@code social_thread.queue_key}. */
        QUEUE("queue"),
        /** By the platform, {@code social_thread.platform}. */
        CHANNEL("channel"),
        /** By the intent of the thread's first ticketed message, {@code social_thread.intent}. */
        INTENT("intent"),
        /** By the UTC day of the thread's first message, {@code 2026-11-01}: the report page's time series. */
        DAY("day"),
        /** One group, {@code all}. */
        NONE("none");

        private final String id;

        Group(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /**
         * The group named {@code value}; null or blank gives null (the default applies).
         *
         * @throws IllegalArgumentException naming the parameter and the value
         */
        public static Group of(String parameter, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String v = value.trim().toLowerCase(Locale.ROOT);
            for (Group g : values()) {
                if (g.id.equals(v)) {
                    return g;
                }
            }
            throw new IllegalArgumentException(parameter + ": '" + value + "' is not one of " + choices());
        }

        static String choices() {
            return "queue, channel, intent, day, none";
        }
    }
}
