package dev.socialbridge.pipeline;

import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.QueueDef;
import dev.socialbridge.sla.SlaClock;
import dev.socialbridge.sla.SlaPolicy;
import dev.socialbridge.sla.SlaState;
import dev.socialbridge.sla.SlaStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Starts, moves, stops, pauses and resumes a thread's SLA clocks as the conversation goes, in the caller's store
 * transaction, and says which due date the host ticket should show: the running response clock's, else the
 * resolve-or-escalate deadline.
 *
 * <ul>
 *   <li>A thread's first ticketed message starts the first-response clock and the resolve clock at the customer's
 *       message time (the platform's).</li>
 *   <li>A re-route to another queue counts the running clocks again in the new class from the same start: the due
 *       date tightens when a thread becomes a hot lead.</li>
 *   <li>A customer message after an answer starts the next-response clock.</li>
 *   <li>An answer stops the response clock (a person's; an automated one only with
 *       {@code socialbridge.sla.automated-replies-count}); resolution stops both.</li>
 *   <li>A pause status stops the clocks; the customer's next message or another status resumes them with the open
 *       time they had left.</li>
 * </ul>
 */
public final class SlaClocks {
    private final SlaStore store;
    private final SlaPolicy policy;
    private final Descriptor descriptor;
    private final dev.socialbridge.sla.SpikeDetector spikes;

    public SlaClocks(SlaStore store, SlaPolicy policy, Descriptor descriptor) {
        this(store, policy, descriptor, dev.socialbridge.sla.SpikeDetector.off());
    }

    public SlaClocks(SlaStore store, SlaPolicy policy, Descriptor descriptor, dev.socialbridge.sla.SpikeDetector spikes) {
        this.store = store;
        this.policy = policy;
        this.descriptor = descriptor;
        this.spikes = spikes;
    }

    /** Whether the thread is in crisis already. */
    public boolean inCrisis(Connection c, String threadKey) throws SQLException {
        return store.state(c, threadKey).map(st -> st.crisisAt() != null).orElse(false);
    }

    /** A rule's tag that puts the thread in crisis. */
    public static final String CRISIS_TAG = "crisis";

    /**
     * Counts a message of {@code account} and says why it puts its thread in crisis: a rule tagged it
     * {@value #CRISIS_TAG}, or the account is in a spike (negative messages, volume); null when it does not.
     */
    public String crisis(String account, boolean negative, java.util.Collection<String> tags, Instant at) {
        String spike = spikes.record(account, negative, at);
        if (tags.contains(CRISIS_TAG)) {
            return "a rule tagged it " + CRISIS_TAG;
        }
        return spike;
    }

    public SlaPolicy policy() {
        return policy;
    }

    /**
     * The due date of a new ticket whose first message was written at {@code start}; the clocks start once the
     * thread row exists ({@link #customerMessage}).
     */
    public Instant firstDue(QueueDef.Sla sla, Instant start) {
        return policy.due(sla, SlaClock.FIRST_RESPONSE, start);
    }

    /** The crisis class of the descriptor. */
    public QueueDef.Sla crisisClass() {
        return descriptor.crisis();
    }

    /**
     * A ticketed customer message at {@code at} in {@code queue} ({@code rerouted}: the thread moved there with it).
     *
     * @return the host ticket's new due date, or empty when it does not change
     */
    public Optional<Instant> customerMessage(Connection c, String threadKey, QueueDef queue, boolean rerouted, Instant at)
            throws SQLException {
        return customerMessage(c, threadKey, queue, rerouted, null, at);
    }

    /**
     * {@link #customerMessage(Connection, String, QueueDef, boolean, Instant)} of a message that puts the thread in
     * crisis ({@code crisisReason}, or null): from then on its clocks count in the crisis class, from the same start.
     */
    public Optional<Instant> customerMessage(Connection c, String threadKey, QueueDef queue, boolean rerouted,
                                             String crisisReason, Instant at) throws SQLException {
        if (crisisReason != null && store.crisis(c, threadKey, at, crisisReason)) {
            rerouted = true;   // the class changes like a re-route: counted again from the same start
        }
        Optional<SlaState> found = store.state(c, threadKey);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SlaState s = found.get();
        QueueDef.Sla sla = classOf(s, queue);
        if (s.resolveDueAt() == null) {
            Instant start = s.firstMessageAt() != null ? s.firstMessageAt() : at;
            Instant due = policy.due(sla, SlaClock.FIRST_RESPONSE, start);
            store.startClocks(c, threadKey, SlaClock.FIRST_RESPONSE, start, due,
                    policy.warnAt(sla, SlaClock.FIRST_RESPONSE, start), policy.due(sla, SlaClock.RESOLVE, start),
                    policy.warnAt(sla, SlaClock.RESOLVE, start), false);
            return Optional.of(due);
        }
        Instant resolveDue = s.resolveDueAt();
        if (s.pausedAt() != null) {
            resolveDue = resume(c, s, sla, at);
        }
        if (rerouted) {
            Instant first = s.firstMessageAt() != null ? s.firstMessageAt() : at;
            resolveDue = policy.due(sla, SlaClock.RESOLVE, first);
            store.setResolveDeadline(c, threadKey, resolveDue, policy.warnAt(sla, SlaClock.RESOLVE, first), true);
        }
        if (s.clock() == null || s.resolvedAt() != null) {
            Instant due = policy.due(sla, SlaClock.NEXT_RESPONSE, at);
            store.startResponseClock(c, threadKey, SlaClock.NEXT_RESPONSE, at, due,
                    policy.warnAt(sla, SlaClock.NEXT_RESPONSE, at));
            if (s.resolvedAt() != null) {   // reopened: a new resolve cycle
                resolveDue = policy.due(sla, SlaClock.RESOLVE, at);
                store.setResolveDeadline(c, threadKey, resolveDue, policy.warnAt(sla, SlaClock.RESOLVE, at), true);
            }
            return Optional.of(due);
        }
        if (rerouted) {
            Instant due = policy.due(sla, s.clock(), s.startedAt());
            store.moveResponseClock(c, threadKey, due, policy.warnAt(sla, s.clock(), s.startedAt()));
            return Optional.of(due);
        }
        return s.pausedAt() != null ? Optional.of(store.state(c, threadKey).map(SlaState::dueAt).orElse(resolveDue))
                : Optional.empty();
    }

    /**
     * The customer was answered at {@code at} (a person when {@code human}).
     *
     * @return the host ticket's new due date (the resolve deadline) when the response clock stopped, else empty
     */
    public Optional<Instant> answered(Connection c, String threadKey, Instant at, boolean human) throws SQLException {
        boolean stops = human || policy.automatedRepliesCount();
        Optional<SlaState> before = store.state(c, threadKey);
        store.answered(c, threadKey, at, human, stops);
        return before.filter(s -> stops && s.clock() != null && s.resolvedAt() == null)
                .map(SlaState::resolveDueAt);
    }

    /** The ticket's status changed in the host at {@code at}: resolution stops the clocks, a pause status pauses them. */
    public Optional<Instant> status(Connection c, String threadKey, String status, boolean closed, Instant at)
            throws SQLException {
        Optional<SlaState> found = store.state(c, threadKey);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SlaState s = found.get();
        if (closed) {
            store.resolved(c, threadKey, at);
            return Optional.empty();
        }
        if (policy.pauses(status)) {
            store.paused(c, threadKey, at);
            return Optional.empty();
        }
        if (s.pausedAt() != null) {
            QueueDef queue = descriptor.queue(s.queueKey()).orElse(null);
            if (queue != null) {
                Instant resolveDue = resume(c, s, classOf(s, queue), at);
                return Optional.ofNullable(s.clock() != null ? store.state(c, threadKey).map(SlaState::dueAt).orElse(null)
                        : resolveDue);
            }
        }
        return Optional.empty();
    }

    private QueueDef.Sla classOf(SlaState s, QueueDef queue) {
        return SlaPolicy.classOf(descriptor, s, queue);
    }

    /** Resumes paused clocks with the open time they had left; returns the new resolve deadline. */
    private Instant resume(Connection c, SlaState s, QueueDef.Sla sla, Instant at) throws SQLException {
        Instant due = s.clock() != null ? policy.resumed(sla, s.dueAt(), s.pausedAt(), at) : null;
        Instant warn = s.clock() != null && s.warnAt() != null ? policy.resumed(sla, s.warnAt(), s.pausedAt(), at) : null;
        Instant resolveDue = s.resolveDueAt() != null ? policy.resumed(sla, s.resolveDueAt(), s.pausedAt(), at) : null;
        Instant resolveWarn = s.resolveWarnAt() != null ? policy.resumed(sla, s.resolveWarnAt(), s.pausedAt(), at) : null;
        store.resumed(c, s.threadKey(), due, warn, resolveDue, resolveWarn);
        return resolveDue;
    }
}
