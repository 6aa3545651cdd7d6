package dev.socialbridge.links;

import dev.socialbridge.store.Database;
import dev.socialbridge.support.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepted leads ({@code lead_submission}): a new lead is stored and queued in the inbox in one transaction; a
 * duplicate (the same idempotency key, or the same email or phone with the same campaign within the window) is not
 * stored again and gets the first lead's id. Submissions are serialised in this process, so two identical forms
 * posted at once make one lead.
 */
public final class LeadStore {
    private final Database db;
    private final Duration window;

    public LeadStore(Database db, Duration window) {
        this.db = db;
        this.window = window;
    }

    /** The outcome of a submission: its lead id and whether it was a duplicate of an earlier one. */
    public record Accepted(String leadId, boolean duplicate) { }

    public synchronized Accepted submit(LeadForm form, Instant now) {
        return db.inTransaction(c -> {
            Optional<String> earlier = duplicateOf(c, form, now);
            if (earlier.isPresent()) {
                return new Accepted(earlier.get(), true);
            }
            String leadId = "lead-" + UUID.randomUUID();
            LeadSubmission s = new LeadSubmission(leadId, now, form.name, form.email, form.phone, form.message,
                    Boolean.TRUE.equals(form.consent), form.namedCampaign(), form.utm(), form.code, form.conversation);
            String json = Json.write(s);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO lead_submission (lead_id, idempotency_key,"
                    + " email, phone, campaign, payload_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, leadId);
                ps.setString(2, form.idempotency_key);
                ps.setString(3, emailKey(form.email));
                ps.setString(4, form.phone);
                ps.setString(5, campaignKey(form));
                ps.setString(6, json);
                ps.setTimestamp(7, Database.ts(now));
                ps.executeUpdate();
            }
            Inbox.queue(c, leadId, "leads", null, LeadSubmission.KIND, json, now);
            return new Accepted(leadId, false);
        });
    }

    private Optional<String> duplicateOf(Connection c, LeadForm form, Instant now) throws SQLException {
        if (form.idempotency_key != null) {
            Optional<String> same = one(c, "SELECT lead_id FROM lead_submission WHERE idempotency_key = ?",
                    form.idempotency_key, null, now);
            if (same.isPresent()) {
                return same;
            }
        }
        String since = "campaign = ? AND created_at > ? ORDER BY created_at FETCH FIRST 1 ROWS ONLY";
        Optional<String> byEmail = form.email == null ? Optional.empty() : one(c,
                "SELECT lead_id FROM lead_submission WHERE email = ? AND " + since, emailKey(form.email), form, now);
        if (byEmail.isPresent() || form.phone == null) {
            return byEmail;
        }
        return one(c, "SELECT lead_id FROM lead_submission WHERE phone = ? AND " + since, form.phone, form, now);
    }

    private Optional<String> one(Connection c, String sql, String key, LeadForm form, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            if (form != null) {
                ps.setString(2, campaignKey(form));
                ps.setTimestamp(3, Database.ts(now.minus(window)));
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static String emailKey(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** The campaign a duplicate must share: the named campaign, else the click code, else none (''). */
    private static String campaignKey(LeadForm form) {
        String c = form.namedCampaign() != null ? form.namedCampaign() : form.code;
        return c == null ? "" : c.toLowerCase(Locale.ROOT);
    }
}
