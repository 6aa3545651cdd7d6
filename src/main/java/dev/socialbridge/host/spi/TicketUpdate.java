package dev.socialbridge.host.spi;

import java.time.Instant;
import java.util.Map;

/** Changes to a ticket; null members are left unchanged, {@code fields} may be empty. */
public record TicketUpdate(String queueKey, Integer priority, Instant due, String status, Map<String, String> fields) {
    public static TicketUpdate fields(Map<String, String> fields) {
        return new TicketUpdate(null, null, null, null, fields);
    }
}
