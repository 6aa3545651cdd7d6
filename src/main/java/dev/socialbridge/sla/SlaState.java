package dev.socialbridge.sla;

import java.time.Instant;
import java.util.stream.Stream;

/**
 * The SLA clocks of one thread.
 *
 * @param threadKey         the thread
 * @param ticketId          its host ticket, or null
 * @param queueKey          its queue (its SLA class)
 * @param clock             the running response clock, or null when the customer has been answered
 * @param startedAt         when the response clock started (the customer's message)
 * @param dueAt             when the response is due
 * @param warnAt            when its warning is due
 * @param warnedAt          when its warning was given, or null
 * @param breachedAt        when its breach was acted on, or null
 * @param pausedAt          when the clocks paused (waiting on the customer), or null
 * @param resolveDueAt      resolve-or-escalate deadline, or null
 * @param resolveWarnAt     when its warning is due
 * @param resolveWarnedAt   when its warning was given, or null
 * @param resolveBreachedAt when its breach was acted on, or null
 * @param resolvedAt        when the ticket was resolved, or null while open
 * @param firstMessageAt    the thread's first customer message: the resolve clock's start
 * @param crisisAt          since when the thread is in crisis (its clocks count in the crisis class), or null
 */
public record SlaState(String threadKey, String ticketId, String queueKey, SlaClock clock, Instant startedAt,
                       Instant dueAt, Instant warnAt, Instant warnedAt, Instant breachedAt, Instant pausedAt,
                       Instant resolveDueAt, Instant resolveWarnAt, Instant resolveWarnedAt, Instant resolveBreachedAt,
                       Instant resolvedAt, Instant firstMessageAt, Instant crisisAt) {

    /** The earliest warning or breach still to act on, or null: none while paused or resolved. */
    public Instant nextCheck() {
        if (pausedAt != null || resolvedAt != null) {
            return null;
        }
        return Stream.of(clock != null && warnedAt == null ? warnAt : null,
                        clock != null && breachedAt == null ? dueAt : null,
                        resolveWarnedAt == null ? resolveWarnAt : null,
                        resolveBreachedAt == null ? resolveDueAt : null)
                .filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(null);
    }

    /** What is due at {@code now}, the breach before the warning, the response clock before resolution. */
    public Due dueAt(Instant now) {
        if (nextCheck() == null) {
            return null;
        }
        if (clock != null && breachedAt == null && !dueAt.isAfter(now)) {
            return new Due(clock, Due.Kind.BREACH, startedAt, dueAt);
        }
        if (resolveDueAt != null && resolveBreachedAt == null && !resolveDueAt.isAfter(now)) {
            return new Due(SlaClock.RESOLVE, Due.Kind.BREACH, firstMessageAt, resolveDueAt);
        }
        if (clock != null && warnedAt == null && warnAt != null && !warnAt.isAfter(now)) {
            return new Due(clock, Due.Kind.WARNING, startedAt, dueAt);
        }
        if (resolveDueAt != null && resolveWarnedAt == null && resolveWarnAt != null && !resolveWarnAt.isAfter(now)) {
            return new Due(SlaClock.RESOLVE, Due.Kind.WARNING, firstMessageAt, resolveDueAt);
        }
        return null;
    }

    /**
     * A warning or a breach to act on.
     *
     * @param startedAt when the clock started
     * @param dueAt     when it is (was) due
     */
    public record Due(SlaClock clock, Kind kind, Instant startedAt, Instant dueAt) {
        public enum Kind {
            WARNING, BREACH;

            public String id() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }
        }
    }
}
