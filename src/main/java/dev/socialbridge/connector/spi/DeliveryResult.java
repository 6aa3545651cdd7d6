package dev.socialbridge.connector.spi;

import java.time.Duration;

/**
 * Outcome of one delivery attempt to a platform. Expected remote failures are results, not
 * exceptions: the outbox dispatcher decides what to do from the variant.
 */
public sealed interface DeliveryResult {

    /** Done; {@code remoteId} is the id the platform gave the new comment/message (may be null). */
    record Delivered(String remoteId) implements DeliveryResult { }

    /**
     * Transient failure (5xx, timeout, rate limit): try again, not before {@code retryAfter} if non-null.
     *
     * @param targetUnavailable the target as a whole did not answer (host down for maintenance, connection
     *                          refused): the attempt does not count towards the item's limit, so that an outage of
     *                          any length dead-letters nothing, and the dispatcher holds back the whole target
     */
    record Retry(String reason, Duration retryAfter, boolean targetUnavailable) implements DeliveryResult {
        public Retry(String reason, Duration retryAfter) {
            this(reason, retryAfter, false);
        }
    }

    /** The account's credentials are invalid (e.g. Graph error 190): stop using the account until fixed. */
    record AccountInvalid(String reason) implements DeliveryResult { }

    /**
     * The platform refuses this action for good (outside the messaging window, deleted comment...); {@code reason}
     * says why and what an agent can do, and is written on the ticket.
     */
    record NotSendable(String reason) implements DeliveryResult { }

    /**
     * The person can no longer be reached in this conversation (blocked the bot, left the chat): recorded on the
     * thread, shown on the ticket, never retried.
     */
    record Unreachable(String reason) implements DeliveryResult { }

    /** Any other permanent failure (bad request). */
    record Failed(String reason) implements DeliveryResult { }

    /** The reason of a failure, or null for {@link Delivered}. */
    default String reason() {
        if (this instanceof Retry r) {
            return r.reason();
        }
        if (this instanceof AccountInvalid r) {
            return r.reason();
        }
        if (this instanceof NotSendable r) {
            return r.reason();
        }
        if (this instanceof Unreachable r) {
            return r.reason();
        }
        return this instanceof Failed r ? r.reason() : null;
    }

    /**
     * This result with {@code secret} masked in its reason: a remote error message or an exception may quote a
     * credential back, and reasons reach logs, the store and tickets.
     */
    default DeliveryResult redacted(String secret) {
        String reason = reason();
        if (reason == null || secret == null || secret.isEmpty() || !reason.contains(secret)) {
            return this;
        }
        String clean = reason.replace(secret, "****");
        if (this instanceof Retry r) {
            return new Retry(clean, r.retryAfter());
        }
        if (this instanceof AccountInvalid) {
            return new AccountInvalid(clean);
        }
        if (this instanceof NotSendable) {
            return new NotSendable(clean);
        }
        return this instanceof Unreachable ? new Unreachable(clean) : new Failed(clean);
    }
}
