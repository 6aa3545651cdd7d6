package dev.socialbridge.pipeline;

import dev.socialbridge.host.spi.ContactUpsert;
import dev.socialbridge.outbox.OutboxCommand;
import dev.socialbridge.outbox.OutboxStore;
import dev.socialbridge.people.ContactFields;
import dev.socialbridge.people.People;
import dev.socialbridge.people.Person;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Queues the host updates of a person ({@link HostPersonCommand}): its contact when its details, touches or score
 * changed; its tickets when it converts.
 */
public final class PersonUpdates {
    private PersonUpdates() {
    }

    /**
     * Queues, in the caller's transaction, the person's contact fields (by email when known, else through
     * {@code identity}) and its tickets' requestor and contact fields: every ticket of the person when its details
     * changed (a new email or phone, a merge), else only the ticket of {@code threadKey} (a frequent customer's next
     * message costs one ticket, not all of them).
     *
     * @param threadKey the message's thread: the command goes in its host lane, after the thread's ticket is created
     */
    static void enqueue(Connection conn, OutboxStore outbox, People people, String dedupeKey, String threadKey,
                        People.Outcome outcome, ContactUpsert identity, Instant now) throws SQLException {
        Person person = outcome.person();
        java.util.List<String> tickets = outcome.detailsChanged() ? people.threads(conn, person.id())
                : person.email() != null || person.phone() != null ? java.util.List.of(threadKey) : java.util.List.of();
        HostPersonCommand cmd = new HostPersonCommand(person.id(), identity.withDetails(person.email(), person.phone()),
                ContactFields.contact(person, people.touch(conn, person.firstTouchId()).orElse(null),
                        people.touch(conn, person.lastTouchId()).orElse(null)),
                ContactFields.ticket(person), tickets, null);
        outbox.enqueue(conn, new OutboxCommand(dedupeKey, threadKey + "|host", OutboxCommand.HOST, HostPersonCommand.TYPE,
                cmd), now);
    }

    /**
     * The host updates of a conversion: per thread of the person, in the thread's host lane, its ticket's conversion
     * value and note (dedupe key {@code conversion:<id>#<thread>}).
     */
    public static dev.socialbridge.people.Conversions.TicketUpdates conversions(OutboxStore outbox) {
        return (c, id, person, thread, fields, note, now) -> outbox.enqueue(c, new OutboxCommand("conversion:" + id + "#"
                + thread, thread + "|host", OutboxCommand.HOST, HostPersonCommand.TYPE, new HostPersonCommand(person.id(),
                null, java.util.Map.of(), fields, java.util.List.of(thread), note)), now);
    }
}
