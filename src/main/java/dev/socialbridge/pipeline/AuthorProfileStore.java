package dev.socialbridge.pipeline;

import dev.socialbridge.interaction.Platform;
import dev.socialbridge.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Cache of authors' names looked up on the platform ({@code author_profile}), keyed by platform and author id. A
 * found name is trusted for {@link #FOUND_TTL}; an author the platform would not name is cached too (negative
 * entry) for the shorter {@link #NEGATIVE_TTL}, so that a refusing platform is not asked at every message.
 */
public final class AuthorProfileStore {
    /** How long a looked-up name is trusted. */
    public static final Duration FOUND_TTL = Duration.ofDays(7);
    /** How long "the platform would not name this author" is trusted. */
    public static final Duration NEGATIVE_TTL = Duration.ofDays(1);
    /** Longest stored name or handle. */
    private static final int MAX_LENGTH = 255;

    private final Database db;

    public AuthorProfileStore(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    /** A cached lookup; {@code displayName} and {@code handle} are both null for a negative entry. */
    public record Profile(String displayName, String handle, Instant lookedUpAt) {
        /** Whether the platform named the author. */
        public boolean found() {
            return displayName != null || handle != null;
        }

        /** Whether the entry is still trusted at {@code now}. */
        public boolean freshAt(Instant now) {
            return !lookedUpAt.plus(found() ? FOUND_TTL : NEGATIVE_TTL).isBefore(now);
        }
    }

    /** The cached lookup for this author if still fresh at {@code now}. */
    public Optional<Profile> find(Connection c, Platform platform, String authorId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT display_name, handle, looked_up_at FROM author_profile WHERE platform = ? AND author_id = ?")) {
            ps.setString(1, platform.id());
            ps.setString(2, authorId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Profile p = new Profile(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant());
                return p.freshAt(now) ? Optional.of(p) : Optional.empty();
            }
        }
    }

    /** Records a lookup (insert or replace); null name and handle record a negative entry. */
    public void record(Platform platform, String authorId, String displayName, String handle, Instant at) {
        String name = bounded(displayName);
        String user = bounded(handle);
        db.inTransaction(c -> {
            try (PreparedStatement up = c.prepareStatement(
                    "UPDATE author_profile SET display_name = ?, handle = ?, looked_up_at = ? WHERE platform = ? AND author_id = ?")) {
                up.setString(1, name);
                up.setString(2, user);
                up.setTimestamp(3, Database.ts(at));
                up.setString(4, platform.id());
                up.setString(5, authorId);
                if (up.executeUpdate() == 1) {
                    return null;
                }
            }
            // recorded concurrently by another lookup of the same author: either row is fine
            Database.unlessDuplicate(c, conn -> {
                try (PreparedStatement ins = conn.prepareStatement("INSERT INTO author_profile (platform, author_id,"
                        + " display_name, handle, looked_up_at) VALUES (?, ?, ?, ?, ?)")) {
                    ins.setString(1, platform.id());
                    ins.setString(2, authorId);
                    ins.setString(3, name);
                    ins.setString(4, user);
                    ins.setTimestamp(5, Database.ts(at));
                    return ins.executeUpdate();
                }
            });
            return null;
        });
    }

    private static String bounded(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return s.length() <= MAX_LENGTH ? s : s.substring(0, s.offsetByCodePoints(0, Math.min(MAX_LENGTH / 2,
                s.codePointCount(0, s.length()))));
    }
}
