package dev.socialbridge.pipeline;

import dev.socialbridge.host.spi.ContactUpsert;
import java.time.Instant;
import java.util.Map;

/**
 * Outbox payload: put one customer message into the thread's host ticket, creating the ticket (in
 * {@code queueKey}, with priority, due time and attribution fields) when the thread has none yet.
 */
public record HostMessageCommand(String threadKey, String queueKey, Integer priority, Instant due, String subject,
                                 ContactUpsert contact, String messageId, String text, Map<String, String> fields,
                                 String note) {
    public static final String TYPE = "host.message";
}
