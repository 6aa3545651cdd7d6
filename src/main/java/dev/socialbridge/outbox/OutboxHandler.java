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

    /**
     * {@code item} has just been dead-lettered (given up for good) with {@code reason}: the handler may mark what it
     * was for (e.g. the thread's ticket). Must not throw; by default nothing is marked.
     */
    default void dead(OutboxItem item, String reason) {
    }
}
