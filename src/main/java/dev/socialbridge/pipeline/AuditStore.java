package dev.socialbridge.pipeline;

import dev.socialbridge.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit trail of automated decisions, queryable by thread. */
public final class AuditStore {
    private final Database db;
    private final java.util.function.Supplier<String> modelVersion;

    /** Audit records name the shipped intent model. */
    public AuditStore(Database db) {
        this(db, dev.socialbridge.learning.ModelVersion::shipped);
    }

    /** @param modelVersion the name of the intent model in use, written on every record */
    public AuditStore(Database db, java.util.function.Supplier<String> modelVersion) {
        this.db = db;
        this.modelVersion = modelVersion;
    }

    /** One audited decision step; {@code modelVersion} names the intent model in use when it was recorded. */
    public record AuditRow(long id, String threadKey, long inboxItemId, String ruleId, String templateId, String variant,
                           String action, String outcome, String scoresJson, String detail, Instant createdAt,
                           String modelVersion) {
        /** A row to insert: the store writes the model in use. */
        public AuditRow(long id, String threadKey, long inboxItemId, String ruleId, String templateId, String variant,
                        String action, String outcome, String scoresJson, String detail, Instant createdAt) {
            this(id, threadKey, inboxItemId, ruleId, templateId, variant, action, outcome, scoresJson, detail, createdAt,
                    null);
        }
    }

    public void insert(Connection c, AuditRow r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_record (thread_key, inbox_item_id, rule_id,"
                + " template_id, variant, action, outcome, scores_json, detail, created_at, model_version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.threadKey());
            ps.setLong(2, r.inboxItemId());
            ps.setString(3, r.ruleId());
            ps.setString(4, r.templateId());
            ps.setString(5, r.variant());
            ps.setString(6, r.action());
            ps.setString(7, r.outcome());
            ps.setString(8, r.scoresJson());
            ps.setString(9, r.detail() == null ? null : r.detail().substring(0, Math.min(2000, r.detail().length())));
            ps.setTimestamp(10, Database.ts(r.createdAt()));
            ps.setString(11, r.modelVersion() != null ? r.modelVersion() : modelVersion.get());
            ps.executeUpdate();
        }
    }

    public List<AuditRow> byThread(String threadKey, int limit) {
        return db.inTransaction(c -> {
            List<AuditRow> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, thread_key, inbox_item_id, rule_id, template_id,"
                    + " variant, action, outcome, scores_json, detail, created_at, model_version FROM audit_record"
                    + " WHERE thread_key = ? ORDER BY id")) {
                ps.setString(1, threadKey);
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                                Database.instant(rs.getTimestamp(11)), rs.getString(12)));
                    }
                }
            }
            return out;
        });
    }
}
