package dev.socialbridge.pipeline;

import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * What agents' replies need from the store: where the plugin is in the host's history (a cursor, saved in the same
 * transaction as the replies it queued, so each is queued exactly once), where a thread's reply goes, and since when
 * a person owns a thread.
 */
public final class HumanReplyStore {
    /** The cursor over the host's history of agents' replies and closed tickets. */
    static final String HOST_EVENTS = "host-events";

    private final Database db;

    public HumanReplyStore(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    /** Where a reply to a thread goes: the customer's latest item and its conversation. */
    public record ReplyTarget(String threadKey, Platform platform, String accountId, String authorId,
                              InteractionKind lastKind, String lastItemId, String lastPostId, String conversationId,
                              Instant customerMessageAt) { }

    /** The saved cursor, if any. */
    Optional<Long> cursor() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT position FROM host_cursor WHERE cursor_name = ?")) {
                ps.setString(1, HOST_EVENTS);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
    }

    void saveCursor(Connection c, long position) throws SQLException {
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE host_cursor SET position = ?, updated_at = ? WHERE cursor_name = ?")) {
            up.setLong(1, position);
            up.setTimestamp(2, Database.ts(Instant.now()));
            up.setString(3, HOST_EVENTS);
            if (up.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO host_cursor (cursor_name, position, updated_at) VALUES (?, ?, ?)")) {
            ins.setString(1, HOST_EVENTS);
            ins.setLong(2, position);
            ins.setTimestamp(3, Database.ts(Instant.now()));
            ins.executeUpdate();
        }
    }

    /** The reply target of a thread, if the plugin knows it. */
    Optional<ReplyTarget> byThread(Connection c, String threadKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT thread_key, platform, account_id, author_id, last_kind,"
                + " last_comment_id, last_post_id, conversation_id, last_message_at FROM social_thread WHERE thread_key = ?")) {
            ps.setString(1, threadKey);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String kind = rs.getString(5);
                return Optional.of(new ReplyTarget(rs.getString(1), Platform.fromId(rs.getString(2)), rs.getString(3),
                        rs.getString(4), kind == null ? kindOf(rs.getString(1)) : InteractionKind.valueOf(kind.toUpperCase(Locale.ROOT)),
                        rs.getString(6), rs.getString(7), rs.getString(8), Database.instant(rs.getTimestamp(9))));
            }
        }
    }

    /** A thread recorded before its latest kind was: a comment thread by its key, else a conversation. */
    private static InteractionKind kindOf(String threadKey) {
        return threadKey.contains(":comment:") ? InteractionKind.COMMENT
                : threadKey.contains(":mention:") ? InteractionKind.MENTION : InteractionKind.DM;
    }

    /** The thread's ticket was closed: automation may answer the thread's next message. */
    void release(Connection c, String threadKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE social_thread SET human_since = NULL WHERE thread_key = ?")) {
            ps.setString(1, threadKey);
            ps.executeUpdate();
        }
    }
}
