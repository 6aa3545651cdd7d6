package dev.socialbridge.pipeline;

import dev.socialbridge.attribution.CampaignSignal;
import dev.socialbridge.attribution.ThreadTouches;
import dev.socialbridge.store.Database;
import dev.socialbridge.support.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** JDBC access to the first and last touch of each thread ({@code thread_touch}). */
final class TouchStore {

    /** The thread's touches; {@link ThreadTouches#none()} before any. */
    ThreadTouches touches(Connection c, String threadKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT first_touch, last_touch FROM thread_touch WHERE thread_key = ?")) {
            ps.setString(1, threadKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new ThreadTouches(read(rs.getString(1)), read(rs.getString(2))) : ThreadTouches.none();
            }
        }
    }

    /** Stores the thread's touches with a message or referral, when it changed them. */
    void save(Connection c, String threadKey, TouchAttribution attribution, Instant now) throws SQLException {
        ThreadTouches before = attribution.before();
        ThreadTouches after = attribution.touches();
        if (after.equals(before)) {
            return;
        }
        String sql = before.first() == null
                ? "INSERT INTO thread_touch (first_touch, last_touch, updated_at, thread_key) VALUES (?, ?, ?, ?)"
                : "UPDATE thread_touch SET first_touch = ?, last_touch = ?, updated_at = ? WHERE thread_key = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, Json.write(after.first()));
            ps.setString(2, Json.write(after.last()));
            ps.setTimestamp(3, Database.ts(now));
            ps.setString(4, threadKey);
            ps.executeUpdate();
        }
    }

    private static CampaignSignal read(String json) {
        return json == null ? null : Json.read(json, CampaignSignal.class);
    }
}
