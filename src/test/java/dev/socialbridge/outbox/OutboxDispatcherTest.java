package dev.socialbridge.outbox;

import dev.socialbridge.store.TestStores;
import dev.socialbridge.telemetry.Telemetry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxDispatcherTest {
    private Database db;
    private OutboxStore store;
    private final List<Long> handled = new ArrayList<>();
    private final Deque<DeliveryResult> results = new ArrayDeque<>();

    @BeforeEach
    void open() {
        db = TestStores.open("outbox");
        store = new OutboxStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long enqueue(String key, String lane) {
        assertTrue(db.<Boolean>inTransaction(c -> store.enqueue(c,
                new OutboxCommand(key, lane, OutboxCommand.PLATFORM, "t", Map.of("k", key)), Instant.now())));
        return store.all(100_000).stream().filter(i -> i.dedupeKey().equals(key)).findFirst().orElseThrow().id();
    }

    private OutboxDispatcher dispatcher(int maxAttempts) {
        OutboxHandler handler = item -> {
            handled.add(item.id());
            return results.isEmpty() ? new DeliveryResult.Delivered("r" + item.id()) : results.poll();
        };
        return new OutboxDispatcher(store, OutboxCommand.PLATFORM, handler,
                new RetryPolicy(maxAttempts, Duration.ofMillis(1), Duration.ofMillis(2)), Duration.ofMillis(10));
    }

    private OutboxItem item(long id) {
        return store.all(1000).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    }

    @Test
    void duplicateDedupeKeyIsStoredOnce() {
        enqueue("a", "lane1");
        boolean again = db.<Boolean>inTransaction(c -> store.enqueue(c, new OutboxCommand("a", "lane1", OutboxCommand.PLATFORM, "t", Map.of()), Instant.now()));
        assertFalse(again);
        assertEquals(1, store.all(10).size());
    }

    @Test
    void retryableFailureIsRescheduledThenDeliveredOnce() throws Exception {
        long id = enqueue("a", "lane1");
        results.add(new DeliveryResult.Retry("HTTP 500", null));
        OutboxDispatcher d = dispatcher(5);
        d.deliver(item(id));
        assertEquals(OutboxStatus.PENDING, item(id).status());
        assertEquals("HTTP 500", item(id).lastError());
        Thread.sleep(5);
        d.deliver(store.due(OutboxCommand.PLATFORM, Instant.now(), 10).get(0));
        assertEquals(OutboxStatus.DONE, item(id).status());
        assertEquals(2, item(id).attempts());
        assertEquals(List.of(id, id), handled);
    }

    @Test
    void retryAfterPushesTheNextAttempt() {
        long id = enqueue("a", "lane1");
        results.add(new DeliveryResult.Retry("429", Duration.ofSeconds(30)));
        dispatcher(5).deliver(item(id));
        assertTrue(item(id).nextAttemptAt().isAfter(Instant.now().plusSeconds(25)));
        assertTrue(store.due(OutboxCommand.PLATFORM, Instant.now(), 10).isEmpty());
    }

    @Test
    void exhaustedAttemptsGoToDeadLetterAndCanBeRetried() {
        long id = enqueue("a", "lane1");
        results.add(new DeliveryResult.Retry("down", null));
        results.add(new DeliveryResult.Retry("down", null));
        OutboxDispatcher d = dispatcher(2);
        d.deliver(item(id));
        d.deliver(item(id));
        assertEquals(OutboxStatus.DEAD, item(id).status());
        assertEquals(1, store.byStatus(OutboxStatus.DEAD, 10).size());
        assertTrue(store.retry(id));
        assertEquals(OutboxStatus.PENDING, item(id).status());
        assertEquals(0, item(id).attempts());
    }

    @Test
    void theHandlerHearsOfEachDeadLetterWithItsReason() {
        long id = enqueue("a", "lane1");
        List<String> dead = new ArrayList<>();
        OutboxHandler handler = new OutboxHandler() {
            @Override
            public DeliveryResult handle(OutboxItem item) {
                return new DeliveryResult.Failed("refused");
            }

            @Override
            public void dead(OutboxItem item, String reason) {
                dead.add(item.id() + ": " + reason);
            }
        };
        new OutboxDispatcher(store, OutboxCommand.PLATFORM, handler,
                new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2)), Duration.ofMillis(10)).deliver(item(id));

        assertEquals(OutboxStatus.DEAD, item(id).status());
        assertEquals(List.of(id + ": refused"), dead);
    }

    @Test
    void aHostOutageOfAnyLengthDeadLettersNothingAndDeliversOnceTheHostAnswers() throws Exception {
        long id = enqueue("a", "lane1");
        OutboxHandler handler = item -> results.isEmpty() ? new DeliveryResult.Delivered("r") : results.poll();
        Telemetry telemetry = new Telemetry();
        OutboxDispatcher d = new OutboxDispatcher(store, OutboxCommand.PLATFORM, handler,
                new RetryPolicy(2, Duration.ofMillis(1), Duration.ofSeconds(2)), Duration.ofMillis(10),
                dev.socialbridge.inbox.IngestMeter.idle(), telemetry);
        for (int i = 0; i < 20; i++) {   // ten times the item's attempt limit
            results.add(new DeliveryResult.Retry("RT not reachable: connection refused", null, true));
            d.deliver(item(id));
        }
        assertEquals(OutboxStatus.PENDING, item(id).status());
        assertEquals(0, item(id).attempts(), "an unavailable target does not count against the item");
        assertTrue(d.held(), "the target is held back");
        assertEquals(20, telemetry.deliveries(OutboxCommand.PLATFORM, "postponed"));
        StringBuilder metrics = new StringBuilder();
        telemetry.render(metrics);
        assertTrue(metrics.toString().contains("socialbridge_target_held{target=\"platform\"} 1\n"), metrics.toString());
        assertFalse(d.runOnce(), "the dispatcher holds the target back instead of trying every item");

        d.deliver(item(id));   // the next probe finds the target back

        assertEquals(OutboxStatus.DONE, item(id).status());
        assertFalse(d.held());
        assertEquals(1, telemetry.deliveries(OutboxCommand.PLATFORM, "delivered"));
    }

    @Test
    void anItemThatWaitedOutAnOutageForADayCountsItsAttemptsAgain() {
        long id = enqueue("a", "lane1");
        db.inTransaction(c -> {
            try (var st = c.prepareStatement("UPDATE outbox_item SET created_at = ? WHERE id = ?")) {
                st.setTimestamp(1, java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofHours(25))));
                st.setLong(2, id);
                return st.executeUpdate();
            }
        });
        results.add(new DeliveryResult.Retry("no answer", null, true));
        results.add(new DeliveryResult.Retry("no answer", null, true));
        OutboxDispatcher d = dispatcher(2);

        d.deliver(item(id));
        d.deliver(item(id));

        assertEquals(OutboxStatus.DEAD, item(id).status());
    }

    @Test
    void notSendableAndPermanentFailuresStopImmediately() {
        long a = enqueue("a", "lane1");
        long b = enqueue("b", "lane2");
        results.add(new DeliveryResult.NotSendable("outside the 24h window"));
        results.add(new DeliveryResult.AccountInvalid("code 190"));
        OutboxDispatcher d = dispatcher(5);
        d.deliver(item(a));
        d.deliver(item(b));
        assertEquals(OutboxStatus.NOT_SENDABLE, item(a).status());
        assertEquals("outside the 24h window", item(a).lastError());
        assertEquals(OutboxStatus.DEAD, item(b).status());
        assertTrue(item(b).lastError().contains("190"));
    }

    @Test
    void laterItemOfALaneWaitsForTheEarlierOne() {
        long first = enqueue("a", "thread-1|host");
        long second = enqueue("b", "thread-1|host");
        long other = enqueue("c", "thread-2|host");
        List<Long> due = store.due(OutboxCommand.PLATFORM, Instant.now(), 10).stream().map(OutboxItem::id).toList();
        assertEquals(List.of(first, other), due);
        results.add(new DeliveryResult.Retry("host down", null));
        dispatcher(5).deliver(item(first));
        assertFalse(store.due(OutboxCommand.PLATFORM, Instant.now().plusSeconds(1), 10).stream().anyMatch(i -> i.id() == second));
        dispatcher(5).deliver(item(first));
        assertTrue(store.due(OutboxCommand.PLATFORM, Instant.now(), 10).stream().anyMatch(i -> i.id() == second));
    }

    @Test
    void runningDispatcherDeliversEverythingInLaneOrder() throws Exception {
        for (int i = 0; i < 20; i++) {
            enqueue("k" + i, "lane" + (i % 3));
        }
        try (OutboxDispatcher d = dispatcher(3).start()) {
            d.wake();
            long deadline = System.currentTimeMillis() + 10_000;
            while (store.counts().get(OutboxStatus.DONE) < 20 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
        }
        assertEquals(20L, store.counts().get(OutboxStatus.DONE));
        for (int lane = 0; lane < 3; lane++) {
            String name = "lane" + lane;
            List<Long> ids = store.all(100).stream().filter(i -> i.lane().equals(name)).map(OutboxItem::id).toList();
            List<Long> order = handled.stream().filter(ids::contains).toList();
            assertEquals(ids, order);
        }
    }

    @Test
    void anItemScheduledForLaterIsNotDueBeforeItsTimeAndHoldsBackNoOtherLane() {
        Instant now = Instant.now();
        db.inTransaction(c -> store.enqueue(c, new OutboxCommand("later", "t1|delayed", OutboxCommand.PLATFORM, "t",
                Map.of()), now, now.plusSeconds(600)));
        long soon = enqueue("soon", "t1|platform");

        assertEquals(List.of(soon), store.due(OutboxCommand.PLATFORM, now.plusSeconds(1), 10).stream().map(OutboxItem::id).toList());
        assertEquals(List.of("later", "soon"), store.due(OutboxCommand.PLATFORM, now.plusSeconds(601), 10).stream()
                .map(OutboxItem::dedupeKey).toList());
        assertEquals(now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                store.all(10).get(0).createdAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                "created when enqueued, not when due");
    }

    @Test
    void anItemTheHandlerNoLongerWantsIsCancelledWithItsReasonAndNeverHandled() {
        long wanted = enqueue("a", "lane1");
        long unwanted = enqueue("b", "lane2");
        OutboxHandler handler = new OutboxHandler() {
            @Override
            public DeliveryResult handle(OutboxItem item) {
                handled.add(item.id());
                return new DeliveryResult.Delivered("r");
            }

            @Override
            public java.util.Optional<String> cancellation(OutboxItem item) {
                return item.id() == unwanted ? java.util.Optional.of("an agent answered first") : java.util.Optional.empty();
            }
        };
        OutboxDispatcher d = new OutboxDispatcher(store, OutboxCommand.PLATFORM, handler,
                new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2)), Duration.ofMillis(10));

        d.deliver(item(wanted));
        d.deliver(item(unwanted));

        assertEquals(List.of(wanted), handled);
        assertEquals(OutboxStatus.DONE, item(wanted).status());
        assertEquals(OutboxStatus.CANCELLED, item(unwanted).status());
        assertEquals("an agent answered first", item(unwanted).lastError());
        assertTrue(store.due(OutboxCommand.PLATFORM, Instant.now(), 10).isEmpty());
    }

    /** A fixed share of the partitions, as an instance's cluster membership gives it. */
    private record FixedShare(java.util.Set<Integer> partitions) implements dev.socialbridge.cluster.WorkShare {
        @Override
        public boolean holds(int partition) {
            return partitions.contains(partition);
        }
    }

    @Test
    void twoInstancesEachDeliverTheLanesOfTheirPartitionsSoEveryItemGoesOnce() throws Exception {
        for (int i = 0; i < 60; i++) {
            enqueue("k" + i, "instagram:dm:acct:" + (i % 12) + "|platform");
        }
        java.util.Set<Integer> even = new java.util.HashSet<>();
        java.util.Set<Integer> odd = new java.util.HashSet<>();
        dev.socialbridge.cluster.Partitions.ALL.forEach(p -> (p % 2 == 0 ? even : odd).add(p));
        List<String> byA = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> byB = java.util.Collections.synchronizedList(new ArrayList<>());
        RetryPolicy retry = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2));
        try (OutboxDispatcher a = new OutboxDispatcher(store, OutboxCommand.PLATFORM, item -> {
                    byA.add(item.lane());
                    return new DeliveryResult.Delivered("a");
                }, retry, Duration.ofMillis(10)).sharing(new FixedShare(even)).start();
             OutboxDispatcher b = new OutboxDispatcher(store, OutboxCommand.PLATFORM, item -> {
                    byB.add(item.lane());
                    return new DeliveryResult.Delivered("b");
                }, retry, Duration.ofMillis(10)).sharing(new FixedShare(odd)).start()) {
            long deadline = System.currentTimeMillis() + 10_000;
            while (store.counts().get(OutboxStatus.DONE) < 60 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
        }
        assertEquals(60L, store.counts().get(OutboxStatus.DONE));
        assertEquals(60, byA.size() + byB.size(), "each item delivered once");
        assertTrue(byA.stream().allMatch(l -> even.contains(dev.socialbridge.cluster.Partitions.of(l))), byA.toString());
        assertTrue(byB.stream().allMatch(l -> odd.contains(dev.socialbridge.cluster.Partitions.of(l))), byB.toString());
        assertFalse(byA.isEmpty() || byB.isEmpty(), "both had lanes");
    }

    @Test
    void aSendWhoseOutcomeWasNeverRecordedIsSentAgainAndMarkedInDoubt() {
        long id = enqueue("k", "lane|platform");
        long other = enqueue("k2", "lane2|platform");
        store.sending(id, false);   // the instance was killed during this call

        OutboxDispatcher d = dispatcher(3);
        store.due(OutboxCommand.PLATFORM, Instant.now(), 10).forEach(d::deliver);

        assertEquals(List.of(id, other), handled);
        assertEquals(OutboxStatus.DONE, item(id).status());
        assertFalse(item(id).inDoubt(), "its outcome is recorded now");
        assertEquals(List.of(id), db.<List<Long>>inTransaction(c -> {
            List<Long> out = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT id FROM outbox_item WHERE in_doubt = TRUE"); var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        }), "only the item whose first send was cut short is marked");
    }

    @Test
    void aDueItemBehindAThousandWaitingLanesIsFoundAndNoLaneJumpsItsQueue() {
        Instant now = Instant.now();
        db.inTransaction(c -> {
            for (int lane = 0; lane < 1200; lane++) {   // older than anything due: each holds its lane until later
                store.enqueue(c, new OutboxCommand("wait-" + lane, "lane" + lane + "|platform", OutboxCommand.PLATFORM, "t",
                        Map.of()), now, now.plusSeconds(600));
                store.enqueue(c, new OutboxCommand("behind-" + lane, "lane" + lane + "|platform", OutboxCommand.PLATFORM,
                        "t", Map.of()), now);
            }
            return null;
        });
        long due = enqueue("due", "free|platform");

        // the inserts above take seconds on PostgreSQL: "due" is enqueued later than `now`
        List<OutboxItem> found = store.due(OutboxCommand.PLATFORM, Instant.now().plusSeconds(1), 10);

        assertEquals(List.of(due), found.stream().map(OutboxItem::id).toList(),
                "the items behind a waiting item of their lane wait too; the free lane's item is found past them");
        assertEquals(10, store.due(OutboxCommand.PLATFORM, now.plusSeconds(601), 10).stream()
                .filter(i -> i.dedupeKey().startsWith("wait-")).count(), "once due, the oldest of each lane go first");
    }
}
