package dev.socialbridge.host.spi;

import java.time.Instant;
import java.util.Map;

/**
 * Changes to a ticket; null members are left unchanged, {@code fields} may be empty; an empty field value clears
 * the field.
 *
 * @param owner the host login of the person the ticket goes to (an SLA escalation), or null
 */
public record TicketUpdate(String queueKey, Integer priority, Instant due, String status, Map<String, String> fields,
                           String owner) {

    public TicketUpdate(String queueKey, Integer priority, Instant due, String status, Map<String, String> fields) {
        this(queueKey, priority, due, status, fields, null);
    }

    public static TicketUpdate fields(Map<String, String> fields) {
        return new TicketUpdate(null, null, null, null, fields);
    }
}
