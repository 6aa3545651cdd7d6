package dev.socialbridge.pipeline;

import dev.socialbridge.interaction.DeliveryStatus;
import dev.socialbridge.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/**
 * Messages we sent to platforms: recorded before sending (so that an echo can be matched), given the platform's
 * id once known, and updated with what the platform reports later (sent, delivered, read, failed).
 */
public final class SentMessageStore {
    private final Database db;

    public SentMessageStore(Database db) {
        this.db = db;
    }

    /** Records an outbox action about to be sent; returns the record id. */
    long recordBeforeSending(long outboxId, String platform, String accountId, String threadKey, String textHash) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sent_message (outbox_id, platform, account_id,"
                    + " thread_key, text_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
                ps.setLong(1, outboxId);
                ps.setString(2, platform);
                ps.setString(3, accountId);
                ps.setString(4, threadKey);
                ps.setString(5, textHash);
                ps.setTimestamp(6, Database.ts(Instant.now()));
                ps.executeUpdate();
                try (var keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    void recordRemoteId(long sentId, String remoteId) {
        if (remoteId == null) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sent_message SET remote_id = ? WHERE id = ?")) {
                ps.setString(1, remoteId);
                ps.setLong(2, sentId);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Applies a status the platform reported for one of our messages, never moving back (a late "delivered" after
     * "read" is ignored; "failed" always wins).
     *
     * @return the thread of the message when the status was applied, empty when the message is not ours or the
     *         status is not news
     */
    Optional<String> applyStatus(java.sql.Connection c, DeliveryStatus s) throws java.sql.SQLException {
        String threadKey = null;
        String current = null;
        long id = -1;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, thread_key, delivery_status FROM sent_message"
                + " WHERE platform = ? AND remote_id = ? ORDER BY id DESC")) {
            ps.setString(1, s.platform().id());
            ps.setString(2, s.messageId());
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                id = rs.getLong(1);
                threadKey = rs.getString(2);
                current = rs.getString(3);
            }
        }
        if (current != null && !isNews(DeliveryStatus.State.valueOf(current), s.state())) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE sent_message SET delivery_status = ?, status_at = ?,"
                + " status_detail = ? WHERE id = ?")) {
            ps.setString(1, s.state().name());
            ps.setTimestamp(2, Database.ts(s.occurredAt()));
            String detail = s.errorCode() == null ? s.errorDetail()
                    : s.errorCode() + (s.errorDetail() == null ? "" : ": " + s.errorDetail());
            ps.setString(3, detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000));
            ps.setLong(4, id);
            ps.executeUpdate();
        }
        return Optional.ofNullable(threadKey);
    }

    private static boolean isNews(DeliveryStatus.State current, DeliveryStatus.State next) {
        return current != DeliveryStatus.State.FAILED
                && (next == DeliveryStatus.State.FAILED || next.ordinal() > current.ordinal());
    }
}
