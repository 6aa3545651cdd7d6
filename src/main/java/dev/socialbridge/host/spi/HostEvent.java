package dev.socialbridge.host.spi;

import java.time.Instant;

/**
 * Something a person did in the host that the plugin acts on, in the host's own order ({@link #position()}
 * increases). Read with {@link HostAdapter#eventsAfter}.
 */
public sealed interface HostEvent {

    /** Where the event sits in the host's history: the cursor to resume after. */
    long position();

    /** The ticket it happened on. */
    TicketRef ticket();

    /**
     * An agent replied to the customer on the ticket (correspondence, not an internal comment).
     *
     * @param author the agent's host login
     * @param text   the reply as the agent wrote it (plain text)
     * @param files  the files the agent attached, in order
     */
    record AgentReply(long position, TicketRef ticket, String author, String text, java.util.List<HostFile> files,
                      Instant at) implements HostEvent {
        public AgentReply {
            files = files == null ? java.util.List.of() : java.util.List.copyOf(files);
        }
    }

    /**
     * An agent asked for a moderation action on the ticket's thread by setting its moderation status field to
     * {@code <action>_requested}.
     *
     * @param action one of {@link #MODERATION_ACTIONS}
     * @param author the agent's host login
     */
    record ModerationRequested(long position, TicketRef ticket, String action, String author, Instant at)
            implements HostEvent { }

    /** What an agent can ask of the platform from a ticket: hide, unhide or delete the comment, block its author. */
    java.util.List<String> MODERATION_ACTIONS = java.util.List.of("hide", "unhide", "delete", "block");

    /**
     * A person changed a label the classifier set on the ticket: a correction the classifier learns from.
     *
     * @param field    {@link #CORRECTABLE_FIELDS}: the descriptor key of the field
     * @param oldValue the value before (the classifier's, unless a person changed it before)
     * @param newValue the value the person chose (empty when they cleared it)
     * @param author   the person's host login
     */
    record LabelCorrected(long position, TicketRef ticket, String field, String oldValue, String newValue, String author,
                          Instant at) implements HostEvent { }

    /** The ticket fields whose change by a person is a {@link LabelCorrected}: the classifier's intent and sentiment. */
    java.util.List<String> CORRECTABLE_FIELDS = java.util.List.of("intent", "sentiment");

    /** The ticket was resolved or otherwise closed ({@code status} as the host names it). */
    record TicketClosed(long position, TicketRef ticket, String status, Instant at) implements HostEvent { }

    /**
     * The ticket moved to a status that does not close it (e.g. {@code stalled}: waiting on the customer, which
     * pauses the SLA clocks; {@code open} again).
     */
    record StatusChanged(long position, TicketRef ticket, String status, Instant at) implements HostEvent { }
}
