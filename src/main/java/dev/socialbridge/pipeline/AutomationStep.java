package dev.socialbridge.pipeline;

import dev.socialbridge.classify.Classification;
import dev.socialbridge.interaction.Interaction;
import java.time.Instant;

/**
 * Decides what automation does with one customer interaction. Pure: reads the facts it is given,
 * performs no I/O; the processor persists and executes the outcome. Thread-confined use is enough
 * (the processor is single-threaded) but implementations should be thread-safe.
 */
public interface AutomationStep {

    /**
     * @param interaction   the customer's interaction (never our own: the loop guard runs before)
     * @param classification what the classifier understood
     * @param thread        what we know of the thread before this message
     * @param author        author-level facts (opt-out, replies in the last hour)
     * @param now           the decision time
     */
    AutomationOutcome decide(Interaction interaction, Classification classification, ThreadState thread,
                             AuthorFacts author, Instant now);

    /** Whether decisions use the author's follower count (then the processor looks it up when missing). */
    default boolean needsFollowerCounts() {
        return false;
    }

    /** The qualifier flows that {@code qualify} actions start (none without rules). */
    default dev.socialbridge.leads.QualifierFlows qualifierFlows() {
        return dev.socialbridge.leads.QualifierFlows.none();
    }

    /** Author-level guard-rail facts. */
    record AuthorFacts(Instant optedOutAt, int automatedRepliesLastHour) { }

    /** No rules: every conversational interaction goes to the default queue. */
    static AutomationStep routeTo(String queueKey) {
        return (i, c, t, a, now) -> AutomationOutcome.route(queueKey);
    }
}
