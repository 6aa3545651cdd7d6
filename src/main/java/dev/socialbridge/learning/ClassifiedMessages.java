package dev.socialbridge.learning;

import dev.socialbridge.classify.Classification;
import dev.socialbridge.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The latest classified customer message of each thread, with the labels the ticket shows: what an agent corrects
 * when they change the ticket's intent or sentiment.
 */
public final class ClassifiedMessages {
    private final Database db;

    public ClassifiedMessages(Database db) {
        this.db = db;
    }

    /** A thread's latest classified message. */
    public record Classified(String threadKey, String messageId, String text, String lang, String intent,
                             double confidence, String sentiment, String modelVersion, Instant classifiedAt) { }

    /** Records the thread's latest message and its labels (replacing the previous one). */
    public void record(Connection c, String threadKey, String messageId, String text, Classification k,
                       String modelVersion, Instant at) throws SQLException {
        String bounded = text == null ? "" : text.length() > CorrectionStore.MAX_TEXT
                ? text.substring(0, CorrectionStore.MAX_TEXT) : text;
        try (PreparedStatement ps = c.prepareStatement("UPDATE classified_message SET message_id = ?, text = ?, lang = ?,"
                + " intent = ?, confidence = ?, sentiment = ?, model_version = ?, classified_at = ? WHERE thread_key = ?")) {
            bind(ps, messageId, bounded, k, modelVersion, at);
            ps.setString(9, threadKey);
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        Database.unlessDuplicate(c, conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO classified_message (message_id, text, lang,"
                    + " intent, confidence, sentiment, model_version, classified_at, thread_key)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(ps, messageId, bounded, k, modelVersion, at);
                ps.setString(9, threadKey);
                return ps.executeUpdate();
            }
        });
    }

    private static void bind(PreparedStatement ps, String messageId, String text, Classification k, String version,
                             Instant at) throws SQLException {
        ps.setString(1, messageId);
        ps.setString(2, text);
        ps.setString(3, k.lang());
        ps.setString(4, k.intent());
        ps.setDouble(5, k.intentConfidence());
        ps.setString(6, k.sentiment());
        ps.setString(7, version);
        ps.setTimestamp(8, Database.ts(at));
    }

    public Optional<Classified> latest(Connection c, String threadKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT message_id, text, lang, intent, confidence, sentiment,"
                + " model_version, classified_at FROM classified_message WHERE thread_key = ?")) {
            ps.setString(1, threadKey);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Classified(threadKey, rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getDouble(5), rs.getString(6), rs.getString(7),
                        Database.instant(rs.getTimestamp(8))));
            }
        }
    }

    /** Threads with a message classified at or after {@code since}. */
    public long count(Instant since) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM classified_message WHERE classified_at >= ?")) {
                ps.setTimestamp(1, Database.ts(since));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
