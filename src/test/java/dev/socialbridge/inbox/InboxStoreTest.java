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
        assertTrue(quarantined.get(0).reason().matches("(dedupe|thread) key of 6[0-9]{2} characters .*"),
                quarantined.get(0).reason());
    }

    @Test
    void anyIdLongerThanAPlatformIdIsQuarantinedNamingItAndAnIdOf256CharactersIsKept() {
        String longId = "x".repeat(257);
        Interaction base = comment("c7").interaction();
        List<ParsedItem> items = List.of(
                accepted("a", base.withAuthor(new Author(longId, "jane", null, null, false))),
                accepted("b", new Interaction(base.platform(), base.kind(), base.accountId(), base.threadKey() + "b",
                        "c8", longId, "m1", base.author(), "Super !", List.of(), null, null, base.occurredAt(), false,
                        null, null, 0L)),
                accepted("c", new Interaction(base.platform(), base.kind(), base.accountId(), base.threadKey() + "c",
                        "c9", null, longId, base.author(), "Super !", List.of(), null, null, base.occurredAt(), false,
                        null, null, 0L)),
                accepted("d", new Interaction(base.platform(), base.kind(), base.accountId(), base.threadKey() + "d",
                        "c10", null, "m1", new Author("u1", longId, null, null, false), "Super !", List.of(), null, null,
                        base.occurredAt(), false, longId, null, 0L)),
                comment("y".repeat(256)));

        insert("meta", items);

        List<String> reasons = store.byStatus(InboxStatus.QUARANTINED, 10).stream().map(InboxItem::reason).sorted().toList();
        assertEquals(4, reasons.size(), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("author id of 257 characters (at most 256)")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("parent id of 257")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("post id of 257")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("conversation id of 257")), reasons.toString());
        assertEquals(1, store.pending(10).size(), "a 256-character id is within bounds");
    }

    private static ParsedItem.Accepted accepted(String key, Interaction i) {
        return new ParsedItem.Accepted("instagram:comment:" + key, "{}", i);
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

    @Test
    void itemsOfOneThreadShareAPartitionAndAreListedOnlyForItsHolder() {
        insert("meta", List.of(comment("c1"), comment("c2"), comment("c3")));
        InboxItem first = store.pending(10).get(0);
        int p = dev.socialbridge.cluster.Partitions.of(first.threadKey());

        assertEquals(p, first.partition());
        assertTrue(store.pending(java.util.Set.of(p), 10).stream().allMatch(i -> i.partition() == p));
        assertTrue(store.pending(java.util.Set.of(p), 10).stream().anyMatch(i -> i.id() == first.id()));
        java.util.Set<Integer> others = new java.util.HashSet<>(dev.socialbridge.cluster.Partitions.ALL);
        others.remove(p);
        assertTrue(store.pending(others, 10).stream().noneMatch(i -> i.id() == first.id()));
        assertEquals(List.of(), store.pending(java.util.Set.of(), 10));
    }

    @Test
    void anItemFinishedByAnotherWorkerCannotBeFinishedAgainSoItsWorkRollsBack() {
        insert("meta", List.of(comment("c1")));
        long id = store.pending(1).get(0).id();
        db.inTransaction(c -> {
            store.finish(c, id, InboxStatus.DONE, null);
            return null;
        });

        org.junit.jupiter.api.Assertions.assertThrows(InboxStore.AlreadyFinishedException.class,
                () -> db.inTransaction(c -> {
                    store.finish(c, id, InboxStatus.DONE, "second worker");
                    return null;
                }));
        assertEquals(null, store.byStatus(InboxStatus.DONE, 1).get(0).reason(), "the first outcome stands");
    }
}
