package dev.socialbridge.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The period a report page shows: the last {@code days} UTC days, today included, as {@code [from, to)} with
 * {@code to} the next midnight UTC. Only 7, 30 and 90 days are offered, so every chart reads the same few windows.
 *
 * @param days how many days, 7, 30 or 90
 * @param from the first day's midnight UTC, inclusive
 * @param to   the midnight after today, exclusive
 */
public record ReportRange(int days, Instant from, Instant to) {
    /** The periods offered, shortest first. */
    public static final List<Integer> CHOICES = List.of(7, 30, 90);
    /** The period when none is asked for. */
    public static final int DEFAULT_DAYS = 30;

    /**
     * The period of {@code days} ending today ({@code now}'s UTC date); null or blank gives the default.
     *
     * @throws IllegalArgumentException naming the parameter and the value when it is not one of {@link #CHOICES}
     */
    public static ReportRange of(String days, Instant now) {
        int n = DEFAULT_DAYS;
        if (days != null && !days.isBlank()) {
            try {
                n = Integer.parseInt(days.strip());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (!CHOICES.contains(n)) {
                throw new IllegalArgumentException("days: '" + days + "' is not one of 7, 30, 90");
            }
        }
        Instant to = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new ReportRange(n, to.minusSeconds(86_400L * n), to);
    }

    /** Every day of the period, oldest first, as {@code 2026-11-01}. */
    public List<String> dayLabels() {
        List<String> out = new ArrayList<>();
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        for (int i = 0; i < days; i++) {
            out.add(first.plusDays(i).toString());
        }
        return out;
    }
}
