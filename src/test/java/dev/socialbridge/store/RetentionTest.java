package dev.socialbridge.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.time.Clock;
import dev.socialbridge.classify.Classification;
import dev.socialbridge.learning.ClassifiedMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Finished work older than the retention goes; work that waits for someone stays. */
class RetentionTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private Database db;

    @BeforeEach
    void open() {
        db = TestStores.open("retention");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void inbox(String key, String status, Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO inbox_item (dedupe_key, source, status, raw_json,"
                    + " received_at) VALUES (?, 'meta', ?, '{}', ?)")) {
                ps.setString(1, key);
                ps.setString(2, status);
                ps.setTimestamp(3, Database.ts(at));
                return ps.executeUpdate();
            }
        });
    }

    private void outbox(String key, String status, Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_item (dedupe_key, lane, target, type,"
                    + " payload_json, status, attempts, next_attempt_at, created_at, updated_at)"
                    + " VALUES (?, 'l', 'host', 't', '{}', ?, 0, ?, ?, ?)")) {
                ps.setString(1, key);
                ps.setString(2, status);
                ps.setTimestamp(3, Database.ts(at));
                ps.setTimestamp(4, Database.ts(at));
                ps.setTimestamp(5, Database.ts(at));
                return ps.executeUpdate();
            }
        });
    }

    private long count(String table) {
        return db.inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void finishedWorkOlderThanTheRetentionIsPurgedInBatchesAndTheRestIsKept() {
        Instant old = NOW.minus(Duration.ofDays(31));
        for (int i = 0; i < 2_500; i++) {
            inbox("done-" + i, "DONE", old);
        }
        inbox("ignored", "IGNORED", old);
        inbox("quarantined", "QUARANTINED", old);
        inbox("dead", "DEAD", old);
        inbox("pending", "PENDING", old);
        inbox("recent", "DONE", NOW.minus(Duration.ofDays(29)));
        outbox("sent", "DONE", old);
        outbox("cancelled", "CANCELLED", old);
        outbox("dead", "DEAD", old);
        outbox("recent", "DONE", NOW.minus(Duration.ofDays(1)));
        ClassifiedMessages messages = new ClassifiedMessages(db);
        db.inTransaction(c -> {
            Classification k = new Classification("fr", "other", 0.5, "neutral", 0);
            messages.record(c, "old-thread", "m1", "un vieux message", k, "shipped-x", old);
            messages.record(c, "recent-thread", "m2", "un message récent", k, "shipped-x", NOW.minus(Duration.ofDays(2)));
            return null;
        });

        Map<String, Integer> purged = new Retention(db, Duration.ofDays(30), Duration.ofHours(1), Clock.systemUTC())
                .purge(NOW);

        assertEquals(4, count("inbox_item"), "quarantined, dead, pending and recent stay");
        assertEquals(2_501, purged.get("inbox_item"));
        assertEquals(2, purged.get("outbox_item"));
        assertEquals(4, count("inbox_item"), "quarantined, dead, pending and recent stay");
        assertEquals(2, count("outbox_item"), "dead and recent stay");
        assertEquals(1, purged.get("classified_message"), "the customer's text is not kept past the retention");
        assertEquals(1, count("classified_message"));
    }

    @Test
    void aRetentionShorterThanAWeekIsRefusedNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Retention(db, Duration.ofDays(1), Duration.ofHours(1), Clock.systemUTC()));
        assertTrue(e.getMessage().startsWith("socialbridge.store.retention: 'PT24H'"), e.getMessage());
    }
}
