package dev.socialbridge.host.spi;

import dev.socialbridge.descriptor.Descriptor;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plugin's view of the host helpdesk/CRM (Request Tracker, HubSpot, ...). The host owns the
 * business records (contacts, tickets/leads) and their UI; the plugin only writes through this SPI.
 *
 * <p>Field maps are keyed by the descriptor's stable field keys (e.g. {@code social_channel});
 * the adapter maps them to the host's own names. Queues are named by descriptor queue keys
 * (e.g. {@code hot_leads}).
 *
 * <p>Threading: implementations are thread-safe. Errors: methods throw {@link HostException}
 * (with {@link HostException#retryable()}) when the host cannot be reached or refuses the call.
 */
public interface HostAdapter extends AutoCloseable {

    /** Host type id, e.g. {@code rt}. */
    String type();

    /** Computes what {@link #install} would do, changing nothing. */
    ProvisioningPlan plan(Descriptor descriptor);

    /** Creates what the plan says is missing; never deletes or changes admin data. Idempotent. */
    ProvisioningPlan install(Descriptor descriptor);

    /** What {@link #uninstall} would remove, changing nothing. */
    default ProvisioningPlan uninstallPlan(Descriptor descriptor) {
        return new ProvisioningPlan(List.of());
    }

    /**
     * Removes what {@link #install} added to the host's workplace for the descriptor's queues: how the host shows and
     * organizes the plugin's records (RT: field groupings, priority names, page callbacks), never the records
     * themselves: tickets, queues, fields and their values stay. Each step says what was removed, was already absent,
     * or could not be removed (CONFLICT, with what to do). Idempotent; {@link #install} puts it all back. By default
     * hosts that add nothing beyond the descriptor's objects remove nothing.
     *
     * @throws HostException when the host cannot be reached
     */
    default ProvisioningPlan uninstall(Descriptor descriptor) {
        return new ProvisioningPlan(List.of());
    }

    /** Checks connectivity, credentials, rights and provisioned objects; returns every problem found. */
    List<HostProblem> verify(Descriptor descriptor);

    /** Cheap reachability + auth probe for readiness checks. */
    HostHealth health();

    /** Finds or creates the host contact for a social author; returns its host id. */
    String upsertContact(ContactUpsert contact);

    /**
     * Sets fields of a host contact ({@code contactId} from {@link #upsertContact}): descriptor keys of fields that
     * apply to users (e.g. {@code contact_first_touch}); keys the descriptor does not declare are skipped, an empty
     * value clears a field. Idempotent. By default hosts without contact fields ignore it.
     *
     * @throws HostException when the host cannot be reached or refuses the change
     */
    default void updateContact(String contactId, Map<String, String> fields) {
    }

    /**
     * Makes {@code contactId} the ticket's requestor in place of the ones it had (the person's contact by email when
     * the ticket was opened by one of its social identities). Idempotent. By default hosts without requestors ignore
     * it.
     *
     * @throws HostException when the host cannot be reached or refuses the change
     */
    default void setRequestor(TicketRef ticket, String contactId) {
    }

    /**
     * The logins of the enabled users who are members of host group {@code group} (directly or through its
     * subgroups), in any order: the candidates of a round-robin owner. Empty when the group does not exist or has no
     * enabled member; by default hosts without groups have none.
     *
     * @throws HostException when the host cannot be reached
     */
    default List<String> groupMembers(String group) {
        return List.of();
    }

    /**
     * The login of the person who owns the ticket; empty when nobody does (RT's Nobody). By default hosts without
     * owners say nobody.
     */
    default Optional<String> ticketOwner(TicketRef ticket) {
        return Optional.empty();
    }

    /** Finds the ticket holding a social thread, by the thread key field. */
    Optional<TicketRef> findTicketByThread(String threadKey);

    /** Creates a ticket; returns the (verified) ticket. Must be called only after findTicketByThread. */
    TicketRef createTicket(TicketRequest request);

    /**
     * Appends a customer message to a ticket as correspondence from the requestor, with the files the customer
     * sent. Idempotent on {@code messageId}: an already appended message is not appended twice.
     */
    void appendCustomerMessage(TicketRef ticket, String messageId, String text, List<HostAttachment> attachments);

    /**
     * {@link #appendCustomerMessage(TicketRef, String, String, List)}, recording with the message what describes it
     * ({@code messageFields}: descriptor keys of ticket fields, e.g. intent, sentiment, language) where the host can
     * keep fields per message; by default they are not recorded.
     */
    default void appendCustomerMessage(TicketRef ticket, String messageId, String text, List<HostAttachment> attachments,
                                       Map<String, String> messageFields) {
        appendCustomerMessage(ticket, messageId, text, attachments);
    }

    /**
     * {@link #appendCustomerMessage(TicketRef, String, String, List, Map)} written by the contact who sent it
     * ({@code contactId} from {@link #upsertContact}; in a comment thread it may be another person than the
     * ticket's requestor), where the host can record a message's author; by default the adapter's own user
     * writes it.
     */
    default void appendCustomerMessage(TicketRef ticket, String contactId, String messageId, String text,
                                       List<HostAttachment> attachments, Map<String, String> messageFields) {
        appendCustomerMessage(ticket, messageId, text, attachments, messageFields);
    }

    /** {@link #appendCustomerMessage(TicketRef, String, String, List)} without attachments. */
    default void appendCustomerMessage(TicketRef ticket, String messageId, String text) {
        appendCustomerMessage(ticket, messageId, text, List.of());
    }

    /**
     * Records on the ticket a message automation sent to the customer, as the host's bot user when there is one (so
     * the history shows the exchange and the host's response tracking is right), else as an internal note.
     * Idempotent on {@code messageId}. Never read back as an agent's reply.
     */
    void recordAutomatedReply(TicketRef ticket, String messageId, String text);

    /** Adds an internal note (not sent to the customer). */
    void addNote(TicketRef ticket, String text);

    /**
     * Updates queue, priority, due date and/or fields of a ticket (nulls are left unchanged), and gives it to
     * {@link TicketUpdate#owner()} when nobody owns it. An owner the host refuses (no right to own tickets in the
     * queue, a disabled or unknown user) leaves the ticket unowned and is logged, without failing the update.
     */
    void updateTicket(TicketRef ticket, TicketUpdate update);

    /**
     * Tickets whose descriptor field {@code fieldKey} equals {@code value} (oldest first, at most
     * {@code limit}): how the plugin picks up decisions agents make in the host, e.g. an unhide request.
     */
    List<TicketRef> findTicketsByField(String fieldKey, String value, int limit);

    /**
     * What people did in the host after {@code position}: agents' replies to customers and tickets closed, oldest
     * first, at most {@code limit} records looked at. Records the plugin wrote itself (customer messages, notes) are
     * skipped but still move the returned position. Read-only and repeatable: the caller stores the position.
     */
    HostEvents eventsAfter(long position, int limit);

    /** The position of the host's latest record: where a first read starts, so that history is not replayed. */
    long latestPosition();

    /** The content of a file an agent attached ({@link HostFile#id()}), if the host still has it. */
    default Optional<HostAttachment> downloadFile(String id) {
        return Optional.empty();
    }

    /** The host's web sessions, when it can tell the plugin who is logged in to it (the report page). */
    default java.util.Optional<HostSessions> sessions() {
        return java.util.Optional.empty();
    }

    /** Reads the current descriptor-keyed field values of a ticket. */
    Map<String, String> readFields(TicketRef ticket);

    @Override
    default void close() {
    }
}
