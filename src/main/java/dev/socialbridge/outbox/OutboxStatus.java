package dev.socialbridge.outbox;

/** Lifecycle of an outbox item (Keycloak event-hook style). */
public enum OutboxStatus {
    /** Waiting for (another) delivery attempt at {@code next_attempt_at}. */
    PENDING,
    /** Delivered. */
    DONE,
    /** The platform refuses it for good (e.g. outside the messaging window): recorded with the reason. */
    NOT_SENDABLE,
    /** No longer wanted when it came due (e.g. an agent answered before a delayed acknowledgement): never sent. */
    CANCELLED,
    /** Attempts exhausted or permanent failure: dead letter, listed and retryable by admins. */
    DEAD
}
