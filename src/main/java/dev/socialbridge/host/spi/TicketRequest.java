package dev.socialbridge.host.spi;

import java.time.Instant;
import java.util.Map;

/**
 * A ticket to create.
 *
 * @param queueKey    descriptor queue key (hot_leads, support, ...)
 * @param subject     subject line (the host may truncate)
 * @param contactId   host contact id from {@link HostAdapter#upsertContact}
 * @param firstMessageId platform id of the first message (for per-message idempotency)
 * @param body        first customer message
 * @param priority    0-100, or null for the queue default
 * @param due         due time, or null for the host/SLA default
 * @param fields      descriptor-keyed attribution fields; must contain {@code thread_key}
 */
public record TicketRequest(String queueKey, String subject, String contactId, String firstMessageId, String body,
                            Integer priority, Instant due, Map<String, String> fields) {
}
