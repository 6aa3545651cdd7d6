package dev.socialbridge.leads;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.socialbridge.store.Database;
import dev.socialbridge.support.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** JDBC access to the qualifier flows ({@code qualifier_flow}), in the caller's transaction. */
public final class QualifierStore {
    public static final String OPEN = "open";
    private static final TypeReference<LinkedHashMap<String, String>> ANSWERS = new TypeReference<>() { };

    /** The open flow answered from {@code answerKey}, if any. */
    public Optional<QualifierState> open(Connection c, String answerKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT answer_key, thread_key, flow_id, step, retried, language,"
                + " answers, asked_at FROM qualifier_flow WHERE answer_key = ? AND status = ?")) {
            ps.setString(1, answerKey);
            ps.setString(2, OPEN);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    /** The open flows whose question was asked before {@code before}, oldest first. */
    public List<QualifierState> expired(Connection c, Instant before, int limit) throws SQLException {
        List<QualifierState> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT answer_key, thread_key, flow_id, step, retried, language,"
                + " answers, asked_at FROM qualifier_flow WHERE status = ? AND asked_at < ? ORDER BY asked_at")) {
            ps.setString(1, OPEN);
            ps.setTimestamp(2, Database.ts(before));
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
        }
        return out;
    }

    /** Saves {@code state} as the open flow of its answer key (a new flow replaces an earlier one). */
    public void save(Connection c, QualifierState state, Instant now) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE qualifier_flow SET thread_key = ?, flow_id = ?, step = ?,"
                + " retried = ?, language = ?, answers = ?, status = ?, asked_at = ?, updated_at = ? WHERE answer_key = ?")) {
            bind(up, state, OPEN, now);
            if (up.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO qualifier_flow (thread_key, flow_id, step, retried,"
                + " language, answers, status, asked_at, updated_at, answer_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(ins, state, OPEN, now);
            ins.executeUpdate();
        }
    }

    /** Ends the open flow of {@code answerKey} with {@code status} (answered, timeout, handed_over, stopped). */
    public boolean close(Connection c, String answerKey, String status, Map<String, String> answers, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE qualifier_flow SET status = ?, answers = ?, updated_at = ?"
                + " WHERE answer_key = ? AND status = ?")) {
            ps.setString(1, status);
            ps.setString(2, Json.write(answers));
            ps.setTimestamp(3, Database.ts(now));
            ps.setString(4, answerKey);
            ps.setString(5, OPEN);
            return ps.executeUpdate() == 1;
        }
    }

    private static void bind(PreparedStatement ps, QualifierState s, String status, Instant now) throws SQLException {
        ps.setString(1, s.threadKey());
        ps.setString(2, s.flowId());
        ps.setInt(3, s.step());
        ps.setBoolean(4, s.retried());
        ps.setString(5, s.language());
        ps.setString(6, Json.write(s.answers()));
        ps.setString(7, status);
        ps.setTimestamp(8, Database.ts(s.askedAt()));
        ps.setTimestamp(9, Database.ts(now));
        ps.setString(10, s.answerKey());
    }

    private static QualifierState map(ResultSet rs) throws SQLException {
        Map<String, String> answers;
        try {
            answers = Json.MAPPER.readValue(rs.getString(7), ANSWERS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable qualifier answers", e);
        }
        return new QualifierState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5),
                rs.getString(6), answers, Database.instant(rs.getTimestamp(8)));
    }
}
