package dev.socialbridge.outbox;

import dev.socialbridge.connector.spi.DeliveryResult;

/**
 * Performs one outbox item of one target once. Returns the outcome as a {@link DeliveryResult};
 * throws only for bugs (a thrown exception counts as a retryable failure).
 */
public interface OutboxHandler {
    DeliveryResult handle(OutboxItem item);

    /**
     * Why {@code item} should no longer be delivered, asked just before {@link #handle}: the item is then
     * {@link OutboxStatus#CANCELLED} with this reason. By default every item is still wanted.
     */
    default java.util.Optional<String> cancellation(OutboxItem item) {
        return java.util.Optional.empty();
    }
}
