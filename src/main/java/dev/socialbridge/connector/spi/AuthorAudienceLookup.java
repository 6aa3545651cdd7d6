package dev.socialbridge.connector.spi;

import dev.socialbridge.interaction.Interaction;

/**
 * Looks up how many followers an interaction's author has, when the webhook does not say (Instagram comments
 * carry only the username). Rules such as "followers ≥ threshold → VIP & Partners" need it. Called from the
 * platform outbox: one attempt per call, the outbox owns retries.
 */
public interface AuthorAudienceLookup {

    /** Whether the author of {@code interaction} can be looked up (platform, and a username to look up). */
    boolean canLookUp(Interaction interaction);

    /** One lookup attempt. */
    AudienceResult lookUp(Interaction interaction);

    /** Outcome of one lookup. */
    sealed interface AudienceResult {
        /** The platform gave the author's follower count. */
        record Found(long followers) implements AudienceResult { }

        /** The platform has no audience data for this author (e.g. a personal account): do not ask again soon. */
        record Unavailable(String reason) implements AudienceResult { }

        /** Not looked up this time; {@code status} says whether to retry or that the account is invalid. */
        record NotLookedUp(DeliveryResult status) implements AudienceResult { }
    }
}
