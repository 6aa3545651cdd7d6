package dev.socialbridge.pipeline;

import dev.socialbridge.interaction.Interaction;

/**
 * Platform outbox payload: look up the follower count of an interaction's author (the webhook does not carry
 * it and a follower rule needs it), cache it, then queue the interaction again in the inbox under
 * {@code dedupeKey}, with the count when found. The interaction is queued again in every case, even when the
 * lookup keeps failing: a lookup may delay an interaction by at most {@link #MAX_WAIT_SECONDS}, never lose it.
 *
 * @param dedupeKey   inbox dedupe key of the interaction to queue again
 * @param interaction the interaction as received
 */
public record LookUpAuthorCommand(String dedupeKey, Interaction interaction) {
    public static final String TYPE = "platform.LookUpAuthor";
    /** After this long (or on the last attempt) the interaction goes on without the count. */
    public static final long MAX_WAIT_SECONDS = 120;
}
