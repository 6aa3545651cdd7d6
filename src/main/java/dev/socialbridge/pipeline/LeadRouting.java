package dev.socialbridge.pipeline;

import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.QueueDef;
import dev.socialbridge.host.spi.TicketUpdate;
import dev.socialbridge.leads.LeadScores;
import dev.socialbridge.outbox.OutboxCommand;
import dev.socialbridge.outbox.OutboxStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A thread whose lead score crossed the hot threshold outside the rules (a qualifier answer) goes to Social Hot Leads
 * with a note, once; as for the rules' routing, automation never moves a thread to a queue with a looser first-response
 * target (a VIP thread stays where it is, and only gets the note).
 */
public final class LeadRouting {
    /** The descriptor key of Social Hot Leads. */
    public static final String HOT_QUEUE = "hot_leads";

    private final Descriptor descriptor;
    private final ThreadStore threads;
    private final OutboxStore outbox;
    private final SlaClocks sla;
    private final String defaultQueue;
    private final int threshold;

    public LeadRouting(Descriptor descriptor, ThreadStore threads, OutboxStore outbox, SlaClocks sla, String defaultQueue,
                       int threshold) {
        this.descriptor = descriptor;
        this.threads = threads;
        this.outbox = outbox;
        this.sla = sla;
        this.defaultQueue = defaultQueue;
        this.threshold = threshold;
    }

    String defaultQueue() {
        return defaultQueue;
    }

    int threshold() {
        return threshold;
    }

    /** Whether automation may move a thread now in {@code current} to Social Hot Leads. */
    boolean mayMoveToHot(String current) {
        Optional<QueueDef> hot = descriptor.queue(HOT_QUEUE);
        if (hot.isEmpty() || HOT_QUEUE.equals(current)) {
            return false;
        }
        Optional<QueueDef> now = current == null ? Optional.empty() : descriptor.queue(current);
        return now.isEmpty() || hot.get().sla().firstResponseMinutes() < now.get().sla().firstResponseMinutes();
    }

    /** The thread's score crossed the threshold: to Social Hot Leads when allowed, and a note either way. */
    void hot(Connection c, String threadKey, LeadScores.Change score, String dedupeKey, Instant now) throws SQLException {
        ThreadState t = threads.thread(c, threadKey);
        String note = score.hotNote(threshold);
        TicketUpdate update = TicketUpdate.fields(Map.of());
        if (mayMoveToHot(t.queueKey())) {
            QueueDef hot = descriptor.queue(HOT_QUEUE).orElseThrow();
            threads.recordQueue(c, threadKey, hot.key());
            Instant due = sla.customerMessage(c, threadKey, hot, true, now).orElse(null);
            update = new TicketUpdate(hot.key(), hot.defaultPriority(), due, null, Map.of("automation_status", "escalated"));
            note += " Moved from " + (t.queueKey() != null ? t.queueKey() : "no queue") + " to " + hot.key() + ".";
        } else {
            note += " The thread stays in " + t.queueKey() + " (automation never moves it to a looser SLA).";
        }
        outbox.enqueue(c, new OutboxCommand(dedupeKey, threadKey + "|host", OutboxCommand.HOST, HostUpdateCommand.TYPE,
                new HostUpdateCommand(threadKey, update, note)), now);
    }
}
