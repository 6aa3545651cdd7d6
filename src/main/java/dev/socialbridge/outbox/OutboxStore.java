package dev.socialbridge.outbox;

import dev.socialbridge.cluster.Partitions;
import dev.socialbridge.store.Database;
import dev.socialbridge.support.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** JDBC access to outbox items. */
public final class OutboxStore {
    private static final String COLUMNS = "id, dedupe_key, lane, target, type, payload_json, status, attempts,"
            + " next_attempt_at, last_error, result, created_at, partition_no, sending_since";

    private final Database db;

    public OutboxStore(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    /** Adds a command in the caller's transaction; a duplicate dedupe key is skipped. Returns true if stored. */
    public boolean enqueue(Connection c, OutboxCommand cmd, Instant now) throws SQLException {
        return enqueue(c, cmd, now, now);
    }

    /** Like {@link #enqueue(Connection, OutboxCommand, Instant)}, first delivered at {@code notBefore}. */
    public boolean enqueue(Connection c, OutboxCommand cmd, Instant now, Instant notBefore) throws SQLException {
        Savepoint sp = c.getAutoCommit() ? null : c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_item (dedupe_key, lane, target, type, payload_json,"
                + " status, attempts, next_attempt_at, created_at, updated_at, partition_no) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)")) {
            ps.setString(1, cmd.dedupeKey());
            ps.setString(2, cmd.lane());
            ps.setString(3, cmd.target());
            ps.setString(4, cmd.type());
            ps.setString(5, Json.write(cmd.payload()));
            ps.setTimestamp(6, Database.ts(notBefore));
            ps.setTimestamp(7, Database.ts(now));
            ps.setTimestamp(8, Database.ts(now));
            ps.setInt(9, Partitions.of(cmd.lane()));
            ps.executeUpdate();
            if (sp != null) {
                c.releaseSavepoint(sp);
            }
            return true;
        } catch (SQLException e) {
            if (!Database.isUniqueViolation(e)) {
                throw e;
            }
            if (sp != null) {
                c.rollback(sp);
            }
            return false;
        }
    }

    /**
     * Due items of one target that are first in their lane: an item waits while an older item of its
     * lane is still pending, which keeps delivery in order per thread.
     */
    public List<OutboxItem> due(String target, Instant now, int limit) {
        return due(target, Partitions.ALL, now, limit);
    }

