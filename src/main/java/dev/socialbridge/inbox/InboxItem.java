package dev.socialbridge.inbox;

import java.time.Instant;

/** A stored inbox item as admins and the pipeline see it. */
public record InboxItem(long id, String dedupeKey, String source, InboxStatus status, String threadKey, String kind,
                        String reason, String interactionJson, String rawJson, int attempts, Instant receivedAt) {
}
