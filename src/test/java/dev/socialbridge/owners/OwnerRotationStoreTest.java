package dev.socialbridge.owners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.store.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Round-robin turns: fair, in name order, kept across restarts and instances, and following the group's members. */
class OwnerRotationStoreTest {
    private String url;
    private Database db;

    @BeforeEach
    void open() {
        url = "jdbc:h2:mem:owners-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        db = Database.open(url, null, null, 4);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<String> turns(OwnerRotationStore store, String queue, List<String> candidates, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(store.nextTurn(queue, candidates).orElseThrow());
        }
        return out;
    }

    @Test
    void turnsGoInNameOrderWhateverTheOrderTheHostListsMembers() {
        OwnerRotationStore store = new OwnerRotationStore(db, Clock.systemUTC());

        assertEquals(List.of("ann", "bob", "cid", "ann", "bob", "cid", "ann"),
                turns(store, "hot_leads", List.of("cid", "ann", "bob"), 7));
    }

    @Test
    void eachQueueHasItsOwnTurns() {
        OwnerRotationStore store = new OwnerRotationStore(db, Clock.systemUTC());
        store.nextTurn("hot_leads", List.of("ann", "bob"));

        assertEquals(Optional.of("ann"), store.nextTurn("support", List.of("ann", "bob")));
        assertEquals(Optional.of("bob"), store.nextTurn("hot_leads", List.of("ann", "bob")));
    }

    @Test
    void noCandidateGivesNobodyAndTakesNoTurn() {
        OwnerRotationStore store = new OwnerRotationStore(db, Clock.systemUTC());
        store.nextTurn("hot_leads", List.of("ann", "bob"));

        assertEquals(Optional.empty(), store.nextTurn("hot_leads", List.of()));
        assertEquals(Optional.of("bob"), store.nextTurn("hot_leads", List.of("ann", "bob")));
    }

    @Test
    void theTurnsSurviveARestart() {
        turns(new OwnerRotationStore(db, Clock.systemUTC()), "hot_leads", List.of("ann", "bob", "cid"), 2);
        db.close();
        db = Database.open(url, null, null, 4);

        assertEquals(List.of("cid", "ann"), turns(new OwnerRotationStore(db, Clock.systemUTC()), "hot_leads",
                List.of("ann", "bob", "cid"), 2));
    }

    @Test
    void someoneWhoJoinsGetsTheirTurnInPlaceAndSomeoneWhoLeavesIsSkipped() {
        OwnerRotationStore store = new OwnerRotationStore(db, Clock.systemUTC());
        assertEquals(List.of("ann", "bob"), turns(store, "hot_leads", List.of("ann", "bob", "dan"), 2));

        // cid joins; bob had the last turn: cid is next, then dan
        assertEquals(List.of("cid", "dan", "ann"), turns(store, "hot_leads", List.of("ann", "bob", "cid", "dan"), 3));
        // ann (whose turn it was last) and bob leave: the next after ann is cid
        assertEquals(List.of("cid", "dan", "cid"), turns(store, "hot_leads", List.of("cid", "dan"), 3));
    }

    @Test
    void twoInstancesSharingTheStoreTakeTurnsFairly() throws Exception {
        try (Database other = Database.open(url, null, null, 4)) {
            List<OwnerRotationStore> instances = List.of(new OwnerRotationStore(db, Clock.systemUTC()),
                    new OwnerRotationStore(other, Clock.systemUTC()));
            List<String> people = List.of("ann", "bob", "cid");
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<String>> given = new ArrayList<>();
            for (int i = 0; i < 90; i++) {
                OwnerRotationStore store = instances.get(i % 2);
                given.add(pool.submit(() -> store.nextTurn("hot_leads", people).orElseThrow()));
            }
            List<String> owners = Collections.synchronizedList(new ArrayList<>());
            for (Future<String> f : given) {
                owners.add(f.get());
            }
            pool.shutdown();

            Map<String, Long> counts = owners.stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new,
                    Collectors.counting()));
            assertEquals(Map.of("ann", 30L, "bob", 30L, "cid", 30L), counts);
            assertTrue(instances.get(1).nextTurn("hot_leads", people).isPresent());
        }
    }
}