    /**
     * Like {@link #due(String, Instant, int)}, of the lanes in {@code partitions} ({@link Partitions}) only. The pending
     * items of the target are read oldest first, {@value #SCAN_PAGE} at a time along {@code ix_outbox_due}, keeping the
     * first of each lane when it is due: an older item of a lane always comes before the younger ones, so the lane
     * rule needs no subquery per item (which, with a backlog of thousands, cost more than the deliveries).
     */
    public List<OutboxItem> due(String target, Set<Integer> partitions, Instant now, int limit) {
        if (partitions.isEmpty()) {
            return List.of();
        }
        return db.inTransaction(c -> {
            List<Long> chosen = new ArrayList<>();
            Set<String> lanes = new java.util.HashSet<>();
            long after = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, lane, next_attempt_at, partition_no FROM outbox_item"
                    + " WHERE status = 'PENDING' AND target = ? AND id > ? ORDER BY id")) {
                ps.setMaxRows(SCAN_PAGE);
                for (int page = 0; page < SCAN_PAGES && chosen.size() < limit; page++) {
                    ps.setString(1, target);
                    ps.setLong(2, after);
                    int rows = 0;
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next() && chosen.size() < limit) {
                            rows++;
                            after = rs.getLong(1);
                            boolean firstOfLane = lanes.add(rs.getString(2));
                            if (firstOfLane && !rs.getTimestamp(3).toInstant().isAfter(now)
                                    && partitions.contains(rs.getInt(4))) {
                                chosen.add(after);
                            }
                        }
                    }
                    if (rows < SCAN_PAGE) {
                        break;
                    }
                }
            }
            return chosen.isEmpty() ? List.<OutboxItem>of() : byIds(c, chosen);
        });
    }

    /** Pending items read per step of {@link #due}, and at most how many steps one call takes. */
    private static final int SCAN_PAGE = 500;
    private static final int SCAN_PAGES = 20;

    private List<OutboxItem> byIds(Connection c, List<Long> ids) throws SQLException {
        List<OutboxItem> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox_item WHERE id IN ("
                + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ") ORDER BY id")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(item(rs));
                }
            }
        }
        return out;
    }

    public List<OutboxItem> byStatus(OutboxStatus status, int limit) {
        return query("SELECT " + COLUMNS + " FROM outbox_item WHERE status = ? ORDER BY id DESC", limit, status.name());
    }

    /** Whether an item of {@code type} waits in {@code lane} (pending, or being sent). */
    public boolean hasPending(Connection c, String lane, String type) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM outbox_item WHERE lane = ? AND type = ? AND status = 'PENDING'")) {
            ps.setString(1, lane);
            ps.setString(2, type);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public List<OutboxItem> byLanePrefix(String lanePrefix, int limit) {
        return query("SELECT " + COLUMNS + " FROM outbox_item WHERE lane LIKE ? ORDER BY id", limit, lanePrefix + "%");
    }

    public List<OutboxItem> all(int limit) {
        return query("SELECT " + COLUMNS + " FROM outbox_item ORDER BY id", limit);
    }

    /**
     * Records that a send of item {@code id} starts now; {@code inDoubt} when an earlier one never recorded its outcome
     * ({@link OutboxItem#inDoubt()}). Cleared by the outcome.
     */
    public void sending(long id, boolean inDoubt) {
        update("UPDATE outbox_item SET sending_since = ?, in_doubt = in_doubt OR ? WHERE id = ?",
                Database.ts(Instant.now()), inDoubt, id);
    }

    public void finish(long id, OutboxStatus status, String result, String error) {
        update("UPDATE outbox_item SET status = ?, result = ?, last_error = ?, attempts = attempts + 1, updated_at = ?,"
                + " sending_since = NULL WHERE id = ?",
                status.name(), truncate(result, 1000), truncate(error, 2000), Database.ts(Instant.now()), id);
    }

    public void reschedule(long id, Instant next, String error) {
        update("UPDATE outbox_item SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, updated_at = ?,"
                + " sending_since = NULL WHERE id = ?",
                Database.ts(next), truncate(error, 2000), Database.ts(Instant.now()), id);
    }

    /** Tries the item again at {@code next} without counting an attempt (its target was unavailable). */
    public void postpone(long id, Instant next, String error) {
        update("UPDATE outbox_item SET next_attempt_at = ?, last_error = ?, updated_at = ?, sending_since = NULL WHERE id = ?",
                Database.ts(next), truncate(error, 2000), Database.ts(Instant.now()), id);
    }

    /** Puts a dead or not-sendable item back to pending now (admin retry). Returns false if it was not. */
    public boolean retry(long id) {
        return update("UPDATE outbox_item SET status = 'PENDING', attempts = 0, next_attempt_at = ?, updated_at = ?"
                + " WHERE id = ? AND status IN ('DEAD', 'NOT_SENDABLE')", Database.ts(Instant.now()), Database.ts(Instant.now()), id) == 1;
    }

    /** How many items each target has in each status (statuses without items omitted). */
    public Map<String, Map<OutboxStatus, Long>> countsByTarget() {
        return db.inTransaction(c -> {
            Map<String, Map<OutboxStatus, Long>> out = new java.util.TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT target, status, COUNT(*) FROM outbox_item GROUP BY target, status");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), t -> new EnumMap<>(OutboxStatus.class))
                            .put(OutboxStatus.valueOf(rs.getString(2)), rs.getLong(3));
                }
            }
            return out;
        });
    }

    public Map<OutboxStatus, Long> counts() {
        return db.inTransaction(c -> {
            Map<OutboxStatus, Long> out = new EnumMap<>(OutboxStatus.class);
            for (OutboxStatus s : OutboxStatus.values()) {
                out.put(s, 0L);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT status, COUNT(*) FROM outbox_item GROUP BY status");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(OutboxStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return out;
        });
    }

    private int update(String sql, Object... args) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    private List<OutboxItem> query(String sql, int limit, Object... args) {
        return db.inTransaction(c -> {
            List<OutboxItem> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(item(rs));
                    }
                }
            }
            return out;
        });
    }

    private static OutboxItem item(ResultSet rs) throws SQLException {
        return new OutboxItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), OutboxStatus.valueOf(rs.getString(7)), rs.getInt(8), Database.instant(rs.getTimestamp(9)),
                rs.getString(10), rs.getString(11), Database.instant(rs.getTimestamp(12)), rs.getInt(13),
                rs.getTimestamp(14) != null);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
