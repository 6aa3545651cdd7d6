package dev.socialbridge.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.attribution.CampaignSignal;
import dev.socialbridge.attribution.SignalType;
import dev.socialbridge.attribution.UtmParameters;
import dev.socialbridge.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** People on H2: touches (first never changes, last follows the newest signal), identity merges, concurrency. */
class PeopleTest {
    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private Database db;
    private final People people = new People(new PhoneNumbers("FR"));

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:people-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", null, null, 12);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static CampaignSignal signal(String channel, SignalType type, String campaign, Instant at) {
        return new CampaignSignal(channel, type, campaign, null, UtmParameters.none(), null, null, null, null, null, at);
    }

    private People.Outcome message(String identity, String thread, String text, CampaignSignal touch) {
        return db.inTransaction(c -> people.message(c, identity, thread, text, touch, null, touch.at()));
    }

    private PersonHistory history(String ref) {
        return PersonHistory.find(db, people, ref).orElseThrow();
    }

    @Test
    void theFirstTouchNeverChangesAndTheLastFollowsTheNewestSignal() {
        message("instagram:1", "ig:t1", "bonjour", CampaignSignal.organic("instagram", T0));
        message("instagram:1", "ig:t1", "encore", CampaignSignal.organic("instagram", T0.plusSeconds(10)));
        PersonHistory h = history("instagram:1");
        assertEquals(1, h.touches().size(), "one organic touch per thread");
        assertEquals(h.firstTouch(), h.lastTouch(), "the last touch is the first one until a signal");

        message("instagram:1", "ig:t1", "code", signal("instagram", SignalType.CODE, "noel", T0.plusSeconds(20)));
        message("instagram:1", "ig:t1", "lien", signal("instagram", SignalType.REF, "bf", T0.plusSeconds(30)));
        // a signal older than the last touch (a late webhook) is recorded but does not become the last touch
        message("instagram:1", "ig:t1", "vieux", signal("instagram", SignalType.AD, "old", T0.plusSeconds(25)));
        h = history("instagram:1");
        assertEquals(4, h.touches().size());
        assertEquals(SignalType.ORGANIC, h.firstTouch().touch().type());
        assertEquals(T0, h.firstTouch().touch().at());
        assertEquals("bf", h.lastTouch().touch().campaign());
        assertEquals(List.of("instagram:1"), h.identities());
        assertEquals(List.of("ig:t1"), h.threads());
    }

    @Test
    void anOrganicMessageInASecondThreadIsRecordedOnce() {
        message("instagram:1", "ig:t1", "salut", CampaignSignal.organic("instagram", T0));
        message("instagram:1", "ig:comment:9", "super", CampaignSignal.organic("instagram", T0.plusSeconds(5)));
        message("instagram:1", "ig:comment:9", "super 2", CampaignSignal.organic("instagram", T0.plusSeconds(6)));
        assertEquals(2, history("instagram:1").touches().size());
    }

    @Test
    void twoIdentitiesGivingOneEmailAreOnePersonWithTheEarlierFirstTouch() {
        message("instagram:1", "ig:t1", "hello", signal("instagram", SignalType.REF, "bf", T0));
        message("instagram:1", "ig:t1", "jane@example.com", CampaignSignal.organic("instagram", T0.plusSeconds(60)));
        People.Outcome second = message("messenger:2", "fb:t2", "hi", signal("messenger", SignalType.AD, "xmas", T0.plusSeconds(120)));
        long other = second.person().id();
        People.Outcome merged = message("messenger:2", "fb:t2", "c'est JANE@example.com", CampaignSignal.organic("messenger",
                T0.plusSeconds(180)));
        assertNotEquals(other, merged.person().id(), "merged into the person that had the email");
        assertTrue(merged.contactChanged());
        PersonHistory h = history("jane@example.com");
        assertEquals(List.of("instagram:1", "messenger:2"), h.identities());
        assertEquals(List.of("fb:t2", "ig:t1"), h.threads());
        assertEquals("bf", h.firstTouch().touch().campaign(), "the earlier first touch stays");
        assertEquals("xmas", h.lastTouch().touch().campaign(), "the newer last touch");
        assertEquals(2, h.touches().size(), "the organic messages after a thread's first touch add none");
        assertEquals(1, count("SELECT COUNT(*) FROM person"));
        assertEquals(h.person().id(), history("messenger:2").person().id());
    }

    @Test
    void aPhoneNumberMergesLikeAnEmail() {
        message("whatsapp:33612345678", "wa:t1", "bonjour", CampaignSignal.organic("whatsapp", T0));
        db.inTransaction(c -> people.identify(c, null, "+33 6 12 34 56 78", "whatsapp:33612345678", T0));
        message("instagram:7", "ig:t7", "mon tel 06.12.34.56.78", CampaignSignal.organic("instagram", T0.plusSeconds(5)));
        PersonHistory h = history("+33612345678");
        assertEquals("+33612345678", h.person().phone());
        assertEquals(List.of("instagram:7", "whatsapp:33612345678"), h.identities().stream().sorted().toList());
        assertEquals(1, count("SELECT COUNT(*) FROM person"));
    }

    @Test
    void identifyValidatesAndKeepsTheFirstAddress() {
        Person p = db.inTransaction(c -> people.identify(c, "Lead@Example.com", "0612345678", null, T0));
        assertEquals("lead@example.com", p.email());
        Person again = db.inTransaction(c -> people.identify(c, "lead@example.com", null, "instagram:5", T0));
        assertEquals(p.id(), again.id());
        Person other = db.inTransaction(c -> people.identify(c, "other@example.com", null, "instagram:5", T0));
        assertEquals(p.id(), other.id());
        assertEquals("lead@example.com", other.email(), "a person keeps the first address it gave");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> db.inTransaction(c -> people.identify(c, "not-an-email", null, null, T0)));
        assertTrue(bad.getMessage().startsWith("email: 'not-an-email'"), bad.getMessage());
        bad = assertThrows(IllegalArgumentException.class,
                () -> db.inTransaction(c -> people.identify(c, null, "123", null, T0)));
        assertTrue(bad.getMessage().startsWith("phone: '123'"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> db.inTransaction(c -> people.identify(c, null, null, null, T0)));
    }

    @Test
    void concurrentIdentifyOfOneEmailFromManyIdentitiesMakesOnePerson() throws Exception {
        int n = 10;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> ids = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                String identity = (i % 2 == 0 ? "instagram:" : "messenger:") + i;
                ids.add(pool.submit(() -> {
                    start.await();
                    return db.inTransaction(c -> people.message(c, identity, "thread-" + identity,
                            "écrivez-moi à same@example.com", CampaignSignal.organic("instagram", T0), null, T0)).person().id();
                }));
            }
            start.countDown();
            long first = ids.get(0).get(30, TimeUnit.SECONDS);
            for (Future<Long> id : ids) {
                assertEquals(first, id.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("SELECT COUNT(*) FROM person"));
        assertEquals(n, count("SELECT COUNT(*) FROM person_identity"));
        assertEquals(n, history("same@example.com").touches().size());
    }

    @Test
    void concurrentMessagesOfOneNewIdentityMakeOnePerson() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                int k = i;
                ids.add(pool.submit(() -> {
                    start.await();
                    return db.inTransaction(c -> people.message(c, "telegram:42", "tg:" + k, "hi",
                            CampaignSignal.organic("telegram", T0.plusSeconds(k)), null, T0)).person().id();
                }));
            }
            start.countDown();
            for (Future<Long> id : ids) {
                id.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("SELECT COUNT(*) FROM person"));
        assertEquals(1, count("SELECT COUNT(*) FROM person_identity"));
    }

    @Test
    void aScoreIsKeptAsTheLatest() {
        db.inTransaction(c -> people.message(c, "instagram:1", "t", "x", CampaignSignal.organic("instagram", T0), 40, T0));
        assertEquals(40, history("instagram:1").person().leadScore());
        db.inTransaction(c -> people.message(c, "instagram:1", "t", "x", CampaignSignal.organic("instagram", T0), null, T0));
        assertEquals(40, history("instagram:1").person().leadScore());
        assertNull(history("instagram:1").person().email());
    }

    private long count(String sql) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
