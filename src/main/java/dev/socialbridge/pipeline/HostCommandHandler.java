package dev.socialbridge.pipeline;

import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.HostException;
import dev.socialbridge.host.spi.TicketRef;
import dev.socialbridge.host.spi.TicketRequest;
import dev.socialbridge.outbox.OutboxHandler;
import dev.socialbridge.outbox.OutboxItem;
import dev.socialbridge.support.Json;
import java.util.Optional;

/**
 * Delivers host commands through the {@link HostAdapter}. Every command is idempotent on its own:
 * the ticket is found by the thread key before creating one, and messages are appended with their
 * platform message id so a retried append is not duplicated.
 */
public final class HostCommandHandler implements OutboxHandler {
    private final HostAdapter host;
    private final ThreadStore threads;

    public HostCommandHandler(HostAdapter host, ThreadStore threads) {
        this.host = host;
        this.threads = threads;
    }

    @Override
    public DeliveryResult handle(OutboxItem item) {
        try {
            return switch (item.type()) {
                case HostMessageCommand.TYPE -> message(Json.read(item.payloadJson(), HostMessageCommand.class));
                case HostUpdateCommand.TYPE -> update(Json.read(item.payloadJson(), HostUpdateCommand.class));
                default -> new DeliveryResult.Failed("unknown host command type " + item.type());
            };
        } catch (HostException e) {
            return e.retryable() ? new DeliveryResult.Retry(e.getMessage(), null) : new DeliveryResult.Failed(e.getMessage());
        }
    }

    private DeliveryResult message(HostMessageCommand cmd) {
        Optional<TicketRef> existing = host.findTicketByThread(cmd.threadKey());
        TicketRef ticket;
        if (existing.isPresent()) {
            ticket = existing.get();
            host.appendCustomerMessage(ticket, cmd.messageId(), cmd.text());
        } else {
            String contactId = host.upsertContact(cmd.contact());
            ticket = host.createTicket(new TicketRequest(cmd.queueKey(), cmd.subject(), contactId, cmd.messageId(),
                    cmd.text(), cmd.priority(), cmd.due(), cmd.fields()));
        }
        if (cmd.note() != null) {
            host.addNote(ticket, cmd.note());
        }
        threads.recordTicket(cmd.threadKey(), ticket.id(), ticket.url());
        return new DeliveryResult.Delivered(ticket.id());
    }

    private DeliveryResult update(HostUpdateCommand cmd) {
        Optional<TicketRef> ticket = host.findTicketByThread(cmd.threadKey());
        if (ticket.isEmpty()) {
            return new DeliveryResult.Retry("no ticket yet for thread " + cmd.threadKey(), null);
        }
        host.updateTicket(ticket.get(), cmd.update());
        if (cmd.note() != null) {
            host.addNote(ticket.get(), cmd.note());
        }
        return new DeliveryResult.Delivered(ticket.get().id());
    }
}
