package dev.socialbridge.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * Ties a webhook journal directory to one store, so that a journal left from an earlier store (the default
 * {@code ./data/journal} is relative to the working directory) is never replayed into another one, where its old
 * events would become new tickets. The journal keeps its id in {@value #ID_FILE}; the store keeps the id of its
 * journal beside its checkpoint. A journal without an id that holds events the store never read is refused too:
 * it may be someone else's, and refusing loses nothing (the admin moves it away or points the setting at it).
 * Several instances on one store each read their own journal ({@code socialbridge.instance.id}).
 */
public final class JournalBinding {
    /** The journal's id file. */
    public static final String ID_FILE = "journal.id";

    private JournalBinding() {
    }

    /** Thrown when the journal and the store do not belong together; the message says what to do. */
    public static final class MismatchException extends IllegalStateException {
        MismatchException(String message) {
            super(message);
        }
    }

    /** Binds {@code dir} to the store on first use, or checks that they belong together. */
    public static void bind(Path dir, InboxStore store) {
        Optional<String> journalId = readId(dir);
        Optional<String> storeJournal = store.boundJournal();
        if (journalId.isPresent()) {
            if (storeJournal.isEmpty() && !store.hasCheckpoint()) {
                throw mismatch(dir, "belongs to another store or instance (journal " + journalId.get() + ")");
            }
            if (storeJournal.isPresent() && !storeJournal.get().equals(journalId.get())) {
                throw mismatch(dir, "is journal " + journalId.get() + " but this store reads journal " + storeJournal.get());
            }
            if (storeJournal.isEmpty()) {
                store.bindJournal(journalId.get());   // a store from before the binding, already reading this journal
            }
            return;
        }
        if (storeJournal.isPresent()) {
            throw mismatch(dir, "is not journal " + storeJournal.get() + " that this store reads (was it replaced?)");
        }
        if (!store.hasCheckpoint() && holdsEvents(dir)) {
            throw mismatch(dir, "holds webhooks this store never read");
        }
        String id = UUID.randomUUID().toString();
        writeId(dir, id);
        store.bindJournal(id);
    }

    private static MismatchException mismatch(Path dir, String why) {
        return new MismatchException("socialbridge.inbox.journal-dir: '" + dir + "' " + why + ": replaying it would turn"
                + " old events into new tickets. Point socialbridge.inbox.journal-dir at this store's journal, or move"
                + " the directory away (nothing in it is deleted)");
    }

    private static boolean holdsEvents(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        for (long segment : JournalSegments.list(dir)) {
            try {
                if (Files.size(JournalSegments.path(dir, segment)) > 0) {
                    return true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }

    private static Optional<String> readId(Path dir) {
        Path file = dir.resolve(ID_FILE);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void writeId(Path dir, String id) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(ID_FILE + ".tmp");
            Files.writeString(tmp, id + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(ID_FILE), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(ID_FILE), e);
        }
    }
}
