package dev.socialbridge.pipeline;

import dev.socialbridge.interaction.Interaction;

/**
 * Platform outbox payload: look up the name of an interaction's author (the webhook named only an id), cache it,
 * then queue the interaction again in the inbox under {@code dedupeKey}, with the name when found. One attempt: the
 * interaction is queued again whatever the outcome, so its ticket is created with the id when the platform does
 * not answer in time; a {@link RetryProfileCommand} then fills the name in later.
 *
 * @param dedupeKey   inbox dedupe key of the interaction to queue again
 * @param interaction the interaction as received
 */
public record LookUpProfileCommand(String dedupeKey, Interaction interaction) {
    public static final String TYPE = "platform.LookUpProfile";
}
