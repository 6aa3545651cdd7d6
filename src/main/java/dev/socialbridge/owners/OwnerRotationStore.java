package dev.socialbridge.owners;

import dev.socialbridge.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The turns of round-robin owners ({@code owner_rotation}): per queue, the last login a ticket was given to. A turn
 * goes to the first candidate after that login in name order (wrapping around), so that a person who joins gets a
 * turn in their place, one who leaves is skipped, and no one gets two turns in a row while others wait. The row is
 * locked while a turn is taken: instances sharing the store take turns one after the other.
 */
public final class OwnerRotationStore {
    private final Database db;
    private final Clock clock;

    public OwnerRotationStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Takes the next turn of {@code queueKey} among {@code candidates} (host logins, any order) and records it.
     *
     * @return the login whose turn it is; empty when there is no candidate (nothing recorded)
     */
    public Optional<String> nextTurn(String queueKey, List<String> candidates) {
        List<String> sorted = candidates.stream().distinct().sorted(String.CASE_INSENSITIVE_ORDER).toList();
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(db.inTransaction(c -> {
            Optional<String> last = lockLast(c, queueKey);
            if (last.isEmpty()) {
                // first turn of the queue: insert, unless another instance just did (then lock theirs)
                boolean inserted = Database.unlessDuplicate(c, x -> insert(x, queueKey, sorted.get(0))).isPresent();
                if (inserted) {
                    return sorted.get(0);
                }
                last = lockLast(c, queueKey);
            }
            String next = after(sorted, last.orElseThrow());
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE owner_rotation SET last_owner = ?, turns = turns + 1, updated_at = ? WHERE queue_key = ?")) {
                ps.setString(1, next);
                ps.setTimestamp(2, Database.ts(clock.instant()));
                ps.setString(3, queueKey);
                ps.executeUpdate();
            }
            return next;
        }));
    }

    /** The first candidate after {@code last} in name order, wrapping around ({@code sorted}: in that order). */
    static String after(List<String> sorted, String last) {
        return sorted.stream().filter(login -> String.CASE_INSENSITIVE_ORDER.compare(login, last) > 0).findFirst()
                .orElse(sorted.get(0));
    }

    private static Optional<String> lockLast(Connection c, String queueKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT last_owner FROM owner_rotation WHERE queue_key = ? FOR UPDATE")) {
            ps.setString(1, queueKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private Boolean insert(Connection c, String queueKey, String owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO owner_rotation (queue_key, last_owner, turns, updated_at) VALUES (?, ?, 1, ?)")) {
            ps.setString(1, queueKey);
            ps.setString(2, owner);
            ps.setTimestamp(3, Database.ts(clock.instant()));
            ps.executeUpdate();
            return Boolean.TRUE;
        }
    }
}
