package dev.socialbridge.outbox;

import java.time.Instant;

/** A stored outbox item. {@code lane} orders delivery: one thread + target = one lane. */
public record OutboxItem(long id, String dedupeKey, String lane, String target, String type, String payloadJson,
                         OutboxStatus status, int attempts, Instant nextAttemptAt, String lastError, String result,
                         Instant createdAt) {
}
