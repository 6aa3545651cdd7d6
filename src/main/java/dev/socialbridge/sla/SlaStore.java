package dev.socialbridge.sla;

import dev.socialbridge.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SLA clocks of the threads (columns of {@code social_thread}) and their warnings and breaches
 * ({@code sla_event}). Every change recomputes {@code sla_next_check_at}, the one indexed column the
 * SLA watcher ({@code pipeline.SlaWatcher}) reads. Methods taking a {@link Connection} join the caller's transaction.
 */
public final class SlaStore {
    private static final String COLUMNS = "thread_key, ticket_id, queue_key, sla_clock, sla_started_at, sla_due_at,"
            + " sla_warn_at, sla_warned_at, sla_breached_at, sla_paused_at, resolve_due_at, resolve_warn_at,"
            + " resolve_warned_at, resolve_breached_at, resolved_at, first_message_at, crisis_at";

    private static final String START_RESPONSE_SET = "sla_clock = ?, sla_started_at = ?, sla_due_at = ?, sla_warn_at = ?,"
            + " sla_warned_at = NULL, sla_breached_at = NULL, sla_paused_at = NULL, resolved_at = NULL";

    private final Database db;

    public SlaStore(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    public Optional<SlaState> state(Connection c, String threadKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM social_thread WHERE thread_key = ?")) {
            ps.setString(1, threadKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    public Optional<SlaState> state(String threadKey) {
        return db.inTransaction(c -> state(c, threadKey));
    }

    /** Threads with a warning or a breach due at {@code now}, earliest first. */
    public List<SlaState> due(Instant now, int limit) {
        return db.inTransaction(c -> {
            List<SlaState> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM social_thread"
                    + " WHERE sla_next_check_at <= ? ORDER BY sla_next_check_at")) {
                ps.setTimestamp(1, Database.ts(now));
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                }
            }
            return out;
        });
    }

    /** Starts (or restarts) the response clock; warnings and breaches of an earlier cycle are forgotten. */
    public void startResponseClock(Connection c, String threadKey, SlaClock clock, Instant start, Instant due,
                                   Instant warnAt) throws SQLException {
        update(c, threadKey, START_RESPONSE_SET, clock.id(), start, due, warnAt);
    }

    /** Sets the resolve-or-escalate deadline (kept when already set, unless {@code replace}). */
    public void setResolveDeadline(Connection c, String threadKey, Instant due, Instant warnAt, boolean replace)
            throws SQLException {
        update(c, threadKey, resolveSet(replace), due, warnAt);
    }

    /**
     * {@link #startResponseClock} then {@link #setResolveDeadline} in one statement (the same row afterwards, one
     * {@code sla_next_check_at} refresh instead of two): a new ticket's or a reopened thread's clocks.
     */
    public void startClocks(Connection c, String threadKey, SlaClock clock, Instant start, Instant due, Instant warnAt,
                            Instant resolveDue, Instant resolveWarnAt, boolean replaceResolve) throws SQLException {
        update(c, threadKey, START_RESPONSE_SET + ", " + resolveSet(replaceResolve), clock.id(), start, due, warnAt,
                resolveDue, resolveWarnAt);
    }

    private static String resolveSet(boolean replace) {
        return replace
                ? "resolve_due_at = ?, resolve_warn_at = ?, resolve_warned_at = NULL, resolve_breached_at = NULL"
                : "resolve_due_at = COALESCE(resolve_due_at, ?), resolve_warn_at = COALESCE(resolve_warn_at, ?)";
    }

    /** Moves a running response clock to another class's times (a re-route): same start, new due and warning. */
    public void moveResponseClock(Connection c, String threadKey, Instant due, Instant warnAt) throws SQLException {
        update(c, threadKey, "sla_due_at = ?, sla_warn_at = ?, sla_warned_at = NULL, sla_breached_at = NULL", due, warnAt);
    }

    /**
     * The customer was answered at {@code at}: the response clock stops. A person's first answer and an automated
     * first answer are kept apart.
     */
    public void answered(Connection c, String threadKey, Instant at, boolean human, boolean stopsClock)
            throws SQLException {
        String first = human ? "first_human_response_at = COALESCE(first_human_response_at, ?)"
                : "first_automated_response_at = COALESCE(first_automated_response_at, ?)";
        if (stopsClock) {
            update(c, threadKey, first + ", sla_clock = NULL", at);
        } else {
            update(c, threadKey, first, at);
        }
    }

