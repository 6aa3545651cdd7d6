package dev.socialbridge.pipeline;

import dev.socialbridge.connector.Connectors;
import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.HostException;
import dev.socialbridge.host.spi.TicketRef;
import dev.socialbridge.host.spi.TicketRequest;
import dev.socialbridge.host.spi.TicketUpdate;
import dev.socialbridge.outbox.OutboxHandler;
import dev.socialbridge.outbox.OutboxItem;
import dev.socialbridge.owners.TicketOwners;
import dev.socialbridge.support.Json;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers host commands through the {@link HostAdapter}. Every command is idempotent on its own:
 * the ticket is found by the thread key before creating one, and messages are appended with their
 * platform message id so a retried append is not duplicated.
 */
public final class HostCommandHandler implements OutboxHandler {
    /**
     * Ticket fields that follow the customer's latest message (the others describe the thread's start, except the
     * last touch and campaign fields, which follow the newest campaign signal: {@link HostMessageCommand#touchFields()}).
     */
    static final java.util.List<String> LATEST_MESSAGE_FIELDS = java.util.List.of("intent", "sentiment", "language",
            "automation_status");
    private final HostAdapter host;
    private final ThreadStore threads;
    private final MediaDownloads media;
    private final java.util.function.BiConsumer<Long, String> contactWritten;
    private final java.util.function.LongFunction<java.util.Optional<Map<String, String>>> currentContactFields;
    /** Who new and moved tickets go to; null: nobody (the host's default). */
    private TicketOwners owners;

    /**
     * @param connectors    download the customers' attachments
     * @param maxMediaBytes largest attachment downloaded ({@code socialbridge.media.max-bytes})
     */
    public HostCommandHandler(HostAdapter host, ThreadStore threads, Connectors connectors, long maxMediaBytes) {
        this(host, threads, connectors, maxMediaBytes, (person, contact) -> { });
    }

    /** @param contactWritten told the host contact id of a person once its contact is written */
    public HostCommandHandler(HostAdapter host, ThreadStore threads, Connectors connectors, long maxMediaBytes,
                              java.util.function.BiConsumer<Long, String> contactWritten) {
        this(host, threads, connectors, maxMediaBytes, contactWritten, person -> java.util.Optional.empty());
    }

    /**
     * @param contactWritten       told the host contact id of a person once its contact is written
     * @param currentContactFields a person's contact fields as they are when the command is delivered (empty when
     *                             the person was merged away): commands of one person travel in the lanes of its
     *                             threads, so an older one may arrive last; it then still writes the current state
     */
    public HostCommandHandler(HostAdapter host, ThreadStore threads, Connectors connectors, long maxMediaBytes,
                              java.util.function.BiConsumer<Long, String> contactWritten,
                              java.util.function.LongFunction<java.util.Optional<Map<String, String>>> currentContactFields) {
        this.contactWritten = contactWritten;
        this.currentContactFields = currentContactFields;
        this.host = host;
        this.threads = threads;
        this.media = new MediaDownloads(connectors, maxMediaBytes);
    }

    /**
     * Gives tickets to owners by their queue's owner policy: a ticket this handler creates, and an unowned ticket an
     * update moves to another queue (when the update names no owner of its own).
     */
    public HostCommandHandler withOwners(TicketOwners ticketOwners) {
        this.owners = ticketOwners;
        return this;
    }

    @Override
    public DeliveryResult handle(OutboxItem item) {
        try {
            return switch (item.type()) {
                case HostMessageCommand.TYPE -> message(Json.read(item.payloadJson(), HostMessageCommand.class), item.attempts());
                case HostUpdateCommand.TYPE -> update(Json.read(item.payloadJson(), HostUpdateCommand.class));
                case HostAutomatedReplyCommand.TYPE -> record(Json.read(item.payloadJson(), HostAutomatedReplyCommand.class));
                case HostPersonCommand.TYPE -> person(Json.read(item.payloadJson(), HostPersonCommand.class));
                case HostProfileCommand.TYPE -> {
                    host.upsertContact(Json.read(item.payloadJson(), HostProfileCommand.class).contact());
                    yield new DeliveryResult.Delivered(null);
                }
                default -> new DeliveryResult.Failed("unknown host command type " + item.type());
            };
        } catch (HostException e) {
            return e.retryable() ? new DeliveryResult.Retry(e.getMessage(), null, e.hostUnavailable())
                    : new DeliveryResult.Failed(e.getMessage());
        }
    }

