package dev.socialbridge.connector.telegram;

import dev.socialbridge.connector.spi.ActionPolicy;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.interaction.ReplyChannel;
import dev.socialbridge.interaction.TextLimit;
import java.util.Optional;

/**
 * What a Telegram bot may do: answer in the chat the message came from (in a group, as a reply there), with up to
 * 4096 characters and up to 10 inline buttons, or with a file of any type (photo, video, audio or document) where a
 * text could go. A bot has no private reply, cannot start a private chat with a group member (the person must start
 * it) and cannot hide messages.
 */
final class TelegramActionPolicy implements ActionPolicy {
    static final int MAX_TEXT = 4096;
    static final int MAX_BUTTONS = 10;

    @Override
    public Optional<String> replyRefusal(Interaction i, ReplyChannel channel) {
        return refusal(i.kind(), channel);
    }

    /** A file goes wherever a text reply can, whatever its type (what is not a photo, video or audio is a document). */
    @Override
    public Optional<String> mediaRefusal(Platform platform, InteractionKind kind, ReplyChannel channel,
                                         String mimeType) {
        return refusal(kind, channel);
    }

    private static Optional<String> refusal(InteractionKind kind, ReplyChannel channel) {
        if (kind != InteractionKind.GROUP_MESSAGE || channel == ReplyChannel.PUBLIC) {
            return Optional.empty();
        }
        return Optional.of(channel == ReplyChannel.PRIVATE ? "Telegram has no private reply"
                : "a bot cannot open a private chat with a group member");
    }

    @Override
    public TextLimit textLimit(Platform platform, ReplyChannel channel) {
        return TextLimit.chars(MAX_TEXT);
    }

    @Override
    public Optional<String> hideRefusal(Interaction i) {
        return Optional.of("Telegram messages cannot be hidden by a bot");
    }

    @Override
    public int maxQuickReplies(Platform platform) {
        return MAX_BUTTONS;
    }
}
