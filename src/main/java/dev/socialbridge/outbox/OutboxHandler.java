package dev.socialbridge.outbox;

import dev.socialbridge.connector.spi.DeliveryResult;

/**
 * Performs one outbox item of one target once. Returns the outcome as a {@link DeliveryResult};
 * throws only for bugs (a thrown exception counts as a retryable failure).
 */
public interface OutboxHandler {
    DeliveryResult handle(OutboxItem item);
}
