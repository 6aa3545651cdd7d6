package dev.socialbridge.pipeline;

import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Comments hidden by automation, their undo by a human, and the false-positive count. */
public final class ModerationStore {
    private final Database db;

    public ModerationStore(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    /** A hidden comment. */
    public record Hidden(long id, String threadKey, Platform platform, String accountId, String commentId) { }

    /** Records a hide planned for {@code i} in the caller's transaction (once per comment). */
    public void recordHidden(Connection c, Interaction i, String reason, Instant at) throws SQLException {
        Savepoint sp = c.getAutoCommit() ? null : c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO moderation_action (thread_key, platform, account_id,"
                + " comment_id, reason, hidden_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, i.threadKey());
            ps.setString(2, i.platform().id());
            ps.setString(3, i.accountId());
            ps.setString(4, i.itemId());
            ps.setString(5, reason);
            ps.setTimestamp(6, Database.ts(at));
            ps.executeUpdate();
            if (sp != null) {
                c.releaseSavepoint(sp);
            }
        } catch (SQLException e) {
            if (!Database.isUniqueViolation(e)) {
                throw e;
            }
            if (sp != null) {
                c.rollback(sp);
            }
        }
    }

    /** Records a hide an agent asked for, in the caller's transaction (a comment hidden again is hidden again). */
    public void recordHiddenByAgent(Connection c, String threadKey, Platform platform, String accountId, String commentId,
                                    String reason, String agent, Instant at) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE moderation_action SET unhidden_at = NULL, hidden_by = ?,"
                + " reason = ?, hidden_at = ? WHERE comment_id = ?")) {
            up.setString(1, agent);
            up.setString(2, reason);
            up.setTimestamp(3, Database.ts(at));
            up.setString(4, commentId);
            if (up.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO moderation_action (thread_key, platform, account_id,"
                + " comment_id, reason, hidden_at, hidden_by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, threadKey);
            ps.setString(2, platform.id());
            ps.setString(3, accountId);
            ps.setString(4, commentId);
            ps.setString(5, reason);
            ps.setTimestamp(6, Database.ts(at));
            ps.setString(7, agent);
            ps.executeUpdate();
        }
    }

    /** Comments of a thread that are still hidden. */
    public List<Hidden> stillHidden(Connection c, String threadKey) throws SQLException {
        List<Hidden> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, thread_key, platform, account_id, comment_id"
                + " FROM moderation_action WHERE thread_key = ? AND unhidden_at IS NULL ORDER BY id")) {
            ps.setString(1, threadKey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Hidden(rs.getLong(1), rs.getString(2), Platform.fromId(rs.getString(3)), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return out;
    }

    /** Marks a hide undone by a human: a moderation false positive when automation hid it. */
    public void markUndone(Connection c, long id, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE moderation_action SET unhidden_at = ?,"
                + " false_positive = CASE WHEN hidden_by IS NULL THEN TRUE ELSE false_positive END WHERE id = ?")) {
            ps.setTimestamp(1, Database.ts(at));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** Comments automation hid since a time, and how many of them a person undid (moderation false positives). */
    public record AutomatedHides(long hidden, long undone) { }

    public AutomatedHides automatedSince(Instant since) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*),"
                    + " COALESCE(SUM(CASE WHEN false_positive THEN 1 ELSE 0 END), 0) FROM moderation_action"
                    + " WHERE hidden_by IS NULL AND hidden_at >= ?")) {
                ps.setTimestamp(1, Database.ts(since));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new AutomatedHides(rs.getLong(1), rs.getLong(2));
                }
            }
        });
    }

    /**
     * {@link #automatedSince} per UTC day of {@code hidden_at} over {@code [from, to)}: the comments automation hid that
     * day and how many of them a person unhid since. Days without automated hides are absent. The day is taken here,
     * not in SQL, so the query is the same on H2 and PostgreSQL.
     */
    public java.util.SortedMap<String, AutomatedHides> automatedPerDay(Instant from, Instant to) {
        return db.inTransaction(c -> {
            java.util.SortedMap<String, long[]> days = new java.util.TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT hidden_at, false_positive FROM moderation_action"
                    + " WHERE hidden_by IS NULL AND hidden_at >= ? AND hidden_at < ?")) {
                ps.setTimestamp(1, Database.ts(from));
                ps.setTimestamp(2, Database.ts(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long[] n = days.computeIfAbsent(java.time.LocalDate.ofInstant(
                                Database.instant(rs.getTimestamp(1)), java.time.ZoneOffset.UTC).toString(), k -> new long[2]);
                        n[0]++;
                        n[1] += rs.getBoolean(2) ? 1 : 0;
                    }
                }
            }
            java.util.SortedMap<String, AutomatedHides> out = new java.util.TreeMap<>();
            days.forEach((day, n) -> out.put(day, new AutomatedHides(n[0], n[1])));
            return out;
        });
    }

    /** How many automated hides humans undid. */
    public long falsePositives() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM moderation_action WHERE false_positive = TRUE");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public long hidden() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM moderation_action");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
