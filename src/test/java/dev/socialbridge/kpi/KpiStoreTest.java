package dev.socialbridge.kpi;

import dev.socialbridge.store.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.store.Database;
import dev.socialbridge.support.Json;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** KPIs from known threads and SLA events: counts, nearest-rank medians and p90, rates, groups, the window, CSV. */
class KpiStoreTest {
    static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant TO = FROM.plus(Duration.ofDays(7));

    private Database db;
    private KpiStore store;

    @BeforeEach
    void open() {
        db = TestStores.open("kpis");
        store = new KpiStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A thread; the times are seconds after its first message (null: never). */
    static void thread(Database db, String key, String platform, String queue, String ticket, Instant first,
                       Long human, Long bot, Long resolved, String status) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO social_thread (thread_key, platform, account_id,"
                    + " author_id, queue_key, ticket_id, first_message_at, last_message_at, first_human_response_at,"
                    + " first_automated_response_at, resolved_at, automation_status) VALUES (?, ?, 'acct', 'author', ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, key);
                ps.setString(2, platform);
                ps.setString(3, queue);
                ps.setString(4, ticket);
                ps.setTimestamp(5, Database.ts(first));
                ps.setTimestamp(6, Database.ts(first));
                ps.setTimestamp(7, Database.ts(human == null ? null : first.plusSeconds(human)));
                ps.setTimestamp(8, Database.ts(bot == null ? null : first.plusSeconds(bot)));
                ps.setTimestamp(9, Database.ts(resolved == null ? null : first.plusSeconds(resolved)));
                ps.setString(10, status);
                ps.executeUpdate();
            }
            return null;
        });
    }

    static void event(Database db, String thread, String queue, String clock, String kind, Instant due) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sla_event (thread_key, ticket_id, queue_key, clock,"
                    + " kind, started_at, due_at, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, thread);
                ps.setString(2, "T-" + thread);
                ps.setString(3, queue);
                ps.setString(4, clock);
                ps.setString(5, kind);
                ps.setTimestamp(6, Database.ts(due.minusSeconds(3600)));
                ps.setTimestamp(7, Database.ts(due));
                ps.setTimestamp(8, Database.ts(due));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * social-support (instagram but t5): t1..t5; sales (facebook): t6, t7; no queue (whatsapp): t8; outside the
     * window: t9 (at {@code to}), t10 (just before {@code from}).
     */
    private void seed() {
        Instant day = FROM.plus(Duration.ofDays(1));
        thread(db, "t1", "instagram", "social-support", "1", FROM, 60L, null, 3600L, "human");   // at from: included
        thread(db, "t2", "instagram", "social-support", "2", day, 120L, null, 7200L, "human");
        thread(db, "t3", "instagram", "social-support", "3", day, 300L, null, null, "escalated");
        thread(db, "t4", "instagram", "social-support", "4", day, null, 5L, 600L, "automated");
        thread(db, "t5", "facebook", "social-support", null, day, null, 3L, null, "automated");
        thread(db, "t6", "facebook", "sales", "6", day, 30L, null, null, "human");
        thread(db, "t7", "facebook", "sales", "7", TO.minusMillis(1), 900L, null, 86_400L, "human");
        thread(db, "t8", "whatsapp", null, null, day, null, null, null, null);
        thread(db, "t9", "instagram", "social-support", "9", TO, 1L, 1L, 1L, "escalated");             // at to: excluded
        thread(db, "t10", "instagram", "sales", "10", FROM.minusMillis(1), 1L, 1L, 1L, "escalated");  // before: excluded
        Instant due = day.plusSeconds(7200);
        event(db, "t2", "social-support", "resolve", "warning", due);
        event(db, "t2", "social-support", "resolve", "breach", due);
        event(db, "t6", "sales", "first_response", "warning", due);
        event(db, "t6", "sales", "first_response", "breach", due);
        event(db, "t6", "sales", "next_response", "breach", due);
        event(db, "t6", "sales", "next_response", "breach", due.plusSeconds(600));   // a second cycle: still one thread
        event(db, "t7", "sales", "resolve", "warning", due);
        event(db, "t9", "social-support", "first_response", "breach", due);
        event(db, "t10", "sales", "first_response", "breach", due);
    }

    private static KpiReport.GroupKpis group(KpiReport r, String key) {
        return r.groups().stream().filter(g -> g.group().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + key + " in " + r.groups()));
    }

    @Test
    void groupsByQueueWithCountsMediansPercentilesAndRates() {
        seed();
        KpiReport r = store.report(new KpiQuery(FROM, TO, KpiQuery.Group.QUEUE));
        assertEquals("queue", r.groupBy());
        assertEquals(List.of("(none)", "sales", "social-support"), r.groups().stream().map(KpiReport.GroupKpis::group).toList());

        KpiReport.GroupKpis support = group(r, "social-support");
        assertEquals(5, support.threads());
        assertEquals(4, support.tickets());
        assertEquals(3, support.resolved());
        assertEquals(new KpiReport.Timing(3, 120L, 300L), support.firstResponseHuman());       // 60, 120, 300
        assertEquals(new KpiReport.Timing(2, 3L, 5L), support.firstResponseAutomated());       // 3, 5
        assertEquals(new KpiReport.Timing(3, 3600L, 7200L), support.resolution());             // 600, 3600, 7200
        assertEquals(new KpiReport.ClockKpis(0, 0, 1.0), support.sla().firstResponse());
        assertEquals(new KpiReport.ClockKpis(0, 0, 1.0), support.sla().nextResponse());
        assertEquals(new KpiReport.ClockKpis(1, 1, 0.75), support.sla().resolve());
        assertEquals(0.5, support.escalationRate());    // t2 breached, t3 escalated, of 4 tickets
        assertEquals(0.4, support.automationRate());    // t4 resolved without a person, t5 never ticketed, of 5

        KpiReport.GroupKpis sales = group(r, "sales");
        assertEquals(2, sales.threads());
        assertEquals(2, sales.tickets());
        assertEquals(1, sales.resolved());
        assertEquals(new KpiReport.Timing(2, 30L, 900L), sales.firstResponseHuman());
        assertEquals(new KpiReport.Timing(0, null, null), sales.firstResponseAutomated());
        assertEquals(new KpiReport.Timing(1, 86_400L, 86_400L), sales.resolution());
        assertEquals(new KpiReport.ClockKpis(1, 1, 0.5), sales.sla().firstResponse());
        assertEquals(new KpiReport.ClockKpis(1, 0, 0.5), sales.sla().nextResponse());
        assertEquals(new KpiReport.ClockKpis(0, 1, 1.0), sales.sla().resolve());
        assertEquals(0.5, sales.escalationRate());
        assertEquals(0.0, sales.automationRate());

        KpiReport.GroupKpis none = group(r, "(none)");
        assertEquals(1, none.threads());
        assertEquals(0, none.tickets());
        assertNull(none.escalationRate());
        assertNull(none.sla().firstResponse().compliance());
        assertEquals(1.0, none.automationRate());

        KpiReport.GroupKpis total = r.total();
        assertEquals("all", total.group());
        assertEquals(8, total.threads());
        assertEquals(6, total.tickets());
        assertEquals(4, total.resolved());
        assertEquals(new KpiReport.Timing(5, 120L, 900L), total.firstResponseHuman());   // 30, 60, 120, 300, 900
        assertEquals(new KpiReport.ClockKpis(1, 1, 0.8333), total.sla().firstResponse());
        assertEquals(0.5, total.escalationRate());    // t2, t3, t6 of 6
        assertEquals(0.375, total.automationRate());  // t4, t5, t8 of 8
    }

    @Test
    void groupsByChannelAndNone() {
        seed();
        KpiReport byChannel = store.report(new KpiQuery(FROM, TO, KpiQuery.Group.CHANNEL));
        assertEquals(List.of("facebook", "instagram", "whatsapp"),
                byChannel.groups().stream().map(KpiReport.GroupKpis::group).toList());
        KpiReport.GroupKpis facebook = group(byChannel, "facebook");
        assertEquals(3, facebook.threads());   // t5, t6, t7
        assertEquals(2, facebook.tickets());
        assertEquals(0.3333, facebook.automationRate());
        assertEquals(new KpiReport.Timing(1, 3L, 3L), facebook.firstResponseAutomated());
        KpiReport.GroupKpis instagram = group(byChannel, "instagram");
        assertEquals(4, instagram.threads());
        assertEquals(0.25, instagram.automationRate());
        assertEquals(new KpiReport.ClockKpis(1, 1, 0.75), instagram.sla().resolve());

        KpiReport all = store.report(new KpiQuery(FROM, TO, KpiQuery.Group.NONE));
        assertEquals(1, all.groups().size());
        assertEquals(all.total(), all.groups().get(0));
    }

    @Test
    void groupsByTheIntentThatRoutedTheThread() {
        seed();
        db.inTransaction(c -> c.createStatement().executeUpdate(
                "UPDATE social_thread SET intent = 'sales_lead' WHERE thread_key IN ('t6', 't7')"));
        db.inTransaction(c -> c.createStatement().executeUpdate(
                "UPDATE social_thread SET intent = 'support' WHERE thread_key IN ('t1', 't2', 't3')"));

        KpiReport byIntent = store.report(new KpiQuery(FROM, TO, KpiQuery.Group.INTENT));

        assertEquals(List.of(KpiStore.NO_INTENT, "sales_lead", "support"),
                byIntent.groups().stream().map(KpiReport.GroupKpis::group).toList());
        assertEquals(2, group(byIntent, "sales_lead").threads());
        assertEquals(new KpiReport.Timing(2, 30L, 900L), group(byIntent, "sales_lead").firstResponseHuman());
        assertEquals(3, group(byIntent, KpiStore.NO_INTENT).threads());   // t4, t5, t8
    }

    @Test
    void theWindowIncludesFromAndExcludesTo() {
        seed();
        // only t9 (first message exactly at TO) in [TO, TO + 1 day)
        KpiReport after = store.report(new KpiQuery(TO, TO.plus(Duration.ofDays(1)), KpiQuery.Group.NONE));
        assertEquals(1, after.total().threads());
        assertEquals(1, after.total().sla().firstResponse().breaches());
        // only t10, a millisecond before FROM
        KpiReport before = store.report(new KpiQuery(FROM.minusSeconds(1), FROM, KpiQuery.Group.NONE));
        assertEquals(1, before.total().threads());
        // an empty window: no groups, a total of zeros and nulls
        KpiReport empty = store.report(new KpiQuery(TO.plus(Duration.ofDays(30)), TO.plus(Duration.ofDays(31)), KpiQuery.Group.QUEUE));
        assertTrue(empty.groups().isEmpty());
        assertEquals(0, empty.total().threads());
        assertNull(empty.total().automationRate());
        assertEquals(new KpiReport.Timing(0, null, null), empty.total().resolution());
    }

    @Test
    void nearestRankMedianAndP90() {
        List<Long> ten = LongStream.rangeClosed(1, 10).boxed().toList();
        assertEquals(5, KpiStore.nearestRank(ten, 50));
        assertEquals(9, KpiStore.nearestRank(ten, 90));
        List<Long> twenty = LongStream.rangeClosed(1, 20).boxed().toList();
        assertEquals(10, KpiStore.nearestRank(twenty, 50));
        assertEquals(18, KpiStore.nearestRank(twenty, 90));
        assertEquals(7, KpiStore.nearestRank(List.of(7L), 50));
        assertEquals(7, KpiStore.nearestRank(List.of(7L), 90));
        assertEquals(new KpiReport.Timing(3, 20L, 30L), KpiStore.timing(List.of(30L, 10L, 20L)));   // unsorted input
        assertEquals(0, KpiStore.seconds(FROM, FROM.minusSeconds(5)), "clock skew counts as 0");
    }

    @Test
    void queryValidationNamesTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new KpiQuery(TO, FROM, KpiQuery.Group.QUEUE));
        assertTrue(e.getMessage().startsWith("from:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new KpiQuery(FROM, FROM, KpiQuery.Group.QUEUE));
        e = assertThrows(IllegalArgumentException.class, () -> KpiQuery.parseInstant("from", "yesterday"));
        assertTrue(e.getMessage().startsWith("from: 'yesterday'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KpiQuery.Group.of("group", "campaign"));
        assertTrue(e.getMessage().startsWith("group: 'campaign'"), e.getMessage());
        assertEquals(FROM, KpiQuery.parseInstant("from", "2026-11-01"));
        assertEquals(FROM, KpiQuery.parseInstant("from", "2026-11-01T01:00:00+01:00"));
        assertNull(KpiQuery.parseInstant("from", " "));
        KpiQuery defaults = KpiQuery.withDefaults(null, null, null, TO);
        assertEquals(new KpiQuery(FROM, TO, KpiQuery.Group.QUEUE), defaults);
    }

    @Test
    void csvHasOneHeaderAndOneLinePerGroupQuotedPerRfc4180() {
        seed();
        thread(db, "q1", "instagram", "vip, \"gold\"", "11", FROM.plusSeconds(10), 42L, null, null, null);
        String csv = store.report(new KpiQuery(FROM, TO, KpiQuery.Group.QUEUE)).toCsv();
        String[] lines = csv.split("\r\n", -1);
        assertEquals(6, lines.length, csv);   // header, 4 groups, and the empty string after the last CRLF
        assertEquals("", lines[5]);
        assertEquals(String.join(",", KpiReport.CSV_COLUMNS), lines[0]);
        assertEquals("2026-11-01T00:00:00Z,2026-11-08T00:00:00Z,queue,sales,2,2,1,2,30,900,0,,,86400,86400,"
                + "1,1,0.5,1,0,0.5,0,1,1.0,0.5,0.0", lines[2]);
        assertEquals("2026-11-01T00:00:00Z,2026-11-08T00:00:00Z,queue,\"vip, \"\"gold\"\"\",1,1,0,1,42,42,0,,,,,"
                + "0,0,1.0,0,0,1.0,0,0,1.0,0.0,0.0", lines[4]);
        assertEquals("x", KpiReport.csvField("x"));
        assertEquals("\"a\nb\"", KpiReport.csvField("a\nb"));
        assertEquals("", KpiReport.csvField(null));
    }

    @Test
    void jsonUsesSnakeCaseAndKeepsNulls() {
        seed();
        String json = Json.write(store.report(new KpiQuery(FROM, TO, KpiQuery.Group.QUEUE)));
        assertTrue(json.startsWith("{\"from\":\"2026-11-01T00:00:00Z\",\"to\":\"2026-11-08T00:00:00Z\",\"group_by\":\"queue\",\"groups\":["), json);
        assertTrue(json.contains("\"first_response_human\":{\"count\":3,\"median_seconds\":120,\"p90_seconds\":300}"), json);
        assertTrue(json.contains("\"first_response_automated\":{\"count\":0,\"median_seconds\":null,\"p90_seconds\":null}"), json);
        assertTrue(json.contains("\"sla\":{\"first_response\":{\"breaches\":1,\"warnings\":1,\"compliance\":0.5},"), json);
        assertTrue(json.contains("\"escalation_rate\":null"), json);
        assertTrue(json.contains("\"total\":{\"group\":\"all\",\"threads\":8,"), json);
    }
}
