package dev.socialbridge.host.spi;

/**
 * A host ticket.
 *
 * @param id  host ticket id
 * @param url URL an agent opens to see it in the host UI
 */
public record TicketRef(String id, String url) {
}
