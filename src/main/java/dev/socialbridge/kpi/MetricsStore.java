package dev.socialbridge.kpi;

import dev.socialbridge.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The numbers behind {@code GET /metrics}: SLA warnings and breaches recorded ({@code sla_event}), open tickets and
 * tickets close to a breach ({@code social_thread}). Portable SQL (H2, PostgreSQL); a null queue is reported as
 * the empty string (for Prometheus: no queue).
 */
public final class MetricsStore {
    /** How far ahead a due time makes a ticket "near breach". */
    public static final Duration NEAR_BREACH = Duration.ofHours(1);

    private static final String EVENTS = "SELECT clock, queue_key, kind, COUNT(*) FROM sla_event GROUP BY clock, queue_key, kind";
    private static final String OPEN = "SELECT queue_key, COUNT(*) FROM social_thread"
            + " WHERE ticket_id IS NOT NULL AND resolved_at IS NULL GROUP BY queue_key";
    // a running, unpaused response clock, or the resolve clock, due within the horizon and not yet breached
    private static final String NEAR = "SELECT queue_key, COUNT(*) FROM social_thread"
            + " WHERE ticket_id IS NOT NULL AND resolved_at IS NULL AND sla_paused_at IS NULL AND ("
            + " (sla_clock IS NOT NULL AND sla_breached_at IS NULL AND sla_due_at > ? AND sla_due_at <= ?)"
            + " OR (resolve_breached_at IS NULL AND resolve_due_at > ? AND resolve_due_at <= ?))"
            + " GROUP BY queue_key";

    private final Database db;

    public MetricsStore(Database db) {
        this.db = db;
    }

    /** The current values, {@code now} deciding what is near a breach. */
    public Snapshot snapshot(Instant now) {
        return db.inTransaction(c -> {
            List<SlaCount> breaches = new ArrayList<>();
            List<SlaCount> warnings = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(EVENTS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SlaCount n = new SlaCount(rs.getString(1), queue(rs.getString(2)), rs.getLong(4));
                    String kind = rs.getString(3);
                    if (KpiStore.BREACH.equals(kind)) {
                        breaches.add(n);
                    } else if (KpiStore.WARNING.equals(kind)) {
                        warnings.add(n);
                    }
                }
            }
            Comparator<SlaCount> order = Comparator.comparing(SlaCount::clock).thenComparing(SlaCount::queue);
            breaches.sort(order);
            warnings.sort(order);
            Instant until = now.plus(NEAR_BREACH);
            return new Snapshot(breaches, warnings, perQueue(c, OPEN), perQueue(c, NEAR, now, until, now, until));
        });
    }

    private static Map<String, Long> perQueue(Connection c, String sql, Instant... times) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < times.length; i++) {
                ps.setTimestamp(i + 1, Database.ts(times[i]));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.merge(queue(rs.getString(1)), rs.getLong(2), Long::sum);
                }
            }
        }
        return out;
    }

    private static String queue(String key) {
        return key == null ? "" : key;
    }

    /**
     * The values at one moment.
     *
     * @param breaches    breach events per clock and queue
     * @param warnings    warning events per clock and queue
     * @param openTickets per queue: ticketed threads not resolved
     * @param nearBreach  per queue: open tickets with a clock due within {@link #NEAR_BREACH}, not yet breached
     */
    public record Snapshot(List<SlaCount> breaches, List<SlaCount> warnings, Map<String, Long> openTickets,
                           Map<String, Long> nearBreach) {
    }

    /** A count of SLA events of one clock in one queue. */
    public record SlaCount(String clock, String queue, long count) {
    }
}
