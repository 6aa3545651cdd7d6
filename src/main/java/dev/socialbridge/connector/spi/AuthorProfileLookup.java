package dev.socialbridge.connector.spi;

import dev.socialbridge.interaction.Interaction;

/**
 * Looks up who an interaction's author is (name, username) when the webhook names only an id: a Messenger PSID,
 * an Instagram IGSID in a DM. Called from the platform outbox, never from a webhook request: one attempt per call,
 * the outbox owns retries.
 */
public interface AuthorProfileLookup {

    /** Whether the author of {@code interaction} can be looked up (platform, kind, an id to look up). */
    boolean canLookUpProfile(Interaction interaction);

    /** One lookup attempt. */
    ProfileResult lookUpProfile(Interaction interaction);

    /** Outcome of one lookup. */
    sealed interface ProfileResult {
        /**
         * The platform named the author.
         *
         * @param displayName first and last name or full name, or null
         * @param handle      username without '@', or null
         */
        record Found(String displayName, String handle) implements ProfileResult { }

        /** The platform will not name this author (no permission, user gone): do not ask again soon. */
        record Unavailable(String reason) implements ProfileResult { }

        /** Not looked up this time (timeout, rate limit, invalid account); {@code status} says which. */
        record NotLookedUp(DeliveryResult status) implements ProfileResult { }
    }
}
