package dev.socialbridge.inbox;

/** Lifecycle of an inbox item. */
public enum InboxStatus {
    /** Stored, waiting for the pipeline. */
    PENDING,
    /** Processed: its effects are in the outbox. */
    DONE,
    /** Known but not actionable (reads, reactions, our own echoes): recorded and counted. */
    IGNORED,
    /** Unknown or malformed: stored and visible, never processed. */
    QUARANTINED,
    /** Processing failed repeatedly: visible to admins, can be retried. */
    DEAD
}
