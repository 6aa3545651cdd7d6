package dev.socialbridge.kpi;

import dev.socialbridge.store.Database;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Service KPIs from the operational store ({@code social_thread}, {@code sla_event}). Two portable queries fetch the
 * threads of the window (only the columns needed) and their distinct SLA events; counts, rates, medians and
 * percentiles are computed here, so that the SQL runs unchanged on H2 and PostgreSQL. Definitions: docs/kpis.md.
 */
public final class KpiStore {
    /** The group key of threads without a queue. */
    public static final String NO_QUEUE = "(none)";
    /** The group key of threads without a recorded intent. */
    public static final String NO_INTENT = "(unknown)";
    /** The group key of group none and of the total. */
    public static final String ALL = "all";

    static final String FIRST_RESPONSE = "first_response";
    static final String NEXT_RESPONSE = "next_response";
    static final String RESOLVE = "resolve";
    static final String BREACH = "breach";
    static final String WARNING = "warning";

    private static final String THREADS = "SELECT thread_key, platform, queue_key, ticket_id, first_message_at,"
            + " first_human_response_at, first_automated_response_at, resolved_at, automation_status, intent"
            + " FROM social_thread WHERE first_message_at >= ? AND first_message_at < ?";
    private static final String EVENTS = "SELECT DISTINCT e.thread_key, e.clock, e.kind FROM sla_event e"
            + " JOIN social_thread t ON t.thread_key = e.thread_key"
            + " WHERE t.first_message_at >= ? AND t.first_message_at < ?";

    private final Database db;

    public KpiStore(Database db) {
        this.db = db;
    }

    /** The KPIs of the threads whose first message is in the query's window. */
    public KpiReport report(KpiQuery query) {
        return db.inTransaction(c -> {
            List<ThreadRow> threads = threads(c, query);
            Map<String, Set<String>> events = events(c, query);
            Function<ThreadRow, String> key = switch (query.group()) {
                case QUEUE -> t -> t.queueKey() == null ? NO_QUEUE : t.queueKey();
                case CHANNEL -> ThreadRow::platform;
                case INTENT -> t -> t.intent() == null ? NO_INTENT : t.intent();
                case DAY -> t -> day(t.firstMessageAt());
                case NONE -> t -> ALL;
            };
            Map<String, List<ThreadRow>> byGroup = new TreeMap<>();
            for (ThreadRow t : threads) {
                byGroup.computeIfAbsent(key.apply(t), k -> new ArrayList<>()).add(t);
            }
            List<KpiReport.GroupKpis> groups = new ArrayList<>();
            byGroup.forEach((group, rows) -> groups.add(kpis(group, rows, events)));
            return new KpiReport(query.from(), query.to(), query.group().id(), groups, kpis(ALL, threads, events));
        });
    }

