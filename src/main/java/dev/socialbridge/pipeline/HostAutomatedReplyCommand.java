package dev.socialbridge.pipeline;

/**
 * Host outbox payload: record on the thread's ticket a message automation sent to the customer (once the platform
 * took it), so that the ticket shows the whole exchange.
 *
 * @param threadKey the thread
 * @param messageId the id it is recorded under (idempotency), e.g. {@code sent:instagram:<platform message id>}
 * @param text      what the customer received
 */
public record HostAutomatedReplyCommand(String threadKey, String messageId, String text) {
    public static final String TYPE = "host.automated-reply";
}
