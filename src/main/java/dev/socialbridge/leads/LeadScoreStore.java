package dev.socialbridge.leads;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.socialbridge.store.Database;
import dev.socialbridge.support.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;

/** JDBC access to each thread's lead score ({@code lead_score}), in the caller's transaction. */
public final class LeadScoreStore {
    private static final TypeReference<LinkedHashMap<String, LeadScore.Part>> PARTS = new TypeReference<>() { };

    /** A thread's stored score, and whether it already crossed the hot threshold. */
    public record Stored(LeadScore score, boolean hot, boolean exists) { }

    public Stored find(Connection c, String threadKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT parts, hot_at FROM lead_score WHERE thread_key = ?")) {
            ps.setString(1, threadKey);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Stored(LeadScore.empty(), false, false);
                }
                try {
                    return new Stored(new LeadScore(Json.MAPPER.readValue(rs.getString(1), PARTS)),
                            rs.getTimestamp(2) != null, true);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("unreadable lead score of " + threadKey, e);
                }
            }
        }
    }

    /** Stores the thread's score; {@code hotNow}: it crossed the hot threshold now. */
    public void save(Connection c, String threadKey, Stored before, LeadScore score, boolean hotNow, Instant now)
            throws SQLException {
        String sql = before.exists()
                ? "UPDATE lead_score SET parts = ?, score = ?, updated_at = ?"
                        + (hotNow ? ", hot_at = ?" : "") + " WHERE thread_key = ?"
                : "INSERT INTO lead_score (parts, score, updated_at, " + (hotNow ? "hot_at, " : "") + "thread_key)"
                        + " VALUES (?, ?, ?, " + (hotNow ? "?, " : "") + "?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = 1;
            ps.setString(n++, Json.write(score.parts()));
            ps.setInt(n++, score.total());
            ps.setTimestamp(n++, Database.ts(now));
            if (hotNow) {
                ps.setTimestamp(n++, Database.ts(now));
            }
            ps.setString(n, threadKey);
            ps.executeUpdate();
        }
    }
}
