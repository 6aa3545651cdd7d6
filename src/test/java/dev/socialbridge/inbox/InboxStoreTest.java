package dev.socialbridge.inbox;

import dev.socialbridge.store.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.connector.spi.ParsedItem;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.store.Database;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One item the store cannot keep never holds back the others of its webhook. */
class InboxStoreTest {
    private Database db;
    private InboxStore store;

    @BeforeEach
    void open() {
        db = TestStores.open("inbox");
        store = new InboxStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static ParsedItem.Accepted comment(String commentId) {
        Interaction i = new Interaction(Platform.INSTAGRAM, InteractionKind.COMMENT, "acct", "instagram:comment:acct:" + commentId,
                commentId, null, "m1", new Author("u1", "jane", null, null, false), "Super !", List.of(), null, null,
                Instant.parse("2026-12-07T10:00:00Z"), false, null, null, 0L);
        return new ParsedItem.Accepted("instagram:comment:" + commentId, "{}", i);
    }

    private int insert(String source, List<ParsedItem> items) {
        return db.inTransaction(c -> store.insert(c, source, Instant.now(), items));
    }

    @Test
    void aCommentWithA600CharacterIdIsQuarantinedAndTheOthersArePending() {
        int stored = insert("meta", List.of(comment("c1"), comment("9".repeat(600)), comment("c2")));

        assertEquals(3, stored);
        assertEquals(2, store.pending(10).size());
        List<InboxItem> quarantined = store.byStatus(InboxStatus.QUARANTINED, 10);
        assertEquals(1, quarantined.size());
        assertTrue(quarantined.get(0).reason().startsWith("thread key of "), quarantined.get(0).reason());
    }

    @Test
    void aLongSourceSuchAsATelegramBotWithALongNameIsStored() {
        assertEquals(1, insert("telegram/" + "a_very_long_bot_name_of_thirty_two", List.of(comment("c5"))));
        assertEquals(1, store.pending(10).size());
    }

    @Test
    void aRedeliveryStoresNothingTwice() {
        insert("meta", List.of(comment("c6")));

        assertEquals(0, insert("meta", List.of(comment("c6"))));
        assertEquals(1, store.pending(10).size());
    }
}
