package dev.socialbridge.inbox;

import dev.socialbridge.store.TestStores;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journal is replayed only into the store it belongs to. */
class JournalBindingTest {
    @TempDir
    Path tmp;
    private final List<Database> opened = new ArrayList<>();

    private InboxStore freshStore() {
        Database db = TestStores.open("binding");
        opened.add(db);
        return new InboxStore(db);
    }

    @AfterEach
    void close() {
        opened.forEach(Database::close);
    }

    @Test
    void aFreshJournalIsBoundToItsStoreAndReadAgainAfterARestart() {
        Path dir = tmp.resolve("journal");
        InboxStore store = freshStore();

        JournalBinding.bind(dir, store);

        assertTrue(Files.isRegularFile(dir.resolve(JournalBinding.ID_FILE)));
        assertDoesNotThrow(() -> JournalBinding.bind(dir, store));
    }

    @Test
    void aJournalLeftFromAnotherStoreIsRefusedNamingTheSetting() {
        Path dir = tmp.resolve("journal");
        JournalBinding.bind(dir, freshStore());

        JournalBinding.MismatchException e = assertThrows(JournalBinding.MismatchException.class,
                () -> JournalBinding.bind(dir, freshStore()));

        assertTrue(e.getMessage().startsWith("socialbridge.inbox.journal-dir: '" + dir + "' belongs to another store"),
                e.getMessage());
    }

    @Test
    void aJournalFromBeforeTheBindingWithUnreadEventsIsRefusedAndOneAlreadyReadIsAdopted() throws Exception {
        Path legacy = Files.createDirectories(tmp.resolve("legacy"));
        Files.write(JournalSegments.path(legacy, 1), new byte[] {1, 2, 3});

        assertThrows(JournalBinding.MismatchException.class, () -> JournalBinding.bind(legacy, freshStore()));

        InboxStore reader = freshStore();
        reader.database().inTransaction(c -> {
            reader.saveCheckpoint(c, new JournalPosition(1, 3));
            return null;
        });
        assertDoesNotThrow(() -> JournalBinding.bind(legacy, reader), "the store that read it keeps it");
        assertTrue(Files.isRegularFile(legacy.resolve(JournalBinding.ID_FILE)));
    }

    @Test
    void aStoreBoundToAJournalRefusesAnotherDirectory() {
        InboxStore store = freshStore();
        JournalBinding.bind(tmp.resolve("first"), store);

        assertThrows(JournalBinding.MismatchException.class, () -> JournalBinding.bind(tmp.resolve("second"), store));
    }

    @Test
    void instancesOnOneStoreEachReadTheirOwnJournalFromTheirOwnCheckpoint() {
        Database db = TestStores.open("binding");
        opened.add(db);
        InboxStore a = new InboxStore(db, "a");
        InboxStore b = new InboxStore(db, "b");
        Path journalA = tmp.resolve("a");
        Path journalB = tmp.resolve("b");
        JournalBinding.bind(journalA, a);
        JournalBinding.bind(journalB, b);
        db.inTransaction(c -> {
            a.saveCheckpoint(c, new JournalPosition(3, 120));
            return null;
        });

        org.junit.jupiter.api.Assertions.assertEquals(new JournalPosition(3, 120), a.checkpoint());
        org.junit.jupiter.api.Assertions.assertEquals(JournalPosition.START, b.checkpoint(), "b's own checkpoint");
        JournalBinding.MismatchException e = assertThrows(JournalBinding.MismatchException.class,
                () -> JournalBinding.bind(journalA, b));
        assertTrue(e.getMessage().contains("'" + journalA + "' is journal "), e.getMessage());
        assertDoesNotThrow(() -> JournalBinding.bind(journalB, new InboxStore(db, "b")), "b after a restart");
    }
}
