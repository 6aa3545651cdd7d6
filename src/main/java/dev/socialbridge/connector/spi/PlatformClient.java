package dev.socialbridge.connector.spi;

/**
 * Speaks a platform's outbound API. The only class of a connector that does HTTP. Thread-safe.
 * Implementations return a {@link DeliveryResult} for every expected remote outcome and throw only
 * for programming errors.
 */
public interface PlatformClient {

    /** Performs one action once (no internal retries: the outbox owns retries). */
    DeliveryResult deliver(OutboundAction action);
}
