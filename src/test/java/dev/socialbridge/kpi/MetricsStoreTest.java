package dev.socialbridge.kpi;

import dev.socialbridge.store.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.resources.MetricsResource;
import dev.socialbridge.store.Database;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The numbers behind /metrics and their Prometheus text. */
class MetricsStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-03T12:00:00Z");

    private Database db;

    @BeforeEach
    void open() {
        db = TestStores.open("metrics");
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A thread with SLA columns; minutes are relative to NOW (null: not set). */
    private void thread(String key, String queue, String ticket, boolean resolved, String clock, Integer dueIn,
                        boolean breached, Integer resolveDueIn, boolean paused) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO social_thread (thread_key, platform, account_id,"
                    + " author_id, queue_key, ticket_id, first_message_at, last_message_at, resolved_at, sla_clock,"
                    + " sla_due_at, sla_breached_at, resolve_due_at, sla_paused_at)"
                    + " VALUES (?, 'instagram', 'acct', 'author', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Instant first = NOW.minus(Duration.ofHours(2));
                ps.setString(1, key);
                ps.setString(2, queue);
                ps.setString(3, ticket);
                ps.setTimestamp(4, Database.ts(first));
                ps.setTimestamp(5, Database.ts(first));
                ps.setTimestamp(6, Database.ts(resolved ? NOW.minusSeconds(60) : null));
                ps.setString(7, clock);
                ps.setTimestamp(8, Database.ts(dueIn == null ? null : NOW.plus(Duration.ofMinutes(dueIn))));
                ps.setTimestamp(9, Database.ts(breached ? NOW.minusSeconds(30) : null));
                ps.setTimestamp(10, Database.ts(resolveDueIn == null ? null : NOW.plus(Duration.ofMinutes(resolveDueIn))));
                ps.setTimestamp(11, Database.ts(paused ? NOW.minusSeconds(600) : null));
                ps.executeUpdate();
            }
            return null;
        });
    }

    private void seed() {
        thread("m1", "a", "1", false, "first_response", 30, false, null, false);    // near
        thread("m2", "a", "2", false, null, 30, false, 120, false);                  // answered, resolve in 2 h
        thread("m3", "a", "3", false, null, null, false, 59, false);                 // resolve clock near
        thread("m4", "b", "4", false, "next_response", -5, false, null, false);      // overdue: not "near"
        thread("m5", "b", "5", true, "first_response", 10, false, null, false);      // resolved
        thread("m6", "b", "6", false, "first_response", 10, false, null, true);      // paused
        thread("m7", null, null, false, null, null, false, null, false);             // no ticket
        thread("m8", null, "8", false, "first_response", 10, true, null, false);     // already breached
        Instant due = NOW.minusSeconds(3600);
        KpiStoreTest.event(db, "m1", "a", "first_response", "breach", due);
        KpiStoreTest.event(db, "m2", "a", "first_response", "breach", due);
        KpiStoreTest.event(db, "m2", "a", "first_response", "warning", due);
        KpiStoreTest.event(db, "m4", "b", "resolve", "warning", due);
        KpiStoreTest.event(db, "m8", null, "resolve", "breach", due);
    }

    @Test
    void countsEventsOpenTicketsAndTicketsNearABreach() {
        seed();
        MetricsStore.Snapshot s = new MetricsStore(db).snapshot(NOW);
        assertEquals(List.of(new MetricsStore.SlaCount("first_response", "a", 2), new MetricsStore.SlaCount("resolve", "", 1)),
                s.breaches());
        assertEquals(List.of(new MetricsStore.SlaCount("first_response", "a", 1), new MetricsStore.SlaCount("resolve", "b", 1)),
                s.warnings());
        assertEquals(Map.of("", 1L, "a", 3L, "b", 2L), s.openTickets());
        assertEquals(Map.of("a", 2L), s.nearBreach());
    }

    @Test
    void rendersThePrometheusTextFormat() {
        seed();
        String text = MetricsResource.render(new MetricsStore(db).snapshot(NOW));
        assertEquals(String.join("\n",
                "# HELP socialbridge_sla_breaches_total SLA breaches recorded, per clock and queue at the time of the breach.",
                "# TYPE socialbridge_sla_breaches_total counter",
                "socialbridge_sla_breaches_total{clock=\"first_response\",queue=\"a\"} 2",
                "socialbridge_sla_breaches_total{clock=\"resolve\",queue=\"\"} 1",
                "# HELP socialbridge_sla_warnings_total SLA warnings recorded, per clock and queue at the time of the warning.",
                "# TYPE socialbridge_sla_warnings_total counter",
                "socialbridge_sla_warnings_total{clock=\"first_response\",queue=\"a\"} 1",
                "socialbridge_sla_warnings_total{clock=\"resolve\",queue=\"b\"} 1",
                "# HELP socialbridge_open_tickets Tickets of social threads not resolved, per queue.",
                "# TYPE socialbridge_open_tickets gauge",
                "socialbridge_open_tickets{queue=\"\"} 1",
                "socialbridge_open_tickets{queue=\"a\"} 3",
                "socialbridge_open_tickets{queue=\"b\"} 2",
                "# HELP socialbridge_tickets_near_breach Open tickets with a response or resolve clock due within the next"
                        + " hour and not yet breached, per queue.",
                "# TYPE socialbridge_tickets_near_breach gauge",
                "socialbridge_tickets_near_breach{queue=\"a\"} 2",
                ""), text);
    }

    @Test
    void anEmptyStoreStillDeclaresEveryMetricAndLabelsAreEscaped() {
        String text = MetricsResource.render(new MetricsStore(db).snapshot(NOW));
        assertTrue(text.contains("# TYPE socialbridge_tickets_near_breach gauge\n"), text);
        assertFalse(text.lines().anyMatch(l -> !l.startsWith("#")), text);
        String escaped = MetricsResource.render(new MetricsStore.Snapshot(List.of(), List.of(),
                Map.of("a\"b\\c\nd", 1L), Map.of()));
        assertTrue(escaped.contains("socialbridge_open_tickets{queue=\"a\\\"b\\\\c\\nd\"} 1\n"), escaped);
    }
}
