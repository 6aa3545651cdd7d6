package dev.socialbridge.bench;

import dev.socialbridge.cluster.Partitions;
import dev.socialbridge.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Fills a store with finished work as months of traffic leave it — processed inbox items, delivered outbox commands,
 * threads and their audit records — so that the pipeline benchmark can measure the drain rate on a store that
 * already holds a million items without first pushing a million webhooks through it.
 */
public final class StoreFiller {
    private static final int BATCH = 5_000;

    private StoreFiller() {
    }

    /** Adds {@code items} finished items (ids {@code prefix}-0 …) and their rows; returns the seconds it took. */
    public static double fill(Database db, long items, String prefix) {
        long t0 = System.nanoTime();
        Timestamp at = Timestamp.from(Instant.now().minusSeconds(86_400));
        for (long from = 0; from < items; from += BATCH) {
            long to = Math.min(items, from + BATCH);
            long start = from;
            db.inTransaction(c -> {
                insert(c, start, to, prefix, at);
                return null;
            });
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void insert(Connection c, long from, long to, String prefix, Timestamp at) throws SQLException {
        try (PreparedStatement inbox = c.prepareStatement("INSERT INTO inbox_item (dedupe_key, source, status, thread_key,"
                + " kind, interaction_json, raw_json, attempts, received_at, processed_at, partition_no)"
                + " VALUES (?, 'meta', 'DONE', ?, 'comment', '{}', '{}', 1, ?, ?, ?)");
             PreparedStatement outbox = c.prepareStatement("INSERT INTO outbox_item (dedupe_key, lane, target, type,"
                + " payload_json, status, attempts, next_attempt_at, created_at, updated_at, partition_no)"
                + " VALUES (?, ?, 'host', 'host_message', '{}', 'DONE', 1, ?, ?, ?, ?)");
             PreparedStatement thread = c.prepareStatement("INSERT INTO social_thread (thread_key, platform, account_id,"
                + " author_id, queue_key, ticket_id, message_count, first_message_at, last_message_at)"
                + " VALUES (?, 'instagram', '17841400000000001', ?, 'general', ?, 1, ?, ?)");
             PreparedStatement audit = c.prepareStatement("INSERT INTO audit_record (thread_key, action, outcome, created_at)"
                + " VALUES (?, 'route', 'general', ?)")) {
            for (long n = from; n < to; n++) {
                String id = prefix + "-" + n;
                String threadKey = "instagram:comment:17841400000000001:" + id;
                int partition = Partitions.of(threadKey);
                inbox.setString(1, "instagram:comment:" + id);
                inbox.setString(2, threadKey);
                inbox.setTimestamp(3, at);
                inbox.setTimestamp(4, at);
                inbox.setInt(5, partition);
                inbox.addBatch();
                outbox.setString(1, "fill:" + id);
                outbox.setString(2, threadKey + "|host");
                outbox.setTimestamp(3, at);
                outbox.setTimestamp(4, at);
                outbox.setTimestamp(5, at);
                outbox.setInt(6, Partitions.of(threadKey + "|host"));
                outbox.addBatch();
                thread.setString(1, threadKey);
                thread.setString(2, "author-" + n);
                thread.setString(3, Long.toString(n));
                thread.setTimestamp(4, at);
                thread.setTimestamp(5, at);
                thread.addBatch();
                audit.setString(1, threadKey);
                audit.setTimestamp(2, at);
                audit.addBatch();
            }
            inbox.executeBatch();
            outbox.executeBatch();
            thread.executeBatch();
            audit.executeBatch();
        }
    }
}
