package dev.socialbridge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socialbridge.attribution.CampaignSignal;
import dev.socialbridge.attribution.SignalType;
import dev.socialbridge.attribution.UtmParameters;
import dev.socialbridge.host.spi.ContactUpsert;
import dev.socialbridge.outbox.OutboxItem;
import dev.socialbridge.outbox.OutboxStore;
import dev.socialbridge.people.People;
import dev.socialbridge.people.PhoneNumbers;
import dev.socialbridge.store.Database;
import dev.socialbridge.store.TestStores;
import dev.socialbridge.support.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A frequent customer's next message updates one ticket; a new email or phone updates all of the person's tickets. */
class PersonUpdatesTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private final People people = new People(new PhoneNumbers("FR"));
    private Database db;
    private OutboxStore outbox;

    @BeforeEach
    void open() {
        db = TestStores.open("person-updates");
        outbox = new OutboxStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<String> messageAndQueue(String thread, String text, int n) {
        CampaignSignal ad = new CampaignSignal("instagram", SignalType.AD, "bf26", null, UtmParameters.none(), null,
                "ad1", null, null, null, T0.plusSeconds(n));
        String key = "m" + n;
        db.inTransaction(c -> {
            People.Outcome o = people.message(c, "instagram:42", thread, text, ad, null, T0.plusSeconds(n));
            PersonUpdates.enqueue(c, outbox, people, key, thread, o, new ContactUpsert("instagram", "42", "fan", null), T0);
            return null;
        });
        OutboxItem item = outbox.all(1000).stream().filter(i -> i.dedupeKey().equals(key)).findFirst().orElseThrow();
        assertEquals(thread + "|host", item.lane());
        return Json.read(item.payloadJson(), HostPersonCommand.class).threadKeys();
    }

    @Test
    void onlyANewEmailOrPhoneOrAMergeReachesEveryTicketOfThePerson() {
        assertEquals(List.of("t1"), messageAndQueue("t1", "Bonjour, fan@example.com", 1));
        for (int n = 2; n <= 20; n++) {
            assertEquals(List.of("t" + n), messageAndQueue("t" + n, "Encore moi", n), "message " + n);
        }
        List<String> all = messageAndQueue("t21", "Mon numéro : 06 12 34 56 78", 21);
        assertEquals(21, all.size(), all.toString());
    }
}
