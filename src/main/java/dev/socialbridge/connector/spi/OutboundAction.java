package dev.socialbridge.connector.spi;

import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.interaction.ReplyChannel;
import java.util.Objects;

/**
 * Something to do on a social platform on behalf of one of our connected accounts. Platform-neutral: each
 * connector's {@link PlatformClient} maps it to its own calls (a public reply to an Instagram @mention goes
 * under the mention, a DM on Telegram is a {@code sendMessage} in the chat...). Plain immutable records, so
 * that they can be stored in the outbox as JSON.
 */
public sealed interface OutboundAction {

    Platform platform();

    /** Our connected account that acts (Page id, IG account id, WhatsApp phone number id, Telegram bot name). */
    String accountId();

    /**
     * A reply to an interaction over a {@link ReplyChannel}.
     *
     * @param channel already resolved for the interaction's kind ({@link ReplyChannel#on})
     */
    record Reply(Platform platform, String accountId, ReplyChannel channel, ReplyTo to, OutboundMessage message)
            implements OutboundAction {
        public Reply {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(message, "message");
        }

        /** A reply to {@code interaction} from the account that received it. */
        public static Reply to(Interaction interaction, ReplyChannel channel, OutboundMessage message) {
            return new Reply(interaction.platform(), interaction.accountId(), channel.on(interaction.kind()),
                    ReplyTo.of(interaction), message);
        }
    }

    /**
     * Tells the platform that an interaction was received, where it expects that (a Telegram button press shows a
     * spinner until {@code answerCallbackQuery}). Asked of the connector for every interaction, before any reply.
     */
    record Acknowledge(Platform platform, String accountId, String itemId) implements OutboundAction { }

    /** Hide ({@code hidden=true}) or unhide a public item (a comment). */
    record SetHidden(Platform platform, String accountId, String itemId, boolean hidden) implements OutboundAction { }

    /**
     * Delete a customer's item (a comment, a group message) for everyone, where the platform lets the account do
     * it; a connector that cannot answers {@link DeliveryResult.NotSendable} with what the agent can do instead.
     *
     * @param itemId         the item's platform id, as in {@link Interaction#itemId()}
     * @param conversationId the chat it is in, where the platform needs it (Telegram), else null
     */
    record Delete(Platform platform, String accountId, String itemId, String conversationId) implements OutboundAction { }

    /**
     * Stop a person from reaching the account (block, ban from the group), where the platform lets the account do
     * it; a connector that cannot answers {@link DeliveryResult.NotSendable} with what the agent can do instead.
     *
     * @param userId         the person's platform id, as in {@link dev.socialbridge.interaction.Author#id()}
     * @param conversationId the chat, where a ban is per chat (a Telegram group), else null
     */
    record Block(Platform platform, String accountId, String userId, String conversationId) implements OutboundAction { }
}
