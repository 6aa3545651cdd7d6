package dev.socialbridge.host.spi;

import java.time.Instant;
import java.util.Map;

/**
 * Changes to a ticket; null members are left unchanged, {@code fields} may be empty; an empty field value clears
 * the field.
 *
 * @param owner the host login of the person the ticket goes to when nobody owns it (a person's ticket keeps its
 *              owner): an SLA escalation's owner, or the owner policy of the queue it moves to; null: unchanged
 */
public record TicketUpdate(String queueKey, Integer priority, Instant due, String status, Map<String, String> fields,
                           String owner) {

    public TicketUpdate(String queueKey, Integer priority, Instant due, String status, Map<String, String> fields) {
        this(queueKey, priority, due, status, fields, null);
    }

    /** This update giving the ticket to {@code login} when nobody owns it. */
    public TicketUpdate withOwner(String login) {
        return new TicketUpdate(queueKey, priority, due, status, fields, login);
    }

    public static TicketUpdate fields(Map<String, String> fields) {
        return new TicketUpdate(null, null, null, null, fields);
    }
}