    private static List<ThreadRow> threads(Connection c, KpiQuery q) throws SQLException {
        List<ThreadRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(THREADS)) {
            ps.setTimestamp(1, Database.ts(q.from()));
            ps.setTimestamp(2, Database.ts(q.to()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ThreadRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Database.instant(rs.getTimestamp(5)), Database.instant(rs.getTimestamp(6)),
                            Database.instant(rs.getTimestamp(7)), Database.instant(rs.getTimestamp(8)), rs.getString(9),
                            rs.getString(10)));
                }
            }
        }
        return out;
    }

    /** Per thread of the window: its SLA events as {@code clock:kind}. */
    private static Map<String, Set<String>> events(Connection c, KpiQuery q) throws SQLException {
        Map<String, Set<String>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(EVENTS)) {
            ps.setTimestamp(1, Database.ts(q.from()));
            ps.setTimestamp(2, Database.ts(q.to()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2) + ":" + rs.getString(3));
                }
            }
        }
        return out;
    }

    private static KpiReport.GroupKpis kpis(String group, List<ThreadRow> rows, Map<String, Set<String>> events) {
        long tickets = 0;
        long resolved = 0;
        long escalated = 0;
        long automated = 0;
        List<Long> human = new ArrayList<>();
        List<Long> bot = new ArrayList<>();
        List<Long> resolution = new ArrayList<>();
        for (ThreadRow t : rows) {
            Set<String> ev = events.getOrDefault(t.threadKey(), Set.of());
            boolean ticketed = t.ticketId() != null;
            if (ticketed) {
                tickets++;
                if ("escalated".equals(t.automationStatus()) || ev.stream().anyMatch(e -> e.endsWith(":" + BREACH))) {
                    escalated++;
                }
            }
            if (t.firstHumanResponseAt() != null) {
                human.add(seconds(t.firstMessageAt(), t.firstHumanResponseAt()));
            }
            if (t.firstAutomatedResponseAt() != null) {
                bot.add(seconds(t.firstMessageAt(), t.firstAutomatedResponseAt()));
            }
            if (t.resolvedAt() != null) {
                resolved++;
                resolution.add(seconds(t.firstMessageAt(), t.resolvedAt()));
            }
            if ((t.resolvedAt() != null || !ticketed) && t.firstHumanResponseAt() == null) {
                automated++;
            }
        }
        KpiReport.Sla sla = new KpiReport.Sla(clock(FIRST_RESPONSE, rows, events, tickets),
                clock(NEXT_RESPONSE, rows, events, tickets), clock(RESOLVE, rows, events, tickets));
        return new KpiReport.GroupKpis(group, rows.size(), tickets, resolved, timing(human), timing(bot),
                timing(resolution), sla, rate(escalated, tickets), rate(automated, rows.size()));
    }

    private static KpiReport.ClockKpis clock(String clock, List<ThreadRow> rows, Map<String, Set<String>> events,
                                             long tickets) {
        long breaches = 0;
        long warnings = 0;
        long breachedTickets = 0;
        for (ThreadRow t : rows) {
            Set<String> ev = events.getOrDefault(t.threadKey(), Set.of());
            if (ev.contains(clock + ":" + BREACH)) {
                breaches++;
                if (t.ticketId() != null) {
                    breachedTickets++;
                }
            }
            if (ev.contains(clock + ":" + WARNING)) {
                warnings++;
            }
        }
        Double compliance = tickets == 0 ? null : round(1.0 - (double) breachedTickets / tickets);
        return new KpiReport.ClockKpis(breaches, warnings, compliance);
    }

    /** The UTC day of an instant, {@code 2026-11-01}: the key of group day. */
    public static String day(Instant at) {
        return java.time.LocalDate.ofInstant(at, java.time.ZoneOffset.UTC).toString();
    }

    /** Whole seconds from {@code start} to {@code end}; a negative difference (clock skew) counts as 0. */
    static long seconds(Instant start, Instant end) {
        return Math.max(0, Duration.between(start, end).getSeconds());
    }

    static KpiReport.Timing timing(List<Long> values) {
        if (values.isEmpty()) {
            return new KpiReport.Timing(0, null, null);
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return new KpiReport.Timing(sorted.size(), nearestRank(sorted, 50), nearestRank(sorted, 90));
    }

    /**
     * The nearest-rank percentile of sorted values: the value at rank ceil(p/100 * n), 1-based (the median of an even
     * count is the lower middle value).
     */
    static long nearestRank(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        long rank = ((long) percentile * sorted.size() + 99) / 100;   // ceil, in integers
        return sorted.get((int) Math.max(1, Math.min(rank, sorted.size())) - 1);
    }

    /** {@code part / whole} rounded to 4 decimals, or null when {@code whole} is 0. */
    static Double rate(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole);
    }

    private static double round(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }

    private record ThreadRow(String threadKey, String platform, String queueKey, String ticketId, Instant firstMessageAt,
                             Instant firstHumanResponseAt, Instant firstAutomatedResponseAt, Instant resolvedAt,
                             String automationStatus, String intent) {
    }
}
