package dev.socialbridge.pipeline;

import dev.socialbridge.store.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.DescriptorLoader;
import dev.socialbridge.outbox.OutboxStore;
import dev.socialbridge.sla.SlaClock;
import dev.socialbridge.sla.SlaPolicy;
import dev.socialbridge.sla.SlaState;
import dev.socialbridge.sla.SlaStore;
import dev.socialbridge.sla.calendar.BusinessCalendar;
import dev.socialbridge.sla.calendar.BusinessHours;
import dev.socialbridge.sla.calendar.Holidays;
import dev.socialbridge.store.Database;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SLA clocks of a thread as the conversation goes, on the shipped classes and a Paris business calendar. */
class SlaClocksTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Descriptor DESCRIPTOR = DescriptorLoader.fromClasspath();
    private static final String THREAD = "instagram:dm:acct:42";

    private Database db;
    private SlaStore store;
    private SlaClocks clocks;

    @BeforeEach
    void store() {
        db = TestStores.open("sla");
        store = new SlaStore(db);
        SlaPolicy policy = new SlaPolicy(new BusinessCalendar(PARIS,
                BusinessHours.parse("socialbridge.sla.hours", "MON-FRI 09:00-18:00"), Holidays.none()), 75,
                Set.of("stalled"), false);
        clocks = new SlaClocks(store, policy, DESCRIPTOR);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Paris local time on the week of Monday 2026-12-07. */
    private static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    private void thread(String queue, Instant firstMessage) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO social_thread (thread_key, platform, account_id,"
                    + " author_id, queue_key, ticket_id, message_count, bot_turns, first_message_at, last_message_at)"
                    + " VALUES (?, 'instagram', 'acct', 'u1', ?, '7', 1, 0, ?, ?)")) {
                ps.setString(1, THREAD);
                ps.setString(2, queue);
                ps.setTimestamp(3, Database.ts(firstMessage));
                ps.setTimestamp(4, Database.ts(firstMessage));
                return ps.executeUpdate();
            }
        });
    }

    private Optional<Instant> message(String queue, boolean rerouted, Instant at) {
        return db.inTransaction(c -> clocks.customerMessage(c, THREAD, DESCRIPTOR.queue(queue).orElseThrow(), rerouted, at));
    }

    private SlaState state() {
        return store.state(THREAD).orElseThrow();
    }

    @Test
    void aFridayEveningMessageIsDueOnMondayMorningInsideBusinessHours() {
        Instant friday = paris("2026-12-11T17:45:00");
        thread("support", friday);

        assertEquals(Optional.of(paris("2026-12-14T09:15:00")), message("support", false, friday));

        SlaState s = state();
        assertEquals(SlaClock.FIRST_RESPONSE, s.clock());
        assertEquals(paris("2026-12-14T09:07:30"), s.warnAt(), "75 % of 30 min: 15 on Friday, 7.5 on Monday");
        assertEquals(paris("2026-12-14T12:45:00"), s.resolveDueAt(), "4 h: 15 min on Friday, 3 h 45 on Monday");
        assertEquals(paris("2026-12-14T09:07:30"), s.nextCheck());
    }

    @Test
    void aThreadThatBecomesAHotLeadGetsATighterDueDateFromTheSameStart() {
        Instant monday = paris("2026-12-07T10:00:00");
        thread("general", monday);
        assertEquals(Optional.of(paris("2026-12-07T14:00:00")), message("general", false, monday));

        Optional<Instant> moved = message("hot_leads", true, paris("2026-12-07T10:05:00"));

        assertEquals(Optional.of(paris("2026-12-07T10:15:00")), moved, "15 min from the first message, not from the re-route");
        assertEquals(paris("2026-12-07T10:30:00"), state().resolveDueAt());
    }

    @Test
    void aPersonsAnswerStopsTheResponseClockAndTheTicketShowsTheResolveDeadline() {
        Instant monday = paris("2026-12-07T10:00:00");
        thread("support", monday);
        message("support", false, monday);

        Optional<Instant> automated = db.inTransaction(c -> clocks.answered(c, THREAD, paris("2026-12-07T10:01:00"), false));
        assertEquals(Optional.empty(), automated, "an automated acknowledgement does not count by default");
        assertEquals(SlaClock.FIRST_RESPONSE, state().clock());

        Optional<Instant> human = db.inTransaction(c -> clocks.answered(c, THREAD, paris("2026-12-07T10:20:00"), true));

        assertEquals(Optional.of(paris("2026-12-07T14:00:00")), human);
        SlaState s = state();
        assertNull(s.clock());
        assertEquals(paris("2026-12-07T13:00:00"), s.nextCheck(), "only the resolve warning (75 % of 4 h) is left");
    }

    @Test
    void aCustomerMessageAfterAnAnswerStartsTheNextResponseClock() {
        Instant monday = paris("2026-12-07T10:00:00");
        thread("support", monday);
        message("support", false, monday);
        db.inTransaction(c -> clocks.answered(c, THREAD, paris("2026-12-07T10:20:00"), true));

        Optional<Instant> next = message("support", false, paris("2026-12-07T17:30:00"));

        assertEquals(Optional.of(paris("2026-12-08T09:30:00")), next, "60 min: 30 on Monday, 30 on Tuesday");
        assertEquals(SlaClock.NEXT_RESPONSE, state().clock());
        assertEquals(paris("2026-12-07T17:30:00"), state().startedAt());
    }

    @Test
    void stalledPausesTheClocksAndTheCustomersNextMessageResumesThemWithTheTimeTheyHadLeft() {
        Instant monday = paris("2026-12-07T10:00:00");
        thread("support", monday);
        message("support", false, monday);
        db.inTransaction(c -> clocks.status(c, THREAD, "stalled", false, paris("2026-12-07T10:10:00")));
        assertNull(state().nextCheck(), "nothing falls due while waiting on the customer");

        Optional<Instant> resumed = message("support", false, paris("2026-12-07T15:00:00"));

        assertEquals(Optional.of(paris("2026-12-07T15:20:00")), resumed, "20 of the 30 minutes were left");
        assertEquals(paris("2026-12-08T09:50:00"), state().resolveDueAt(),
                "3 h 50 of the 4 h were left: 3 h on Monday until closing, 50 min on Tuesday");
    }

    @Test
    void aThreadInCrisisCountsItsClocksInTheCrisisClassFromTheSameStartAndTheRuleTagSaysSo() {
        Instant monday = paris("2026-12-07T10:00:00");
        thread("general", monday);
        message("general", false, monday);
        String reason = clocks.crisis("acct", false, Set.of(SlaClocks.CRISIS_TAG), paris("2026-12-07T10:02:00"));
        assertEquals("a rule tagged it crisis", reason);

        Optional<Instant> due = db.inTransaction(c -> clocks.customerMessage(c, THREAD,
                DESCRIPTOR.queue("general").orElseThrow(), false, reason, paris("2026-12-07T10:02:00")));

        assertEquals(Optional.of(paris("2026-12-07T10:10:00")), due, "10 min around the clock from the first message");
        assertEquals(paris("2026-12-07T11:00:00"), state().resolveDueAt());
        Boolean inCrisis = db.inTransaction(c -> clocks.inCrisis(c, THREAD));
        assertTrue(inCrisis);
        assertEquals(null, clocks.crisis("acct", true, Set.of(), paris("2026-12-07T10:03:00")), "spikes are off here");
    }

    @Test
    void resolutionStopsEveryClock() {
        Instant monday = paris("2026-12-07T10:00:00");
        thread("support", monday);
        message("support", false, monday);

        db.inTransaction(c -> clocks.status(c, THREAD, "resolved", true, paris("2026-12-07T11:00:00")));

        assertNull(state().nextCheck());
        assertNull(state().dueAt(paris("2026-12-09T10:00:00")));
    }

    @Test
    void theWatcherWarnsThenEscalatesOnceEachAndRecordsTheBreach() {
        Instant monday = paris("2026-12-07T10:00:00");
        thread("general", monday);
        message("general", false, monday);
        OutboxStore outbox = new OutboxStore(db);
        ThreadStore threads = new ThreadStore(db);
        SlaWatcher watcher = new SlaWatcher(store, outbox, threads, DESCRIPTOR, clocks.policy(), PARIS, Duration.ofSeconds(1),
                Clock.systemUTC());

        Instant warning = paris("2026-12-07T13:00:00");   // 75 % of 4 h
        watcher.act(state(), warning);
        watcher.act(state(), warning.plusSeconds(1));
        assertEquals(1, count("SELECT COUNT(*) FROM outbox_item WHERE type = 'host.update' AND payload_json LIKE '%SLA warning%'"));
        assertTrue(payload("%SLA warning%").contains("\"priority\":40"), "halfway from 20 to the escalation priority 60");

        Instant breach = paris("2026-12-07T14:00:00");
        watcher.act(state(), breach);
        watcher.act(state(), breach.plusSeconds(5));

        assertEquals(1, count("SELECT COUNT(*) FROM outbox_item WHERE payload_json LIKE '%SLA breached%'"));
        String update = payload("%SLA breached%");
        assertTrue(update.contains("\"queueKey\":\"support\"") && update.contains("\"priority\":60"), update);
        assertEquals(1, count("SELECT COUNT(*) FROM sla_event WHERE kind = 'breach' AND clock = 'first_response'"));
        assertEquals("support", threads.thread(THREAD).orElseThrow().queueKey(), "the thread moved with its ticket");
        assertFalse(state().breachedAt() == null);
    }

    @Test
    void aClockRestartedWithTheSameDueDateIsNotWarnedTwiceAndBlocksNothing() {
        Instant monday = paris("2026-12-07T10:00:00");
        thread("general", monday);
        message("general", false, monday);
        SlaWatcher watcher = new SlaWatcher(store, new OutboxStore(db), new ThreadStore(db), DESCRIPTOR, clocks.policy(),
                PARIS, Duration.ofSeconds(1), Clock.systemUTC());
        Instant warning = paris("2026-12-07T13:00:00");
        watcher.act(state(), warning);
        // two messages of the same instant: the clock restarts with the very same due date
        db.inTransaction(c -> c.createStatement().executeUpdate("UPDATE social_thread SET sla_warned_at = NULL"));

        watcher.act(state(), warning.plusSeconds(1));

        assertEquals(1, count("SELECT COUNT(*) FROM sla_event WHERE kind = 'warning'"));
        assertEquals(1, count("SELECT COUNT(*) FROM outbox_item WHERE payload_json LIKE '%SLA warning%'"));
        assertFalse(state().warnedAt() == null, "recorded as acted on, so it is not due again");
    }

    private long count(String sql) {
        return db.inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private String payload(String like) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT payload_json FROM outbox_item WHERE payload_json LIKE ?")) {
                ps.setString(1, like);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : "";
                }
            }
        });
    }
}
