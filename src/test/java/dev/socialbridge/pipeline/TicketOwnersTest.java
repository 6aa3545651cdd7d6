package dev.socialbridge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.QueueDef;
import dev.socialbridge.host.spi.ContactUpsert;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.TicketRef;
import dev.socialbridge.host.spi.TicketRequest;
import dev.socialbridge.host.spi.TicketUpdate;
import dev.socialbridge.outbox.OutboxItem;
import dev.socialbridge.outbox.OutboxStatus;
import dev.socialbridge.owners.OwnerRotationStore;
import dev.socialbridge.owners.TicketOwners;
import dev.socialbridge.store.Database;
import dev.socialbridge.support.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Owners as the host command handler gives them: a new ticket gets its queue's owner (in turn, for a round-robin), an
 * unowned ticket moved to another queue gets that queue's, a ticket a person owns keeps its owner, and a group with no
 * one in it leaves tickets unowned.
 */
class TicketOwnersTest {
    private final Database db = Database.open("jdbc:h2:mem:owners-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null,
            null, 2);
    private final HostAdapter host = mock(HostAdapter.class);
    private final Descriptor descriptor = new Descriptor("d", "1.0.0", List.of(), List.of(), List.of(
            new QueueDef("hot_leads", "Hot", null, 80, new QueueDef.Sla(15, 30), QueueDef.Owner.roundRobinGroup("Sales")),
            new QueueDef("vip_partners", "VIP", null, 90, new QueueDef.Sla(15, 30), QueueDef.Owner.user("lead.alice")),
            new QueueDef("general", "General", null, 20, new QueueDef.Sla(60, 240))), List.of());
    private final HostCommandHandler handler = new HostCommandHandler(host, new ThreadStore(db), null, 0)
            .withOwners(new TicketOwners(descriptor, host, new OwnerRotationStore(db, Clock.systemUTC())));
    private final TicketRef ticket = new TicketRef("42", "u");

    @AfterEach
    void close() {
        db.close();
    }

    private DeliveryResult handle(String type, Object payload) {
        return handler.handle(new OutboxItem(1, "k", "lane", "host", type, Json.write(payload), OutboxStatus.PENDING, 0,
                Instant.now(), null, null, Instant.now()));
    }

    /** Creates a ticket for a new thread in {@code queue}; returns the owner the request asked for. */
    private String create(String queue, int n) {
        when(host.findTicketByThread("t" + n)).thenReturn(Optional.empty());
        when(host.upsertContact(any())).thenReturn("39");
        when(host.createTicket(any())).thenReturn(new TicketRef("" + n, "u"));
        handle(HostMessageCommand.TYPE, new HostMessageCommand("t" + n, queue, null, null, "s",
                new ContactUpsert("instagram", "1", "jane", null), "m" + n, "hi", Map.of("thread_key", "t" + n), null,
                null, null, List.of(), Map.of()));
        ArgumentCaptor<TicketRequest> request = ArgumentCaptor.forClass(TicketRequest.class);
        verify(host, org.mockito.Mockito.atLeastOnce()).createTicket(request.capture());
        return request.getValue().owner();
    }

    @Test
    void newHotLeadsGoToTheSalesGroupInTurn() {
        when(host.groupMembers("Sales")).thenReturn(List.of("bob", "ann"));
        List<String> owners = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            owners.add(create("hot_leads", n));
        }

        assertEquals(List.of("ann", "bob", "ann", "bob"), owners);
    }

    @Test
    void aQueueWithAFixedOwnerAlwaysGivesItAndOneWithoutNone() {
        assertEquals("lead.alice", create("vip_partners", 1));
        assertEquals(null, create("general", 2));
        verify(host, never()).groupMembers(anyString());
    }

    @Test
    void anEmptyOrMissingGroupLeavesTheTicketUnowned() {
        when(host.groupMembers("Sales")).thenReturn(List.of());

        assertEquals(null, create("hot_leads", 1));
    }

    @Test
    void anUnownedTicketMovedToHotLeadsGetsTheNextSalesPerson() {
        when(host.groupMembers("Sales")).thenReturn(List.of("ann", "bob"));
        when(host.findTicketByThread("t1")).thenReturn(Optional.of(ticket));
        when(host.ticketOwner(ticket)).thenReturn(Optional.empty());

        assertInstanceOf(DeliveryResult.Delivered.class, handle(HostUpdateCommand.TYPE, new HostUpdateCommand("t1",
                new TicketUpdate("hot_leads", 80, null, null, Map.of()), null)));

        verify(host).updateTicket(ticket, new TicketUpdate("hot_leads", 80, null, null, Map.of(), "ann"));
    }

    @Test
    void aTicketAPersonOwnsIsMovedWithoutTakingATurn() {
        when(host.groupMembers("Sales")).thenReturn(List.of("ann", "bob"));
        when(host.findTicketByThread("t1")).thenReturn(Optional.of(ticket));
        when(host.ticketOwner(ticket)).thenReturn(Optional.of("carol"));

        handle(HostUpdateCommand.TYPE, new HostUpdateCommand("t1", new TicketUpdate("hot_leads", 80, null, null, Map.of()), null));

        verify(host).updateTicket(ticket, new TicketUpdate("hot_leads", 80, null, null, Map.of()));
        assertEquals("ann", create("hot_leads", 2), "no turn was taken by the owned ticket");
    }

    @Test
    void anEscalationNamingItsOwnerKeepsIt() {
        when(host.findTicketByThread("t1")).thenReturn(Optional.of(ticket));
        TicketUpdate escalation = new TicketUpdate("hot_leads", 95, null, null, Map.of(), "lead.zoe");

        handle(HostUpdateCommand.TYPE, new HostUpdateCommand("t1", escalation, null));

        verify(host).updateTicket(ticket, escalation);
        verify(host, never()).groupMembers(anyString());
    }
}
