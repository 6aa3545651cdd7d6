package dev.socialbridge.pipeline;

import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.QueueDef;
import dev.socialbridge.host.spi.TicketUpdate;
import dev.socialbridge.outbox.OutboxCommand;
import dev.socialbridge.outbox.OutboxStore;
import dev.socialbridge.sla.SlaClock;
import dev.socialbridge.sla.SlaPolicy;
import dev.socialbridge.sla.SlaState;
import dev.socialbridge.sla.SlaStore;
import dev.socialbridge.support.BackgroundWorker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on SLA warnings and breaches when they fall due. A warning: a comment on the ticket (RT mails it to the
 * queue's AdminCc watchers) and the priority raised halfway to the class's escalation priority. A breach: the
 * class's escalation steps (priority, move to the escalation queue), the {@code automation_status} set to
 * {@code escalated} and a comment with the clock's times. Each is recorded once ({@code sla_event}) in the same
 * store transaction as the host update it queues.
 */
public final class SlaWatcher extends BackgroundWorker {
    private static final Logger LOG = LoggerFactory.getLogger(SlaWatcher.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SlaStore store;
    private final OutboxStore outbox;
    private final ThreadStore threads;
    private final Descriptor descriptor;
    private final SlaPolicy policy;
    private final ZoneId zone;
    private final Clock clock;

    public SlaWatcher(SlaStore store, OutboxStore outbox, ThreadStore threads, Descriptor descriptor, SlaPolicy policy,
                      ZoneId zone, Duration interval, Clock clock) {
        super("sla-watcher", interval.toMillis());
        this.store = store;
        this.outbox = outbox;
        this.threads = threads;
        this.descriptor = descriptor;
        this.policy = policy;
        this.zone = zone;
        this.clock = clock;
    }

    public SlaWatcher start() {
        startWorker();
        return this;
    }

    @Override
    protected boolean runOnce() {
        Instant now = clock.instant();
        List<SlaState> due = store.due(now, 100);
        for (SlaState s : due) {
            try {
                act(s, now);
            } catch (RuntimeException e) {   // one thread's failure never holds back the others' clocks
                LOG.warn("SLA check of thread {} failed: {}", s.threadKey(), e.toString());
            }
        }
        return due.size() == 100;
    }

    /** Acts on what is due for one thread (package-private for tests). */
    void act(SlaState s, Instant now) {
        store.database().inTransaction(c -> {
            SlaState.Due due = s.dueAt(now);
            if (due == null) {
                store.refreshNextCheck(c, s.threadKey());
                return null;
            }
            if (!store.acted(c, s, due, now)) {
                return null;
            }
            QueueDef queue = descriptor.queue(s.queueKey()).orElse(null);
            if (queue == null || s.ticketId() == null) {
                return null;   // nothing to show it on; the event is recorded
            }
            HostUpdateCommand update = due.kind() == SlaState.Due.Kind.WARNING ? warning(s, queue, due) : breach(c, s, queue, due);
            outbox.enqueue(c, new OutboxCommand("sla:" + s.threadKey() + ":" + due.clock().id() + ":" + due.kind().id()
                    + ":" + due.dueAt().toEpochMilli(), s.threadKey() + "|host", OutboxCommand.HOST,
                    HostUpdateCommand.TYPE, update), now);
            LOG.info("SLA {} {} on thread {} (ticket {}, due {})", due.clock().id(), due.kind().id(), s.threadKey(),
                    s.ticketId(), due.dueAt());
            return null;
        });
    }

    private QueueDef.Sla classOf(SlaState s, QueueDef queue) {
        return SlaPolicy.classOf(descriptor, s, queue);
    }

    private HostUpdateCommand warning(SlaState s, QueueDef queue, SlaState.Due due) {
        QueueDef.Escalation steps = classOf(s, queue).escalationSteps();
        Integer priority = steps.priority() == null ? null
                : Math.max(queue.defaultPriority(), (queue.defaultPriority() + steps.priority()) / 2);
        String note = "SLA warning: the " + due.clock().label() + " is due at " + local(due.dueAt()) + " ("
                + policy.warnAtPercent() + " % of its " + minutes(SlaPolicy.target(classOf(s, queue), due.clock()))
                + " target has elapsed)." + (priority != null ? " Priority raised to " + priority + "." : "");
        return new HostUpdateCommand(s.threadKey(), new TicketUpdate(null, priority, null, null, Map.of()), note);
    }

    private HostUpdateCommand breach(java.sql.Connection c, SlaState s, QueueDef queue, SlaState.Due due)
            throws java.sql.SQLException {
        QueueDef.Escalation steps = classOf(s, queue).escalationSteps();
        String to = steps.queue() != null && !steps.queue().equals(queue.key()) ? steps.queue() : null;
        Map<String, String> fields = new HashMap<>();
        fields.put("automation_status", "escalated");
        StringBuilder note = new StringBuilder("SLA breached: the " + due.clock().label() + " was due at "
                + local(due.dueAt()) + " (" + minutes(SlaPolicy.target(classOf(s, queue), due.clock())) + " from "
                + local(due.startedAt()) + ").");
        if (steps.priority() != null) {
            note.append(" Priority set to ").append(steps.priority()).append('.');
        }
        if (to != null) {
            note.append(" Moved to ").append(to).append('.');
            threads.recordQueue(c, s.threadKey(), to);
        }
        if (steps.owner() != null) {
            note.append(" Given to ").append(steps.owner()).append(" unless a person owns it.");
        }
        return new HostUpdateCommand(s.threadKey(), new TicketUpdate(to, steps.priority(), null, null, fields, steps.owner()),
                note.toString());
    }

    private String local(Instant t) {
        return TIME.format(t.atZone(zone)) + " " + zone.getId();
    }

    private static String minutes(Duration d) {
        long m = d.toMinutes();
        return m % 60 == 0 ? (m / 60) + " h" : m + " min";
    }
}
