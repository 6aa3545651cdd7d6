package dev.socialbridge.telemetry;

import dev.socialbridge.inbox.InboxStatus;
import dev.socialbridge.inbox.InboxStore;
import dev.socialbridge.inbox.JournalPosition;
import dev.socialbridge.inbox.WebhookJournal;
import dev.socialbridge.outbox.OutboxStatus;
import dev.socialbridge.outbox.OutboxStore;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Gauges read at scrape time: inbox items by status, outbox items by target and status, and how far the inbox
 * drainer lags behind the webhook journal.
 */
public final class StoreGauges {
    private final InboxStore inbox;
    private final OutboxStore outbox;
    private final WebhookJournal journal;
    private final Supplier<JournalPosition> drained;

    /** @param drained the position up to which the journal is stored as inbox items */
    public StoreGauges(InboxStore inbox, OutboxStore outbox, WebhookJournal journal, Supplier<JournalPosition> drained) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.journal = journal;
        this.drained = drained;
    }

    /** Appends the gauges in the text exposition format. */
    public void render(StringBuilder out) {
        PromText.header(out, "socialbridge_inbox_items", "gauge", "Inbox items per status (pending: waiting for the pipeline).");
        for (Map.Entry<InboxStatus, Long> e : inbox.counts().entrySet()) {
            PromText.sample(out, "socialbridge_inbox_items", List.of("status"), List.of(e.getKey().name().toLowerCase()),
                    Long.toString(e.getValue()));
        }
        PromText.header(out, "socialbridge_outbox_items", "gauge",
                "Outbox items per target (host, platform) and status (pending: waiting for delivery).");
        for (Map.Entry<String, Map<OutboxStatus, Long>> t : outbox.countsByTarget().entrySet()) {
            for (Map.Entry<OutboxStatus, Long> e : t.getValue().entrySet()) {
                PromText.sample(out, "socialbridge_outbox_items", List.of("target", "status"),
                        List.of(t.getKey(), e.getKey().name().toLowerCase()), Long.toString(e.getValue()));
            }
        }
        PromText.header(out, "socialbridge_journal_lag_bytes", "gauge",
                "Bytes of acknowledged webhooks in the journal not yet stored as inbox items.");
        PromText.sample(out, "socialbridge_journal_lag_bytes", List.of(), List.of(),
                Long.toString(journal.bytesBehind(drained.get())));
    }
}
