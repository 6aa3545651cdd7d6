package dev.socialbridge.pipeline;

import dev.socialbridge.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Connected accounts whose platform credentials were rejected (e.g. Graph error 190). */
public final class AccountStatusStore {
    private final Database db;

    public AccountStatusStore(Database db) {
        this.db = db;
    }

    public void markInvalid(String accountId, String platform, String reason) {
        db.inTransaction(c -> {
            try (PreparedStatement up = c.prepareStatement(
                    "UPDATE account_status SET invalid_reason = ?, invalid_since = COALESCE(invalid_since, ?) WHERE account_id = ?")) {
                up.setString(1, reason);
                up.setTimestamp(2, Database.ts(Instant.now()));
                up.setString(3, accountId);
                if (up.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO account_status (account_id, platform, invalid_reason, invalid_since) VALUES (?, ?, ?, ?)")) {
                ins.setString(1, accountId);
                ins.setString(2, platform);
                ins.setString(3, reason);
                ins.setTimestamp(4, Database.ts(Instant.now()));
                ins.executeUpdate();
            }
            return null;
        });
    }

    public void clear(String accountId) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM account_status WHERE account_id = ?")) {
                ps.setString(1, accountId);
                return ps.executeUpdate();
            }
        });
    }

    /** Account id → reason, for every account currently flagged invalid. */
    public Map<String, String> invalidAccounts() {
        return db.inTransaction(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT account_id, invalid_reason FROM account_status WHERE invalid_reason IS NOT NULL ORDER BY account_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }
}
