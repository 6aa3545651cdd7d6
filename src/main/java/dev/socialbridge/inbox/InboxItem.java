package dev.socialbridge.inbox;

import java.time.Instant;

/**
 * A stored inbox item as admins and the pipeline see it.
 *
 * @param partition the partition of its thread ({@link dev.socialbridge.cluster.Partitions}): who may process it
 */
public record InboxItem(long id, String dedupeKey, String source, InboxStatus status, String threadKey, String kind,
                        String reason, String interactionJson, String rawJson, int attempts, Instant receivedAt,
                        int partition) {
}
