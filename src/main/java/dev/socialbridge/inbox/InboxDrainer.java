package dev.socialbridge.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.connector.spi.ParsedItem;
import dev.socialbridge.connector.spi.WebhookParser;
import dev.socialbridge.support.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import dev.socialbridge.support.BackgroundWorker;

/**
 * Moves accepted webhook bodies from the journal into inbox items: splits each body with its
 * connector's parser and stores the items together with the new journal checkpoint in one
 * transaction, so a crash replays exactly what was not yet stored (and dedupe keys absorb the rest).
 * One drainer thread per process.
 */
public final class InboxDrainer extends BackgroundWorker {
    private static final int BATCH = 200;

    private final WebhookJournal journal;
    private final InboxStore store;
    private final Map<String, WebhookParser> parsers;
    private final Runnable onStored;
    private final JournalReader reader;
    private volatile JournalPosition position;

    /**
     * @param parsers  parser per connector id; a journal source is {@code <connector id>[/<endpoint>]}
     * @param onStored called after each committed batch (wakes the pipeline)
     */
    public InboxDrainer(WebhookJournal journal, InboxStore store, Map<String, WebhookParser> parsers, Runnable onStored) {
        super("inbox-drainer", 500);
        this.journal = journal;
        this.store = store;
        this.parsers = Map.copyOf(parsers);
        this.onStored = onStored;
        this.reader = new JournalReader(journal.directory());
    }

    /** @throws JournalBinding.MismatchException when the journal belongs to another store (nothing is read) */
    public InboxDrainer start() {
        JournalBinding.bind(journal.directory(), store);
        position = store.checkpoint();
        startWorker();
        return this;
    }

    /** The journal position up to which bodies are stored as inbox items. */
    public JournalPosition position() {
        return position;
    }

    @Override
    protected boolean runOnce() throws InterruptedException {
        JournalPosition limit = journal.durablePosition();
        if (!position.before(limit)) {
            journal.awaitBeyond(position, 500);
            return true;
        }
        List<JournalEntry> entries = reader.read(position, limit, BATCH);
        if (entries.isEmpty()) {
            position = limit;   // only empty segment boundaries in between
            return true;
        }
        long t0 = System.nanoTime();
        store(entries);
        journal.meter().pace(System.nanoTime() - t0);
        return true;
    }

    private void store(List<JournalEntry> entries) {
        JournalPosition end = entries.get(entries.size() - 1).end();
        store.database().inTransaction(c -> {
            for (JournalEntry e : entries) {
                store.insert(c, e.source(), Instant.ofEpochMilli(e.receivedAt()), split(e));
            }
            store.saveCheckpoint(c, end);
            return null;
        });
        position = end;
        JournalSegments.deleteBefore(journal.directory(), end.segment());
        onStored.run();
    }

    /** Never throws: a body its parser cannot handle becomes one quarantined item keyed by its hash. */
    List<ParsedItem> split(JournalEntry e) {
        int slash = e.source().indexOf('/');
        String connector = slash < 0 ? e.source() : e.source().substring(0, slash);
        String endpoint = slash < 0 ? "" : e.source().substring(slash + 1);
        WebhookParser parser = parsers.get(connector);
        String raw = new String(e.body(), StandardCharsets.UTF_8);
        if (parser == null) {
            return List.of(new ParsedItem.Quarantined(e.source() + ":body:" + sha256(e.body()), raw,
                    "no connector '" + connector + "' is configured to parse it"));
        }
        try {
            JsonNode body = Json.MAPPER.readTree(e.body());
            return parser.parse(body, endpoint);
        } catch (Exception ex) {
            return List.of(new ParsedItem.Quarantined(e.source() + ":body:" + sha256(e.body()), raw,
                    "unparseable body: " + ex.getMessage()));
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        super.close();
        reader.close();
    }
}
