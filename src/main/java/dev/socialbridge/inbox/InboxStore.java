package dev.socialbridge.inbox;

import dev.socialbridge.cluster.Partitions;
import dev.socialbridge.connector.spi.ParsedItem;
import dev.socialbridge.store.Database;
import dev.socialbridge.interaction.Interaction;
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
import java.util.Optional;
import java.util.Set;
import java.util.Map;

/** JDBC access to inbox items and the journal checkpoint. */
public final class InboxStore {
    /** Source of items queued again after a platform lookup (mention text, follower count). */
    public static final String FETCH_SOURCE = "fetch";
    /** {@code kind} of an item that reports what became of a message we sent (its JSON is a DeliveryStatus). */
    public static final String STATUS_KIND = "delivery_status";
    static final String JOURNAL_ID = "webhooks";
    /** The checkpoint row that names the journal the store reads: {@code journal:<id>}. */
    static final String BINDING_PREFIX = "journal:";
    private static final String COLUMNS = "id, dedupe_key, source, status, thread_key, kind, reason, interaction_json,"
            + " raw_json, attempts, received_at, partition_no";
    /** The instance id of a lone instance: its checkpoint and binding rows keep the names they had before instances. */
    public static final String DEFAULT_INSTANCE = "default";

    private final Database db;
    /** The checkpoint row of this instance's journal. */
    private final String checkpointId;
    /** The prefix of the row that names this instance's journal. */
    private final String bindingPrefix;

    /** The store as the lone (or {@value #DEFAULT_INSTANCE}) instance reads it. */
    public InboxStore(Database db) {
        this(db, DEFAULT_INSTANCE);
    }

    /** The store as instance {@code instance} reads it: each instance has its own journal and checkpoint. */
    public InboxStore(Database db, String instance) {
        this.db = db;
        boolean lone = DEFAULT_INSTANCE.equals(instance);
        this.checkpointId = lone ? JOURNAL_ID : JOURNAL_ID + "@" + instance;
        this.bindingPrefix = lone ? BINDING_PREFIX : "journal@" + instance + ":";
    }

    /** Thrown when an item was finished by another worker or instance meanwhile: this transaction must not commit. */
    public static final class AlreadyFinishedException extends RuntimeException {
        AlreadyFinishedException(long id) {
            super("inbox item " + id + " was finished by another worker meanwhile");
        }
    }

    public Database database() {
        return db;
    }

