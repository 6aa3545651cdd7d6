package dev.socialbridge.interaction;

import java.time.Instant;
import java.util.Objects;

/**
 * What became of a message we sent, as the platform reports it later (WhatsApp {@code statuses[]}).
 *
 * @param platform    the platform
 * @param accountId   our account that sent it
 * @param messageId   the platform's id of our message (the id its send call returned)
 * @param state       sent, delivered, read or failed
 * @param occurredAt  when the platform says it happened
 * @param recipientId the customer's platform id, or null
 * @param errorCode   the platform's error code of a failure, or null
 * @param errorDetail what the platform says about a failure, or null
 */
public record DeliveryStatus(Platform platform, String accountId, String messageId, State state, Instant occurredAt,
                             String recipientId, String errorCode, String errorDetail) {

    /** Delivery states, in their usual order. */
    public enum State { SENT, DELIVERED, READ, FAILED }

    public DeliveryStatus {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
