package dev.socialbridge.pipeline;

import dev.socialbridge.host.spi.ContactUpsert;

/**
 * Host outbox payload: the platform named a customer after their ticket was created. The contact of the social
 * identity gets the name (in RT the user's RealName); the ticket subject is left as it is, since an agent may have
 * edited it by then. Idempotent.
 *
 * @param contact the social identity with its name and username
 */
public record HostProfileCommand(ContactUpsert contact) {
    public static final String TYPE = "host.profile";
}
