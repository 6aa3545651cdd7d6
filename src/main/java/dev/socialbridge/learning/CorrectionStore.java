package dev.socialbridge.learning;

import dev.socialbridge.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Labelled examples for learning: agents' corrections read from the host and rows imported by {@code learn --import}. */
public final class CorrectionStore {
    /** An agent changed the ticket's intent. */
    public static final String INTENT = "intent";
    /** An agent changed the ticket's sentiment. */
    public static final String SENTIMENT = "sentiment";
    /** An agent asked to unhide a comment automation hid: a moderation false positive. */
    public static final String UNHIDE = "unhide";
    public static final String FROM_AGENT = "agent";
    public static final String FROM_IMPORT = "import";

    static final int MAX_TEXT = 4000;

    private final Database db;

    public CorrectionStore(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    /**
     * One labelled example.
     *
     * @param hostPosition where the host recorded the correction (null for imported rows): a correction read twice
     *                     is stored once
     * @param field        {@link #INTENT}, {@link #SENTIMENT} or {@link #UNHIDE}
     * @param oldValue     the label the model gave (for an unhide: the intent it hid for)
     * @param newValue     the right label (null for an unhide: the comment was not what the model said)
     * @param modelVersion the model that gave the old label
     */
    public record Correction(long id, String source, Long hostPosition, String threadKey, String text, String lang,
                             String field, String oldValue, String newValue, String author, String modelVersion,
                             Instant correctedAt) {
        public Correction {
            text = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        }
    }

    /** Stores {@code x}; false when the host position was already recorded for that field. */
    public boolean record(Connection c, Correction x) throws SQLException {
        return Database.unlessDuplicate(c, conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO label_correction (source, host_position, thread_key,"
                    + " text, lang, field, old_value, new_value, author, model_version, corrected_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, x.source());
                if (x.hostPosition() == null) {
                    ps.setNull(2, Types.BIGINT);
                } else {
                    ps.setLong(2, x.hostPosition());
                }
                ps.setString(3, x.threadKey());
                ps.setString(4, x.text());
                ps.setString(5, x.lang());
                ps.setString(6, x.field());
                ps.setString(7, x.oldValue());
                ps.setString(8, x.newValue());
                ps.setString(9, x.author());
                ps.setString(10, x.modelVersion());
                ps.setTimestamp(11, Database.ts(x.correctedAt()));
                ps.executeUpdate();
                return Boolean.TRUE;
            }
        }).orElse(false);
    }

    /**
     * The labelled examples of {@code field}: for a thread corrected several times, its latest correction only (the
     * agent's last word on that message); imported rows all count.
     */
    public List<Correction> examples(String field) {
        return db.inTransaction(c -> {
            Map<String, Correction> latest = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, source, host_position, thread_key, text, lang, field,"
                    + " old_value, new_value, author, model_version, corrected_at FROM label_correction WHERE field = ?"
                    + " ORDER BY id")) {
                ps.setString(1, field);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long hostPosition = rs.getLong("host_position");
                        Correction x = new Correction(rs.getLong("id"), rs.getString("source"),
                                rs.wasNull() ? null : hostPosition, rs.getString("thread_key"), rs.getString("text"),
                                rs.getString("lang"), rs.getString("field"), rs.getString("old_value"),
                                rs.getString("new_value"), rs.getString("author"), rs.getString("model_version"),
                                Database.instant(rs.getTimestamp("corrected_at")));
                        String key = x.threadKey() == null ? "row:" + x.id() : x.threadKey() + "\n" + x.text();
                        latest.remove(key);
                        latest.put(key, x);
                    }
                }
            }
            return new ArrayList<>(latest.values());
        });
    }

    /** How many corrections of each field and source, e.g. {@code intent/agent → 12}. */
    public Map<String, Long> counts() {
        return db.inTransaction(c -> {
            Map<String, Long> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT field, source, COUNT(*) FROM label_correction GROUP BY field, source");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
                }
            }
            return out;
        });
    }

    /** Threads whose {@code field} an agent corrected at or after {@code since}. */
    public long correctedThreads(String field, Instant since) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(DISTINCT thread_key) FROM label_correction"
                    + " WHERE field = ? AND source = ? AND corrected_at >= ?")) {
                ps.setString(1, field);
                ps.setString(2, FROM_AGENT);
                ps.setTimestamp(3, Database.ts(since));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
