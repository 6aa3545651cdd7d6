package dev.socialbridge.links;

import dev.socialbridge.inbox.InboxStatus;
import dev.socialbridge.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** Queues a link click or a lead in the inbox, in the caller's transaction, for the pipeline to process in order. */
final class Inbox {
    private Inbox() {
    }

    static void queue(Connection c, String dedupeKey, String source, String threadKey, String kind, String json,
                      Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO inbox_item (dedupe_key, source, status, thread_key,"
                + " kind, interaction_json, raw_json, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, dedupeKey);
            ps.setString(2, source);
            ps.setString(3, InboxStatus.PENDING.name());
            ps.setString(4, threadKey);
            ps.setString(5, kind);
            ps.setString(6, json);
            ps.setString(7, json);
            ps.setTimestamp(8, Database.ts(at));
            ps.executeUpdate();
        }
    }
}
