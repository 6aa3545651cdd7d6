package dev.socialbridge.pipeline;

import dev.socialbridge.interaction.Interaction;

/**
 * Platform outbox payload: look up the follower count of an interaction's author (the webhook does not carry
 * it and a follower rule needs it), cache it, then queue the interaction again in the inbox under
 * {@code dedupeKey}, with the count when found. One attempt: the interaction is queued again whatever the
 * lookup's outcome, so a lookup delays an interaction by one platform call at most and never loses it.
 *
 * @param dedupeKey   inbox dedupe key of the interaction to queue again
 * @param interaction the interaction as received
 */
public record LookUpAuthorCommand(String dedupeKey, Interaction interaction) {
    public static final String TYPE = "platform.LookUpAuthor";
}
