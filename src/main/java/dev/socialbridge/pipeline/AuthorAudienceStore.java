package dev.socialbridge.pipeline;

import dev.socialbridge.interaction.Platform;
import dev.socialbridge.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/**
 * Cache of authors' follower counts looked up on the platform ({@code author_audience}), keyed by platform and
 * username. A looked-up author without data (a personal account) is cached too, with no count.
 */
public final class AuthorAudienceStore {
    private final Database db;

    public AuthorAudienceStore(Database db) {
        this.db = db;
    }

    /** A cached lookup; {@code followers} is null when the platform had no data for the author. */
    public record Audience(Long followers, Instant lookedUpAt) { }

    /** The cached lookup for this author if made at or after {@code notBefore}. */
    public Optional<Audience> find(Connection c, Platform platform, String handle, Instant notBefore) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT follower_count, looked_up_at FROM author_audience WHERE platform = ? AND handle = ?")) {
            ps.setString(1, platform.id());
            ps.setString(2, handle);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long n = rs.getLong(1);
                Long followers = rs.wasNull() ? null : n;
                Instant at = rs.getTimestamp(2).toInstant();
                return at.isBefore(notBefore) ? Optional.empty() : Optional.of(new Audience(followers, at));
            }
        }
    }

    /** Records a lookup (insert or replace). */
    public void record(Platform platform, String handle, Long followers, Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement up = c.prepareStatement(
                    "UPDATE author_audience SET follower_count = ?, looked_up_at = ? WHERE platform = ? AND handle = ?")) {
                bindCount(up, 1, followers);
                up.setTimestamp(2, Database.ts(at));
                up.setString(3, platform.id());
                up.setString(4, handle);
                if (up.executeUpdate() == 1) {
                    return null;
                }
            }
            // recorded concurrently by another lookup of the same author: either row is fine
            Database.unlessDuplicate(c, conn -> {
                try (PreparedStatement ins = conn.prepareStatement("INSERT INTO author_audience (platform, handle,"
                        + " follower_count, looked_up_at) VALUES (?, ?, ?, ?)")) {
                    ins.setString(1, platform.id());
                    ins.setString(2, handle);
                    bindCount(ins, 3, followers);
                    ins.setTimestamp(4, Database.ts(at));
                    return ins.executeUpdate();
                }
            });
            return null;
        });
    }

    private static void bindCount(PreparedStatement ps, int index, Long followers) throws SQLException {
        if (followers == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, followers);
        }
    }
}