    /** Puts the thread in crisis (kept when it already is); true when it was not. */
    public boolean crisis(Connection c, String threadKey, Instant at, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE social_thread SET crisis_at = ?, crisis_reason = ?"
                + " WHERE thread_key = ? AND crisis_at IS NULL")) {
            ps.setTimestamp(1, Database.ts(at));
            ps.setString(2, reason.length() <= 300 ? reason : reason.substring(0, 300));
            ps.setString(3, threadKey);
            return ps.executeUpdate() == 1;
        }
    }

    public void resolved(Connection c, String threadKey, Instant at) throws SQLException {
        update(c, threadKey, "resolved_at = ?, sla_clock = NULL, sla_paused_at = NULL", at);
    }

    public void paused(Connection c, String threadKey, Instant at) throws SQLException {
        update(c, threadKey, "sla_paused_at = COALESCE(sla_paused_at, ?)", at);
    }

    /** Resumes paused clocks with their new due times (null: that clock is not running). */
    public void resumed(Connection c, String threadKey, Instant due, Instant warnAt, Instant resolveDue,
                        Instant resolveWarnAt) throws SQLException {
        update(c, threadKey, "sla_paused_at = NULL, sla_due_at = COALESCE(?, sla_due_at), sla_warn_at = COALESCE(?, sla_warn_at),"
                + " resolve_due_at = COALESCE(?, resolve_due_at), resolve_warn_at = COALESCE(?, resolve_warn_at)",
                due, warnAt, resolveDue, resolveWarnAt);
    }

    /** Records that a warning or breach was acted on, with its event; false if it already was (another round). */
    public boolean acted(Connection c, SlaState s, SlaState.Due due, Instant at) throws SQLException {
        String column = (due.clock() == SlaClock.RESOLVE ? "resolve_" : "sla_")
                + (due.kind() == SlaState.Due.Kind.WARNING ? "warned_at" : "breached_at");
        int changed;
        try (PreparedStatement ps = c.prepareStatement("UPDATE social_thread SET " + column + " = ? WHERE thread_key = ? AND "
                + column + " IS NULL")) {
            ps.setTimestamp(1, Database.ts(at));
            ps.setString(2, s.threadKey());
            changed = ps.executeUpdate();
        }
        if (changed == 0) {
            return false;
        }
        // a clock restarted with the same due date (two messages of one instant) finds its event already recorded
        java.sql.Savepoint sp = c.getAutoCommit() ? null : c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sla_event (thread_key, ticket_id, queue_key, clock, kind,"
                + " started_at, due_at, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, s.threadKey());
            ps.setString(2, s.ticketId());
            ps.setString(3, s.queueKey());
            ps.setString(4, due.clock().id());
            ps.setString(5, due.kind().id());
            ps.setTimestamp(6, Database.ts(due.startedAt() != null ? due.startedAt() : due.dueAt()));
            ps.setTimestamp(7, Database.ts(due.dueAt()));
            ps.setTimestamp(8, Database.ts(at));
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!Database.isUniqueViolation(e) || sp == null) {
                throw e;
            }
            c.rollback(sp);
            refreshNextCheck(c, s.threadKey());
            return false;
        }
        refreshNextCheck(c, s.threadKey());
        return true;
    }

    private void update(Connection c, String threadKey, String set, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE social_thread SET " + set + " WHERE thread_key = ?")) {
            int i = 1;
            for (Object v : values) {
                if (v instanceof Instant instant) {
                    ps.setTimestamp(i++, Database.ts(instant));
                } else if (v == null) {
                    ps.setTimestamp(i++, null);
                } else {
                    ps.setString(i++, v.toString());
                }
            }
            ps.setString(i, threadKey);
            ps.executeUpdate();
        }
        refreshNextCheck(c, threadKey);
    }

    /** Recomputes when the thread must be looked at again (a stale check finds nothing due). */
    public void refreshNextCheck(Connection c, String threadKey) throws SQLException {
        Optional<SlaState> s = state(c, threadKey);
        if (s.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE social_thread SET sla_next_check_at = ? WHERE thread_key = ?")) {
            ps.setTimestamp(1, Database.ts(s.get().nextCheck()));
            ps.setString(2, threadKey);
            ps.executeUpdate();
        }
    }

    private static SlaState map(ResultSet rs) throws SQLException {
        String clock = rs.getString(4);
        return new SlaState(rs.getString(1), rs.getString(2), rs.getString(3), clock == null ? null : SlaClock.of(clock),
                t(rs, 5), t(rs, 6), t(rs, 7), t(rs, 8), t(rs, 9), t(rs, 10), t(rs, 11), t(rs, 12), t(rs, 13), t(rs, 14),
                t(rs, 15), t(rs, 16), t(rs, 17));
    }

    private static Instant t(ResultSet rs, int column) throws SQLException {
        return Database.instant(rs.getTimestamp(column));
    }
}
