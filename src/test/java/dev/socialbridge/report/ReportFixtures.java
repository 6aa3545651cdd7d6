package dev.socialbridge.report;

import dev.socialbridge.attribution.CampaignSignal;
import dev.socialbridge.attribution.SignalType;
import dev.socialbridge.attribution.UtmParameters;
import dev.socialbridge.people.ConversionRequest;
import dev.socialbridge.people.Conversions;
import dev.socialbridge.people.People;
import dev.socialbridge.people.PhoneNumbers;
import dev.socialbridge.store.Database;
import dev.socialbridge.support.Json;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.Instant;

/**
 * A store with known numbers for the report page, {@link #NOW} being 2026-11-20T12:00Z (the 7-day period is
 * 2026-11-14 .. 2026-11-20):
 * <ul>
 *   <li>2026-11-18: t1 (human answer after 60 s, resolved, first-response breach), t2 (human 300 s, not resolved);</li>
 *   <li>2026-11-19: t3 (hot lead of campaign bf, no ticket, no answer), t4 (human 120 s, resolved after 1 h);</li>
 *   <li>2026-11-10, outside the 7 days: t0 (human 999 s);</li>
 *   <li>a 129 EUR conversion of t3's person on 2026-11-19 (credited to bf);</li>
 *   <li>automated hides: 4 on 2026-11-18 of which 1 undone, 1 on 2026-11-20 not undone; one agent hide (not counted).</li>
 * </ul>
 */
public final class ReportFixtures {
    public static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private ReportFixtures() {
    }

    public static void seed(Database db) {
        Instant d18 = Instant.parse("2026-11-18T09:00:00Z");
        Instant d19 = Instant.parse("2026-11-19T09:00:00Z");
        thread(db, "t0", "support", "0", Instant.parse("2026-11-10T09:00:00Z"), 999L, null, null);
        thread(db, "t1", "support", "1", d18, 60L, 3600L, null);
        thread(db, "t2", "support", "2", d18, 300L, null, null);
        thread(db, "t3", "hot_leads", null, d19, null, null, "sales_lead");
        thread(db, "t4", "support", "4", d19, 120L, 3600L, null);
        breach(db, "t1", d18.plusSeconds(30));
        CampaignSignal bf = new CampaignSignal("instagram", SignalType.REF, "bf", null, UtmParameters.none(), "r", null,
                null, null, null, d19);
        People people = new People(new PhoneNumbers("FR"));
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO thread_touch (thread_key, first_touch, last_touch,"
                    + " updated_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, "t3");
                ps.setString(2, Json.write(bf));
                ps.setString(3, Json.write(bf));
                ps.setTimestamp(4, Database.ts(d19));
                ps.executeUpdate();
            }
            people.message(c, "instagram:3", "t3", "jane@example.com", bf, null, d19);
            return null;
        });
        new Conversions(db, people, (c, id, p, t, f, n, now) -> { }).record(new ConversionRequest("o-1",
                new BigDecimal("129"), "EUR", d19.plusSeconds(3600), "jane@example.com", null, null, null, null), d19);
        for (int i = 0; i < 4; i++) {
            hide(db, "c18-" + i, d18.plusSeconds(i), i == 0, null);
        }
        hide(db, "c20", Instant.parse("2026-11-20T08:00:00Z"), false, null);
        hide(db, "c20-agent", Instant.parse("2026-11-20T08:00:00Z"), true, "agent");
    }

    static void thread(Database db, String key, String queue, String ticket, Instant first, Long human, Long resolved,
                       String intent) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO social_thread (thread_key, platform, account_id,"
                    + " author_id, queue_key, ticket_id, first_message_at, last_message_at, first_human_response_at,"
                    + " resolved_at, intent) VALUES (?, 'instagram', 'acct', 'author', ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, key);
                ps.setString(2, queue);
                ps.setString(3, ticket);
                ps.setTimestamp(4, Database.ts(first));
                ps.setTimestamp(5, Database.ts(first));
                ps.setTimestamp(6, Database.ts(human == null ? null : first.plusSeconds(human)));
                ps.setTimestamp(7, Database.ts(resolved == null ? null : first.plusSeconds(resolved)));
                ps.setString(8, intent);
                ps.executeUpdate();
            }
            return null;
        });
    }

    static void breach(Database db, String thread, Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sla_event (thread_key, ticket_id, queue_key, clock,"
                    + " kind, started_at, due_at, at) VALUES (?, ?, 'support', 'first_response', 'breach', ?, ?, ?)")) {
                ps.setString(1, thread);
                ps.setString(2, "T-" + thread);
                ps.setTimestamp(3, Database.ts(at.minusSeconds(3600)));
                ps.setTimestamp(4, Database.ts(at));
                ps.setTimestamp(5, Database.ts(at));
                ps.executeUpdate();
            }
            return null;
        });
    }

    static void hide(Database db, String comment, Instant at, boolean undone, String by) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO moderation_action (thread_key, platform,"
                    + " account_id, comment_id, hidden_at, unhidden_at, false_positive, hidden_by)"
                    + " VALUES ('post', 'instagram', 'acct', ?, ?, ?, ?, ?)")) {
                ps.setString(1, comment);
                ps.setTimestamp(2, Database.ts(at));
                ps.setTimestamp(3, Database.ts(undone ? at.plusSeconds(600) : null));
                ps.setBoolean(4, undone);
                ps.setString(5, by);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
