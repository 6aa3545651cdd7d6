package dev.socialbridge.host.spi;

import java.time.Instant;
import java.util.List;
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
 * @param attachments files the customer sent with the first message, possibly empty
 * @param owner       the host login the ticket goes to, or null for nobody; an owner the host refuses leaves the
 *                    ticket unowned (logged), it never fails the creation
 */
public record TicketRequest(String queueKey, String subject, String contactId, String firstMessageId, String body,
                            Integer priority, Instant due, Map<String, String> fields, List<HostAttachment> attachments,
                            String owner) {
    public TicketRequest {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** An unowned ticket. */
    public TicketRequest(String queueKey, String subject, String contactId, String firstMessageId, String body,
                         Integer priority, Instant due, Map<String, String> fields, List<HostAttachment> attachments) {
        this(queueKey, subject, contactId, firstMessageId, body, priority, due, fields, attachments, null);
    }

    /** A ticket whose first message has no attachment. */
    public TicketRequest(String queueKey, String subject, String contactId, String firstMessageId, String body,
                         Integer priority, Instant due, Map<String, String> fields) {
        this(queueKey, subject, contactId, firstMessageId, body, priority, due, fields, List.of());
    }
}
