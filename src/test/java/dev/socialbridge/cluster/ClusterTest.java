package dev.socialbridge.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.store.Database;
import dev.socialbridge.store.TestStores;
import dev.socialbridge.support.MovingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Partition and leader leases among instances sharing one store, on H2 and (store profile) PostgreSQL. */
class ClusterTest {
    private static final Duration LEASE = Duration.ofSeconds(15);

    private Database db;
    /** One clock for every instance of a test, moved by hand. */
    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-07T10:00:00Z"));

    @BeforeEach
    void open() {
        db = TestStores.open("cluster", 8);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Cluster instance(String id) {
        return new Cluster(db, id, LEASE, clock);
    }

    @Test
    void anInstanceAloneHoldsEveryPartitionAndLeadsFromItsFirstRound() {
        Cluster a = instance("a");
        a.round();
        assertEquals(Partitions.ALL, a.partitions());
        assertTrue(a.leader());
        assertEquals(1, a.liveInstances());
    }

    @Test
    void aSecondInstanceGetsHalfThePartitionsOnceTheFirstGivesThemBack() {
        Cluster a = instance("a");
        Cluster b = instance("b");
        a.round();
        b.round();
        assertEquals(Set.of(), b.partitions(), "the first instance's leases are still valid");
        assertFalse(b.leader());
        a.round();   // sees two instances: gives half back, usable by b after the margin
        assertEquals(8, a.partitions().size());
        b.round();
        assertEquals(Set.of(), b.partitions(), "not before the item in hand at a had time to commit");
        clock.advance(LEASE.dividedBy(3).plusMillis(1));
        b.round();
        a.round();
        assertEquals(8, b.partitions().size());
        assertDisjointAndComplete(a.partitions(), b.partitions());
        assertTrue(a.leader());
        assertFalse(b.leader(), "one leader at a time");
    }

    @Test
    void anInstanceKilledWithoutAWordLosesItsWorkToTheOthersAfterTheLease() {
        Cluster a = instance("a");
        Cluster b = instance("b");
        a.round();
        b.round();
        a.round();
        clock.advance(LEASE.dividedBy(3).plusMillis(1));
        b.round();
        a.round();
        assertEquals(8, b.partitions().size());
        // a is killed: it renews nothing from now on
        clock.advance(LEASE.minusSeconds(1));
        b.round();
        assertEquals(8, b.partitions().size(), "a's leases have not expired yet");
        assertFalse(b.leader());
        clock.advance(Duration.ofSeconds(2));
        assertEquals(Set.of(), a.partitions(), "a, had it survived a pause, stops before its leases can move");
        assertFalse(a.leader());
        b.round();
        assertEquals(Partitions.ALL, b.partitions());
        assertTrue(b.leader());
        assertEquals(1, b.liveInstances());
    }

    @Test
    void aCleanStopHandsEverythingOverAtOnce() {
        Cluster a = instance("a");
        a.round();
        Cluster b = instance("b");
        b.round();
        a.close();
        b.round();
        assertEquals(Partitions.ALL, b.partitions());
        assertTrue(b.leader());
    }

    @Test
    void aRestartUnderTheSameIdResumesItsOwnLeasesAtOnce() {
        Cluster before = instance("a");
        before.round();
        clock.advance(Duration.ofSeconds(1));
        Cluster after = instance("a");   // kill -9, then started again
        after.round();
        assertEquals(Partitions.ALL, after.partitions());
        assertTrue(after.leader());
    }

    @Test
    void twoRunningInstancesWithOneIdAreReported() {
        Cluster first = instance("a");
        first.round();
        clock.advance(Duration.ofSeconds(1));
        Cluster second = instance("a");
        second.round();
        first.round();
        assertTrue(first.idConflict(), "another process wrote the heartbeat of 'a'");
        second.round();
        assertTrue(second.idConflict());
    }

    @Test
    void instancesRacingForTheSameLeasesNeverShareOne() throws Exception {
        List<Cluster> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            all.add(instance("i" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                List<Future<Object>> rounds = new ArrayList<>();
                for (Cluster c : all) {
                    rounds.add(pool.submit((Callable<Object>) () -> {
                        c.round();
                        return null;
                    }));
                }
                for (Future<Object> f : rounds) {
                    f.get();
                }
                Set<Integer> seen = new HashSet<>();
                int leaders = 0;
                for (Cluster c : all) {
                    for (int p : c.partitions()) {
                        assertTrue(seen.add(p), "partition " + p + " held twice");
                    }
                    leaders += c.leader() ? 1 : 0;
                }
                assertTrue(leaders <= 1, leaders + " leaders");
                clock.advance(LEASE.dividedBy(3).plusMillis(1));
            }
        } finally {
            pool.shutdownNow();
        }
        Set<Integer> union = new HashSet<>();
        all.forEach(c -> union.addAll(c.partitions()));
        assertEquals(Partitions.ALL, union, "after a few rounds every partition has a holder");
        all.forEach(c -> assertEquals(4, c.partitions().size(), "a fair share each"));
    }

    @Test
    void anInstanceStartedAtANanosecondInstantIsNotTakenForAnotherOne() {
        clock.set(Instant.parse("2026-12-07T10:00:00.123456789Z"));
        Cluster a = instance("a");
        a.round();
        clock.advance(Duration.ofSeconds(1));
        a.round();
        assertFalse(a.idConflict(), "the store keeps microseconds at most: the start time must still compare equal");
        assertEquals(Partitions.ALL, a.partitions());
    }

    @Test
    void aLeaseOutsideItsBoundsIsRefusedNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Cluster(db, "a", Duration.ofMillis(200), clock));
        assertTrue(e.getMessage().contains("socialbridge.instance.lease"), e.getMessage());
    }

    @Test
    void aThreadAlwaysFallsInOnePartition() {
        String thread = "instagram:comment:17841400000000001:17890000000000011";
        assertEquals(Partitions.of(thread), Partitions.of(new String(thread.toCharArray())));
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            int p = Partitions.of("messenger:dm:1:" + i);
            assertTrue(p >= 0 && p < Partitions.COUNT);
            used.add(p);
        }
        assertEquals(Partitions.COUNT, used.size(), "threads spread over every partition");
    }

    private static void assertDisjointAndComplete(Set<Integer> a, Set<Integer> b) {
        Set<Integer> union = new HashSet<>(a);
        union.addAll(b);
        assertEquals(a.size() + b.size(), union.size(), a + " and " + b + " overlap");
        assertEquals(Partitions.ALL, union);
    }
}