    private DeliveryResult message(HostMessageCommand cmd, int attempt) {
        MediaDownloads.Outcome files = media.download(cmd, attempt);
        if (files.retry() != null) {
            return files.retry();
        }
        String text = files.notAttached().isEmpty() ? cmd.text() : cmd.text() + "\n" + String.join("\n", files.notAttached());
        Optional<TicketRef> existing = host.findTicketByThread(cmd.threadKey());
        TicketRef ticket;
        if (existing.isPresent()) {
            ticket = existing.get();
            Map<String, String> latest = latestMessageFields(cmd.fields());
            // the author may be another person than the requestor (a second commenter in the thread)
            String author = cmd.contact() == null ? null : host.upsertContact(cmd.contact());
            host.appendCustomerMessage(ticket, author, cmd.messageId(), text, files.files(), latest);
            Map<String, String> changes = new java.util.LinkedHashMap<>(latest);
            changes.putAll(cmd.touchFields());
            if (!changes.isEmpty()) {
                host.updateTicket(ticket, TicketUpdate.fields(changes));
            }
        } else {
            String contactId = host.upsertContact(cmd.contact());
            String owner = owners == null ? null : owners.ownerFor(cmd.queueKey()).orElse(null);
            ticket = host.createTicket(new TicketRequest(cmd.queueKey(), cmd.subject(), contactId, cmd.messageId(),
                    text, cmd.priority(), cmd.due(), cmd.fields(), files.files(), owner));
        }
        if (cmd.note() != null) {
            host.addNote(ticket, cmd.note());
        }
        threads.recordTicket(cmd.threadKey(), ticket.id(), ticket.url());
        return new DeliveryResult.Delivered(ticket.id());
    }

    /** The fields that describe the customer's latest message: the ticket follows them message after message. */
    private static Map<String, String> latestMessageFields(Map<String, String> fields) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (fields != null) {
            for (String key : LATEST_MESSAGE_FIELDS) {
                if (fields.get(key) != null) {
                    out.put(key, fields.get(key));
                }
            }
        }
        return out;
    }

    /** A thread without a ticket (a fully automated exchange) has nowhere to record it: done. */
    private DeliveryResult record(HostAutomatedReplyCommand cmd) {
        Optional<TicketRef> ticket = host.findTicketByThread(cmd.threadKey());
        if (ticket.isEmpty()) {
            return new DeliveryResult.Delivered(null);
        }
        host.recordAutomatedReply(ticket.get(), cmd.messageId(), cmd.text());
        return new DeliveryResult.Delivered(ticket.get().id());
    }

    /**
     * The person's contact (its fields), then each of its tickets: the email contact as requestor, the fields, the
     * note. Retried whole: every step is idempotent (a note is not, so it goes only with a contact-less command,
     * whose steps before it cannot fail half-way).
     */
    private DeliveryResult person(HostPersonCommand cmd) {
        String contactId = null;
        if (cmd.contact() != null) {
            contactId = host.upsertContact(cmd.contact());
            Map<String, String> fields = cmd.contactFields().isEmpty() ? Map.of()
                    : currentContactFields.apply(cmd.personId()).orElse(cmd.contactFields());
            if (!fields.isEmpty()) {
                host.updateContact(contactId, fields);
            }
            contactWritten.accept(cmd.personId(), contactId);
        }
        boolean byEmail = cmd.contact() != null && cmd.contact().email() != null;
        int tickets = 0;
        for (String thread : cmd.threadKeys()) {
            Optional<TicketRef> ticket = host.findTicketByThread(thread);
            if (ticket.isEmpty()) {
                continue;
            }
            tickets++;
            if (byEmail) {
                host.setRequestor(ticket.get(), contactId);
            }
            if (!cmd.ticketFields().isEmpty()) {
                host.updateTicket(ticket.get(), TicketUpdate.fields(cmd.ticketFields()));
            }
            if (cmd.note() != null) {
                host.addNote(ticket.get(), cmd.note());
            }
        }
        return new DeliveryResult.Delivered(contactId != null ? contactId : tickets + " ticket(s)");
    }

    /**
     * An update moving an unowned ticket to a queue that gives its tickets to someone: with that owner (a turn is taken
     * only then). An update naming its own owner (an SLA escalation's) keeps it.
     */
    private TicketUpdate withQueueOwner(TicketRef ticket, TicketUpdate update) {
        if (owners == null || update.owner() != null || update.queueKey() == null || !owners.assigns(update.queueKey())
                || host.ticketOwner(ticket).isPresent()) {
            return update;
        }
        return owners.ownerFor(update.queueKey()).map(update::withOwner).orElse(update);
    }

    private DeliveryResult update(HostUpdateCommand cmd) {
        Optional<TicketRef> ticket = host.findTicketByThread(cmd.threadKey());
        if (ticket.isEmpty()) {
            return new DeliveryResult.Retry("no ticket yet for thread " + cmd.threadKey(), null);
        }
        host.updateTicket(ticket.get(), withQueueOwner(ticket.get(), cmd.update()));
        if (cmd.note() != null) {
            host.addNote(ticket.get(), cmd.note());
        }
        return new DeliveryResult.Delivered(ticket.get().id());
    }
}
