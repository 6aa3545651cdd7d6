package dev.socialbridge.connector.spi;

import dev.socialbridge.interaction.DeliveryStatus;
import dev.socialbridge.interaction.Interaction;

/**
 * One item split out of a webhook body. Items succeed or fail independently: a malformed or
 * unknown item becomes {@link Quarantined} and never blocks its siblings.
 */
public sealed interface ParsedItem {

    /**
     * Idempotency key of the item, unique per platform event (e.g. {@code ig:comment:1789...:add}).
     * A redelivered event yields the same key.
     */
    String dedupeKey();

    /** The raw JSON of this item only (one change / messaging entry), for the raw payload reference. */
    String rawJson();

    /** A normalised interaction to process. */
    record Accepted(String dedupeKey, String rawJson, Interaction interaction) implements ParsedItem { }

    /** What became of a message we sent (sent, delivered, read, failed). */
    record StatusUpdate(String dedupeKey, String rawJson, DeliveryStatus status) implements ParsedItem { }

    /** Known but deliberately not processed (reads, deliveries, reactions...): recorded and counted. */
    record Ignored(String dedupeKey, String rawJson, String reason) implements ParsedItem { }

    /** Unknown type or malformed: stored, visible to admins, counted, never processed. */
    record Quarantined(String dedupeKey, String rawJson, String reason) implements ParsedItem { }
}
