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
import dev.socialbridge.host.spi.ContactUpsert;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.TicketRef;
import dev.socialbridge.host.spi.TicketUpdate;
import dev.socialbridge.outbox.OutboxItem;
import dev.socialbridge.outbox.OutboxStatus;
import dev.socialbridge.support.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The host side of a person: contact fields, the email contact as requestor of its tickets, conversion notes. */
class HostPersonCommandTest {
    private final HostAdapter host = mock(HostAdapter.class);
    private final List<String> written = new ArrayList<>();
    private final HostCommandHandler handler = new HostCommandHandler(host, null, null, 0,
            (person, contact) -> written.add(person + "=" + contact));
    private final TicketRef t1 = new TicketRef("11", "u1");

    private DeliveryResult handle(HostPersonCommand cmd) {
        return handler.handle(new OutboxItem(1, "k", "lane", "host", HostPersonCommand.TYPE, Json.write(cmd),
                OutboxStatus.PENDING, 0, Instant.now(), null, null, Instant.now()));
    }

    @Test
    void anEmailContactBecomesTheRequestorOfEachTicketOfThePerson() {
        ContactUpsert contact = new ContactUpsert("messenger", "70", null, "Jane", "jane@example.com", "+33612345678");
        when(host.upsertContact(contact)).thenReturn("501");
        when(host.findTicketByThread("ig:t1")).thenReturn(Optional.of(t1));
        when(host.findTicketByThread("fb:t2")).thenReturn(Optional.empty());
        DeliveryResult r = handle(new HostPersonCommand(7, contact, Map.of("contact_first_touch", "instagram:ref:bf x"),
                Map.of("contact_email", "jane@example.com"), List.of("ig:t1", "fb:t2"), null));
        assertInstanceOf(DeliveryResult.Delivered.class, r);
        verify(host).updateContact("501", Map.of("contact_first_touch", "instagram:ref:bf x"));
        verify(host).setRequestor(t1, "501");
        verify(host).updateTicket(t1, TicketUpdate.fields(Map.of("contact_email", "jane@example.com")));
        verify(host, never()).addNote(any(), anyString());
        assertEquals(List.of("7=501"), written);
    }

    @Test
    void aSocialContactKeepsTheRequestorsAndAConversionOnlyNotesTheTicket() {
        ContactUpsert social = new ContactUpsert("instagram", "1", "jane", null);
        when(host.upsertContact(social)).thenReturn("400");
        when(host.findTicketByThread("ig:t1")).thenReturn(Optional.of(t1));
        handle(new HostPersonCommand(7, social, Map.of(), Map.of(), List.of("ig:t1"), null));
        verify(host, never()).setRequestor(any(), anyString());
        verify(host, never()).updateContact(anyString(), any());

        handle(new HostPersonCommand(7, null, Map.of(), Map.of("conversion_value", "129.00 EUR"), List.of("ig:t1"),
                "Conversion: 129.00 EUR (order A-1)"));
        verify(host).updateTicket(t1, TicketUpdate.fields(Map.of("conversion_value", "129.00 EUR")));
        verify(host).addNote(t1, "Conversion: 129.00 EUR (order A-1)");
        assertEquals(List.of("7=400"), written);
    }

    @Test
    void aCommandDeliveredAfterANewerOneWritesThePersonsCurrentFieldsNotItsOwn() {
        HostCommandHandler current = new HostCommandHandler(host, null, null, 0, (person, contact) -> { },
                person -> Optional.of(Map.of("contact_last_touch", "messenger:ref:second")));
        ContactUpsert contact = new ContactUpsert("instagram", "1", "jane", null, "jane@example.com", null);
        when(host.upsertContact(contact)).thenReturn("501");
        HostPersonCommand stale = new HostPersonCommand(7, contact, Map.of("contact_last_touch", "instagram:ref:first"),
                Map.of(), List.of(), null);
        current.handle(new OutboxItem(1, "k", "lane", "host", HostPersonCommand.TYPE, Json.write(stale),
                OutboxStatus.PENDING, 0, Instant.now(), null, null, Instant.now()));
        verify(host).updateContact("501", Map.of("contact_last_touch", "messenger:ref:second"));
    }
}