    public JournalPosition checkpoint() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT segment_no, segment_pos FROM journal_checkpoint WHERE journal_id = ?")) {
                ps.setString(1, checkpointId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new JournalPosition(rs.getLong(1), rs.getLong(2)) : JournalPosition.START;
                }
            }
        });
    }

    /** Whether the drainer ever stored a checkpoint (the store has read a journal). */
    boolean hasCheckpoint() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM journal_checkpoint WHERE journal_id = ?")) {
                ps.setString(1, checkpointId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The id of the journal this store reads, if bound ({@link JournalBinding}). */
    Optional<String> boundJournal() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT journal_id FROM journal_checkpoint WHERE journal_id LIKE ?")) {
                ps.setString(1, bindingPrefix + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1).substring(bindingPrefix.length())) : Optional.<String>empty();
                }
            }
        });
    }

    /** Records that this store reads the journal {@code id}. */
    void bindJournal(String id) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO journal_checkpoint (journal_id, segment_no,"
                    + " segment_pos, updated_at) VALUES (?, 0, 0, ?)")) {
                ps.setString(1, bindingPrefix + id);
                ps.setTimestamp(2, Database.ts(Instant.now()));
                return ps.executeUpdate();
            }
        });
    }

    void saveCheckpoint(Connection c, JournalPosition p) throws SQLException {
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE journal_checkpoint SET segment_no = ?, segment_pos = ?, updated_at = ? WHERE journal_id = ?")) {
            up.setLong(1, p.segment());
            up.setLong(2, p.offset());
            up.setTimestamp(3, Database.ts(Instant.now()));
            up.setString(4, checkpointId);
            if (up.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO journal_checkpoint (journal_id, segment_no, segment_pos, updated_at) VALUES (?, ?, ?, ?)")) {
            ins.setString(1, checkpointId);
            ins.setLong(2, p.segment());
            ins.setLong(3, p.offset());
            ins.setTimestamp(4, Database.ts(Instant.now()));
            ins.executeUpdate();
        }
    }

    /**
     * Inserts items, skipping any whose dedupe key is already stored (the unique constraint decides,
     * so concurrent deliveries of one event store it once). Returns the number actually inserted.
     */
    int insert(Connection c, String source, Instant receivedAt, List<ParsedItem> items) throws SQLException {
        if (items.isEmpty()) {
            return 0;
        }
        items = items.stream().map(InboxStore::storable).toList();
        String sql = "INSERT INTO inbox_item (dedupe_key, source, status, thread_key, kind, reason, interaction_json, raw_json,"
                + " received_at, partition_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        Savepoint batchStart = c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (ParsedItem item : items) {
                bind(ps, source, receivedAt, item);
                ps.addBatch();
            }
            ps.executeBatch();
            c.releaseSavepoint(batchStart);
            return items.size();
        } catch (SQLException e) {
            if (isConnectionLost(e)) {
                throw e;
            }
            c.rollback(batchStart);
        }
        // a redelivery, or an item the database refuses: one by one, skipping the keys already stored and
        // quarantining what cannot be stored, so that one bad item never holds back the others
        int inserted = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (ParsedItem item : items) {
                bind(ps, source, receivedAt, item);
                Savepoint sp = c.setSavepoint();
                try {
                    ps.executeUpdate();
                    inserted++;
                    c.releaseSavepoint(sp);
                } catch (SQLException e) {
                    c.rollback(sp);
                    if (Database.isUniqueViolation(e)) {
                        continue;
                    }
                    if (isConnectionLost(e) || item instanceof ParsedItem.Quarantined) {
                        throw e;
                    }
                    bind(ps, source, receivedAt, new ParsedItem.Quarantined(item.dedupeKey(), item.rawJson(),
                            "not storable: " + e.getMessage()));
                    ps.executeUpdate();
                    inserted++;
                }
            }
        }
        return inserted;
    }

    /**
     * Items whose identifiers are longer than any platform id ({@value #MAX_ID} characters) are quarantined with the
     * reason: stored as they are, they would fail the outbox and thread columns later and be retried until dead.
     */
    static ParsedItem storable(ParsedItem item) {
        String tooLong = item.dedupeKey().length() > MAX_COMPOSED_KEY ? "dedupe key of " + item.dedupeKey().length()
                + " characters (at most " + MAX_COMPOSED_KEY + "): its ids are not platform ids" : null;
        if (tooLong == null && item instanceof ParsedItem.Accepted a) {
            Interaction i = a.interaction();
            if (i.threadKey().length() > MAX_COMPOSED_KEY) {
                tooLong = "thread key of " + i.threadKey().length() + " characters (at most " + MAX_COMPOSED_KEY
                        + "): its ids are not platform ids";
            }
            for (String[] field : new String[][] {{"item id", i.itemId()},
                    {"parent id", i.parentId()}, {"post id", i.postId()}, {"account id", i.accountId()},
                    {"conversation id", i.conversationId()}, {"author id", i.author().id()},
                    {"author handle", i.author().handle()}}) {
                tooLong = tooLong == null ? tooLong(field[0], field[1]) : tooLong;
            }
        }
        return tooLong == null ? item : new ParsedItem.Quarantined(item.dedupeKey(), item.rawJson(), tooLong);
    }

    private static String tooLong(String name, String value) {
        return value != null && value.length() > MAX_ID ? name + " of " + value.length() + " characters (at most "
                + MAX_ID + "): an id this long is not a platform id" : null;
    }

    /** SQL state class 08: the connection, not the item, failed; the whole batch is retried. */
    private static boolean isConnectionLost(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08");
    }

    /** Longest identifier accepted from a platform: room is left for the suffixes of derived keys. */
    static final int MAX_ID = 256;
    /** Longest dedupe or thread key accepted: ids plus their prefix, with room for the suffixes of derived keys. */
    static final int MAX_COMPOSED_KEY = 400;

    private static void bind(PreparedStatement ps, String source, Instant receivedAt, ParsedItem item) throws SQLException {
        ps.setString(1, truncate(item.dedupeKey(), 512));
        ps.setString(2, truncate(source, 32));   // informational (connector[/endpoint]); a long bot name must not fail the row
        ps.setTimestamp(9, Database.ts(receivedAt));
        ps.setString(8, item.rawJson());
        ps.setInt(10, Partitions.of(item instanceof ParsedItem.Accepted a ? a.interaction().threadKey() : item.dedupeKey()));
        if (item instanceof ParsedItem.Accepted a) {
            ps.setString(3, InboxStatus.PENDING.name());
            ps.setString(4, a.interaction().threadKey());
            ps.setString(5, a.interaction().kind().id());
            ps.setString(6, null);
            ps.setString(7, Json.write(a.interaction()));
        } else if (item instanceof ParsedItem.StatusUpdate u) {
            ps.setString(3, InboxStatus.PENDING.name());
            ps.setString(4, null);
            ps.setString(5, STATUS_KIND);
            ps.setString(6, null);
            ps.setString(7, Json.write(u.status()));
        } else {
            boolean ignored = item instanceof ParsedItem.Ignored;
            String reason = ignored ? ((ParsedItem.Ignored) item).reason() : ((ParsedItem.Quarantined) item).reason();
            ps.setString(3, (ignored ? InboxStatus.IGNORED : InboxStatus.QUARANTINED).name());
            ps.setString(4, null);
            ps.setString(5, null);
            ps.setString(6, truncate(reason, 1000));
            ps.setString(7, null);
        }
    }

    /**
     * Queues an interaction completed after its webhook (e.g. an @mention read back from the platform) as a
     * pending item. Idempotent: returns false when {@code dedupeKey} is already stored.
     */
    public boolean insertCompleted(String dedupeKey, Interaction interaction) {
        String json = Json.write(interaction);
        return db.inTransaction(c -> insert(c, FETCH_SOURCE, Instant.now(),
                List.of(new ParsedItem.Accepted(dedupeKey, json, interaction)))) == 1;
    }

    /** Oldest pending items, in arrival order. */
    public List<InboxItem> pending(int limit) {
        return query("SELECT " + COLUMNS + " FROM inbox_item WHERE status = 'PENDING' ORDER BY id", limit);
    }

    /** Oldest pending items of {@code partitions} ({@link Partitions}), in arrival order. */
    public List<InboxItem> pending(Set<Integer> partitions, int limit) {
        if (partitions.size() >= Partitions.COUNT) {
            return pending(limit);
        }
        if (partitions.isEmpty()) {
            return List.of();
        }
        return query("SELECT " + COLUMNS + " FROM inbox_item WHERE status = 'PENDING' AND partition_no IN ("
                + partitions.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                + ") ORDER BY id", limit);
    }

    public List<InboxItem> byStatus(InboxStatus status, int limit) {
        return query("SELECT " + COLUMNS + " FROM inbox_item WHERE status = '" + status.name() + "' ORDER BY id DESC", limit);
    }

    public Map<InboxStatus, Long> counts() {
        return db.inTransaction(c -> {
            Map<InboxStatus, Long> out = new EnumMap<>(InboxStatus.class);
            for (InboxStatus s : InboxStatus.values()) {
                out.put(s, 0L);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT status, COUNT(*) FROM inbox_item GROUP BY status");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(InboxStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return out;
        });
    }

    /**
     * Marks a pending item processed (or dead) inside the caller's transaction.
     *
     * @throws AlreadyFinishedException when it is no longer pending: another worker finished it, and the caller's
     *                                  transaction must roll back so that its work is not done twice
     */
    public void finish(Connection c, long id, InboxStatus status, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE inbox_item SET status = ?, reason = ?, processed_at = ?,"
                + " attempts = attempts + 1 WHERE id = ? AND status = 'PENDING'")) {
            ps.setString(1, status.name());
            ps.setString(2, truncate(reason, 1000));
            ps.setTimestamp(3, Database.ts(Instant.now()));
            ps.setLong(4, id);
            if (ps.executeUpdate() != 1) {
                throw new AlreadyFinishedException(id);
            }
        }
    }

    /** Records a failed processing attempt; returns the new attempt count. */
    public int recordFailure(long id, String reason) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE inbox_item SET attempts = attempts + 1, reason = ? WHERE id = ?")) {
                ps.setString(1, truncate(reason, 1000));
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT attempts FROM inbox_item WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /** Puts a dead item back to pending (admin retry). Returns false when it was not dead. */
    public boolean retry(long id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE inbox_item SET status = 'PENDING', attempts = 0 WHERE id = ? AND status = 'DEAD'")) {
                ps.setLong(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private List<InboxItem> query(String sql, int limit) {
        return db.inTransaction(c -> {
            List<InboxItem> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new InboxItem(rs.getLong(1), rs.getString(2), rs.getString(3),
                                InboxStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8), rs.getString(9), rs.getInt(10), Database.instant(rs.getTimestamp(11)), rs.getInt(12)));
                    }
                }
            }
            return out;
        });
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
