package dev.socialbridge.pipeline;

import dev.socialbridge.host.spi.ContactUpsert;
import java.util.List;
import java.util.Map;

/**
 * Outbox payload: bring a person's host contact and tickets up to date. The contact (by email when the person gave
 * one, else the social identity) gets {@code contactFields}; each ticket of {@code threadKeys} gets that contact as
 * requestor when it is an email contact, then {@code ticketFields} and {@code note}. Threads without a ticket are
 * skipped. Idempotent.
 *
 * @param personId      the person ({@code person.id})
 * @param contact       the contact to find or create, or null to leave contacts alone (a conversion's note)
 * @param contactFields descriptor keys of user fields (first and last touch, lead score)
 * @param ticketFields  descriptor keys of ticket fields (email and phone given, conversion value)
 * @param threadKeys    the person's threads
 * @param note          an internal note for each of those tickets, or null
 */
public record HostPersonCommand(long personId, ContactUpsert contact, Map<String, String> contactFields,
                                Map<String, String> ticketFields, List<String> threadKeys, String note) {
    public static final String TYPE = "host.person";

    public HostPersonCommand {
        contactFields = contactFields == null ? Map.of() : Map.copyOf(contactFields);
        ticketFields = ticketFields == null ? Map.of() : Map.copyOf(ticketFields);
        threadKeys = threadKeys == null ? List.of() : List.copyOf(threadKeys);
    }
}
