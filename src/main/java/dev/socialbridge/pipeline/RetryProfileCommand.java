package dev.socialbridge.pipeline;

import dev.socialbridge.interaction.Interaction;

/**
 * Platform outbox payload: a {@link LookUpProfileCommand} could not reach the platform (timeout, server error, rate
 * limit) and the interaction went on with the author's id. Retried by the outbox, in a lane of its own so that it
 * holds back no reply, at most {@link ProfileLookups#MAX_RETRIES} times; once the platform names the author the
 * name is cached and a {@link HostProfileCommand} gives it to the host contact.
 *
 * @param interaction the interaction whose author to look up
 */
public record RetryProfileCommand(Interaction interaction) {
    public static final String TYPE = "platform.RetryProfile";
}
