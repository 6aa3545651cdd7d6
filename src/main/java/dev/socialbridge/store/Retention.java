package dev.socialbridge.store;

import dev.socialbridge.support.BackgroundWorker;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the operational store small: once an hour, work that is finished and older than the retention is deleted in
 * batches: processed inbox items (their raw webhook bodies are most of the store), delivered, cancelled or refused
 * outbox items, the record of messages sent and of automated replies, and the text of threads' latest classified
 * messages (kept for agents' corrections). Quarantined and dead items wait for an admin and are kept; so are threads,
 * their SLA events and the audit, which the reports read, and the corrections agents made (the classifier's labelled
 * examples).
 *
 * <p>An inbox item is also what makes a redelivered webhook a no-op: the retention must be longer than the
 * platforms redeliver (a day or two), hence its floor of {@value #MIN_DAYS} days.
 */
public final class Retention extends BackgroundWorker {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    /** The shortest retention accepted. */
    public static final int MIN_DAYS = 7;
    private static final int BATCH = 1000;
    /** What is purged from a table: rows matching {@code where} (one parameter: the cutoff), by their {@code key}. */
    private record Purge(String key, String where) { }

    private static final Map<String, Purge> PURGES = new LinkedHashMap<>();

    static {
        PURGES.put("inbox_item", new Purge("id", "status IN ('DONE', 'IGNORED') AND received_at < ?"));
        PURGES.put("outbox_item", new Purge("id", "status IN ('DONE', 'CANCELLED', 'NOT_SENDABLE') AND created_at < ?"));
        PURGES.put("sent_message", new Purge("id", "created_at < ?"));
        PURGES.put("automated_reply", new Purge("id", "created_at < ?"));
        PURGES.put("classified_message", new Purge("thread_key", "classified_at < ?"));
    }

    private final Database db;
    private final Duration keep;
    private final Clock clock;

    public Retention(Database db, Duration keep, Duration interval, Clock clock) {
        super("retention", interval.toMillis());
        if (keep.compareTo(Duration.ofDays(MIN_DAYS)) < 0) {
            throw new IllegalArgumentException("socialbridge.store.retention: '" + keep + "' is shorter than "
                    + MIN_DAYS + " days (P" + MIN_DAYS + "D): redelivered webhooks would be processed again");
        }
        this.db = db;
        this.keep = keep;
        this.clock = clock;
    }

    public Retention start() {
        startWorker();
        return this;
    }

    @Override
    protected boolean runOnce() {
        Map<String, Integer> purged = purge(clock.instant());
        if (purged.values().stream().mapToInt(Integer::intValue).sum() > 0) {
            LOG.info("retention {}: purged {}", keep, purged);
        }
        return false;
    }

    /** Deletes what is older than the retention at {@code now}; returns the rows deleted per table. */
    public Map<String, Integer> purge(Instant now) {
        Instant cutoff = now.minus(keep);
        Map<String, Integer> out = new LinkedHashMap<>();
        PURGES.forEach((table, purge) -> {
            int total = 0;
            int deleted;
            do {
                deleted = db.inTransaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE " + purge.key()
                            + " IN (SELECT " + purge.key() + " FROM " + table + " WHERE " + purge.where() + " FETCH FIRST "
                            + BATCH + " ROWS ONLY)")) {
                        ps.setTimestamp(1, Database.ts(cutoff));
                        return ps.executeUpdate();
                    }
                });
                total += deleted;
            } while (deleted > 0 && running());
            out.put(table, total);
        });
        return out;
    }
}
