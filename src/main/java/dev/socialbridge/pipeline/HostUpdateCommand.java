package dev.socialbridge.pipeline;

import dev.socialbridge.host.spi.TicketUpdate;

/** Outbox payload: change the thread's ticket (queue, priority, due, fields) and optionally add a note. */
public record HostUpdateCommand(String threadKey, TicketUpdate update, String note) {
    public static final String TYPE = "host.update";
}
