package dev.socialbridge.outbox;

import java.time.Instant;

/**
 * A stored outbox item. {@code lane} orders delivery: one thread + target = one lane.
 *
 * @param partition the partition of its lane ({@link dev.socialbridge.cluster.Partitions}): who may deliver it
 * @param inDoubt   a send of it started and its outcome was never recorded (the instance was killed during the call):
 *                  the platform may have it already
 */
public record OutboxItem(long id, String dedupeKey, String lane, String target, String type, String payloadJson,
                         OutboxStatus status, int attempts, Instant nextAttemptAt, String lastError, String result,
                         Instant createdAt, int partition, boolean inDoubt) {

    /** An item in the partition of its lane. */
    public OutboxItem(long id, String dedupeKey, String lane, String target, String type, String payloadJson,
                      OutboxStatus status, int attempts, Instant nextAttemptAt, String lastError, String result,
                      Instant createdAt) {
        this(id, dedupeKey, lane, target, type, payloadJson, status, attempts, nextAttemptAt, lastError, result, createdAt,
                dev.socialbridge.cluster.Partitions.of(lane), false);
    }
}
