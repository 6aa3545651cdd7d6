package dev.socialbridge.cluster;

import dev.socialbridge.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * JDBC access to work leases and instance heartbeats. Every change is one conditional statement, so that two
 * instances racing for a lease never both get it (the database's row lock decides).
 */
final class LeaseStore {
    private final Database db;

    LeaseStore(Database db) {
        this.db = db;
    }

    /**
     * Records that {@code instance} (started at {@code startedAt}) is alive. Returns false when the row carried another
     * start time: a second process with the same instance id wrote it since our last beat.
     */
    boolean heartbeat(String instance, Instant startedAt, Instant now, boolean first) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(first
                    ? "UPDATE instance_heartbeat SET seen_at = ?, started_at = ? WHERE instance_id = ?"
                    : "UPDATE instance_heartbeat SET seen_at = ? WHERE instance_id = ? AND started_at = ?")) {
                ps.setTimestamp(1, Database.ts(now));
                if (first) {
                    ps.setTimestamp(2, Database.ts(startedAt));
                    ps.setString(3, instance);
                } else {
                    ps.setString(2, instance);
                    ps.setTimestamp(3, Database.ts(startedAt));
                }
                if (ps.executeUpdate() == 1) {
                    return true;
                }
            }
            if (!first && exists(c, "SELECT 1 FROM instance_heartbeat WHERE instance_id = ?", instance)) {
                // another process took the id: take it back so that the conflict keeps showing on both
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE instance_heartbeat SET seen_at = ?, started_at = ? WHERE instance_id = ?")) {
                    ps.setTimestamp(1, Database.ts(now));
                    ps.setTimestamp(2, Database.ts(startedAt));
                    ps.setString(3, instance);
                    ps.executeUpdate();
                }
                return false;
            }
            insertIgnoringDuplicate(c, "INSERT INTO instance_heartbeat (instance_id, started_at, seen_at) VALUES (?, ?, ?)",
                    instance, startedAt, now);
            return true;
        });
    }

    /** Instances whose last heartbeat is at or after {@code since}. */
    Set<String> liveInstances(Instant since) {
        return db.inTransaction(c -> {
            Set<String> out = new TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT instance_id FROM instance_heartbeat WHERE seen_at >= ?")) {
                ps.setTimestamp(1, Database.ts(since));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /** Extends every lease {@code holder} has to {@code until}; returns the names it holds. */
    Set<String> renewAll(String holder, Instant until) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE work_lease SET expires_at = ? WHERE holder = ?")) {
                ps.setTimestamp(1, Database.ts(until));
                ps.setString(2, holder);
                ps.executeUpdate();
            }
            return names(c, holder);
        });
    }

    /** Takes lease {@code name} if it is free or expired at {@code now}. Returns whether {@code holder} has it now. */
    boolean tryAcquire(String name, String holder, Instant now, Instant until) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE work_lease SET holder = ?, expires_at = ?, acquired_at = ?"
                    + " WHERE name = ? AND (expires_at < ? OR holder = ?)")) {
                ps.setString(1, holder);
                ps.setTimestamp(2, Database.ts(until));
                ps.setTimestamp(3, Database.ts(now));
                ps.setString(4, name);
                ps.setTimestamp(5, Database.ts(now));
                ps.setString(6, holder);
                if (ps.executeUpdate() == 1) {
                    return true;
                }
            }
            if (exists(c, "SELECT 1 FROM work_lease WHERE name = ?", name)) {
                return false;
            }
            return insertIgnoringDuplicate(c, "INSERT INTO work_lease (name, holder, expires_at, acquired_at) VALUES (?, ?, ?, ?)",
                    name, holder, until, now);
        });
    }

    /**
     * Gives lease {@code name} up: nobody holds it any more (its holder's next renewal does not take it back), and any
     * instance may take it from {@code at} (after the holder's work in hand).
     */
    void release(String name, String holder, Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE work_lease SET holder = '', expires_at = ? WHERE name = ? AND holder = ?")) {
                ps.setTimestamp(1, Database.ts(at));
                ps.setString(2, name);
                ps.setString(3, holder);
                return ps.executeUpdate();
            }
        });
    }

    /** A clean stop: every lease of {@code holder} is free at once, and it is no longer counted as live. */
    void leave(String holder, Instant now) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE work_lease SET expires_at = ? WHERE holder = ?")) {
                ps.setTimestamp(1, Database.ts(now.minusMillis(1)));
                ps.setString(2, holder);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM instance_heartbeat WHERE instance_id = ?")) {
                ps.setString(1, holder);
                return ps.executeUpdate();
            }
        });
    }

    /** Every lease and its holder and expiry, for health and metrics. */
    List<Lease> leases() {
        return db.inTransaction(c -> {
            List<Lease> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, holder, expires_at FROM work_lease ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Lease(rs.getString(1), rs.getString(2), Database.instant(rs.getTimestamp(3))));
                }
            }
            return out;
        });
    }

    /** A lease as stored. */
    record Lease(String name, String holder, Instant expiresAt) { }

    private static Set<String> names(Connection c, String holder) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM work_lease WHERE holder = ?")) {
            ps.setString(1, holder);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static boolean exists(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Inserts a row; false when another instance inserted the same key first. */
    private static boolean insertIgnoringDuplicate(Connection c, String sql, Object... args) throws SQLException {
        return Database.unlessDuplicate(c, x -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i] instanceof Instant t ? Database.ts(t) : args[i]);
                }
                return ps.executeUpdate();
            }
        }).isPresent();
    }
}
