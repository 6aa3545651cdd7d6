package dev.socialbridge.pipeline;

import dev.socialbridge.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Where each thread's satisfaction survey stands (table {@code survey}), in the caller's transaction. */
final class SurveyStore {

    /** A survey waiting for the answer to {@code step}. */
    record Open(String threadKey, String ticketId, String step, String language, Instant askedAt) { }

    /** The survey of {@code threadKey} waiting for an answer asked after {@code since}, if any. */
    Optional<Open> open(Connection c, String threadKey, Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ticket_id, step, language, asked_at FROM survey"
                + " WHERE thread_key = ? AND step <> ? AND asked_at > ?")) {
            ps.setString(1, threadKey);
            ps.setString(2, SatisfactionSurvey.DONE);
            ps.setTimestamp(3, Database.ts(since));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Open(threadKey, rs.getString(1), rs.getString(2), rs.getString(3),
                        Database.instant(rs.getTimestamp(4)))) : Optional.empty();
            }
        }
    }

    /** The survey of {@code threadKey} now waits for the answer to {@code step} (a new survey replaces an old one). */
    void ask(Connection c, String threadKey, String ticketId, String step, String language, Instant at)
            throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE survey SET ticket_id = ?, step = ?, language = ?,"
                + " asked_at = ? WHERE thread_key = ?")) {
            up.setString(1, ticketId);
            up.setString(2, step);
            up.setString(3, language);
            up.setTimestamp(4, Database.ts(at));
            up.setString(5, threadKey);
            if (up.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO survey (thread_key, ticket_id, step, language,"
                + " asked_at) VALUES (?, ?, ?, ?, ?)")) {
            ins.setString(1, threadKey);
            ins.setString(2, ticketId);
            ins.setString(3, step);
            ins.setString(4, language);
            ins.setTimestamp(5, Database.ts(at));
            ins.executeUpdate();
        }
    }

    /** Records the answer to {@code step} and what the survey waits for next ({@link SatisfactionSurvey#DONE}: nothing). */
    void answer(Connection c, String threadKey, String step, int score, String next, Instant at) throws SQLException {
        String column = SatisfactionSurvey.NPS.equals(step) ? "nps" : "csat";
        try (PreparedStatement ps = c.prepareStatement("UPDATE survey SET " + column + " = ?, step = ?, asked_at = ?"
                + " WHERE thread_key = ?")) {
            ps.setInt(1, score);
            ps.setString(2, next);
            ps.setTimestamp(3, Database.ts(at));
            ps.setString(4, threadKey);
            ps.executeUpdate();
        }
    }

    /** The customer wrote something else: the survey ends unanswered. */
    void close(Connection c, String threadKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE survey SET step = ? WHERE thread_key = ?")) {
            ps.setString(1, SatisfactionSurvey.DONE);
            ps.setString(2, threadKey);
            ps.executeUpdate();
        }
    }
}
