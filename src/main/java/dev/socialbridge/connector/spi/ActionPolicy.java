package dev.socialbridge.connector.spi;

import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.interaction.ReplyChannel;
import dev.socialbridge.interaction.TextLimit;
import java.util.Optional;

/**
 * What automation may do with an interaction on a connector's platforms, asked before anything is planned, so
 * that a rule asking for something the platform does not offer is audited as not applicable with the reason
 * (no private reply on Telegram, an Instagram @mention can only be answered under the mention...). Pure and
 * thread-safe: depends on the platform, never on configuration or I/O.
 */
public interface ActionPolicy {

    /**
     * Why {@code channel} cannot carry a reply to {@code interaction}, or empty when it can.
     *
     * @param channel already resolved for the interaction's kind ({@link ReplyChannel#on})
     */
    Optional<String> replyRefusal(Interaction interaction, ReplyChannel channel);

    /** The longest text {@code channel} takes on {@code platform}. */
    TextLimit textLimit(Platform platform, ReplyChannel channel);

    /** Why {@code interaction} cannot be hidden, or empty when it can. */
    Optional<String> hideRefusal(Interaction interaction);

    /**
     * Why a file of {@code mimeType} cannot be sent over {@code channel} in a thread whose latest customer item is of
     * {@code kind}, or empty when it can ({@link OutboundMessage#media}). By default no file can be sent.
     */
    default Optional<String> mediaRefusal(Platform platform, dev.socialbridge.interaction.InteractionKind kind,
                                          ReplyChannel channel, String mimeType) {
        return Optional.of(platform.id() + " replies take text only here");
    }

    /** How many quick-reply buttons a message may offer on {@code platform} (0: none). */
    default int maxQuickReplies(Platform platform) {
        return 0;
    }
}
