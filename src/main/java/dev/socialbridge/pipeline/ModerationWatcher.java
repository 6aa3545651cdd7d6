package dev.socialbridge.pipeline;

import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.HostException;
import dev.socialbridge.host.spi.TicketRef;
import dev.socialbridge.host.spi.TicketUpdate;
import dev.socialbridge.outbox.OutboxCommand;
import dev.socialbridge.outbox.OutboxStore;
import dev.socialbridge.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks up moderation decisions agents make in the host: a ticket whose moderation status field an
 * agent set to {@code unhide_requested} gets its thread's hidden comments unhidden on the platform,
 * the status set to {@code unhidden}, and each undone hide counted as a moderation false positive.
 */
public final class ModerationWatcher implements AutoCloseable {
    public static final String FIELD = "moderation_status";
    public static final String UNHIDE_REQUESTED = "unhide_requested";
    public static final String UNHIDDEN = "unhidden";
    private static final Logger LOG = LoggerFactory.getLogger(ModerationWatcher.class);

    private final HostAdapter host;
    private final ModerationStore moderation;
    private final OutboxStore outbox;
    private final AuditStore audit;
    private final Duration interval;
    private final Runnable onEnqueued;
    private final Thread thread;
    private volatile boolean running = true;

    public ModerationWatcher(HostAdapter host, ModerationStore moderation, OutboxStore outbox, AuditStore audit,
                             Duration interval, Runnable onEnqueued) {
        this.host = host;
        this.moderation = moderation;
        this.outbox = outbox;
        this.audit = audit;
        this.interval = interval;
        this.onEnqueued = onEnqueued;
        this.thread = new Thread(this::run, "moderation-watcher");
        this.thread.setDaemon(true);
    }

    public ModerationWatcher start() {
        thread.start();
        return this;
    }

    private void run() {
        while (running) {
            try {
                if (pollOnce() > 0) {
                    onEnqueued.run();
                }
            } catch (HostException e) {
                LOG.debug("moderation poll: {}", e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("moderation poll: {}", e.toString());
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Handles every pending unhide request once; returns how many comments were queued for unhiding. */
    public int pollOnce() {
        int queued = 0;
        for (TicketRef ticket : host.findTicketsByField(FIELD, UNHIDE_REQUESTED, 50)) {
            String threadKey = host.readFields(ticket).get("thread_key");
            if (threadKey == null) {
                continue;
            }
            queued += undo(threadKey);
            host.updateTicket(ticket, TicketUpdate.fields(Map.of(FIELD, UNHIDDEN)));
            host.addNote(ticket, "Unhidden on the platform after review; counted as a moderation false positive.");
        }
        return queued;
    }

    private int undo(String threadKey) {
        Instant now = Instant.now();
        return moderation.database().inTransaction(c -> {
            List<ModerationStore.Hidden> hidden = moderation.stillHidden(c, threadKey);
            for (ModerationStore.Hidden h : hidden) {
                OutboundAction unhide = new OutboundAction.SetHidden(h.platform(), h.accountId(), h.commentId(), false);
                outbox.enqueue(c, PlatformCommandHandler.command("unhide:" + h.commentId() + ":" + h.id(),
                        threadKey + "|platform", unhide), now);
                moderation.markUndone(c, h.id(), now);
                audit.insert(c, new AuditStore.AuditRow(0, threadKey, 0, null, null, null, "unhide",
                        "moderation_false_positive", null, "agent requested unhide of comment " + h.commentId(), now));
            }
            return hidden.size();
        });
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
