package dev.socialbridge.pipeline;

import dev.socialbridge.interaction.Interaction;

/**
 * Platform outbox payload: look up on the platform what a webhook left out of an interaction (an Instagram
 * @mention carries ids only), then queue the completed interaction in the inbox under {@code dedupeKey}.
 *
 * @param dedupeKey inbox dedupe key of the completed interaction (a redelivered command queues it once)
 * @param partial   the interaction as the webhook gave it
 */
public record FetchInteractionCommand(String dedupeKey, Interaction partial) {
    public static final String TYPE = "platform.FetchInteraction";
}
