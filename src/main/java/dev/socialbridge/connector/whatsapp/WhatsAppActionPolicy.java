package dev.socialbridge.connector.whatsapp;

import dev.socialbridge.connector.spi.ActionPolicy;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.interaction.ReplyChannel;
import dev.socialbridge.interaction.TextLimit;
import java.util.Optional;

/**
 * What WhatsApp lets automation do: answer in the customer's conversation (a text of at most 4096 characters, up
 * to 3 reply buttons, or a file of any type: image, video, audio or document); nothing is public and nothing can be
 * hidden. Whether the 24 h customer-service window is open is for delivery to tell, not this pure policy.
 */
final class WhatsAppActionPolicy implements ActionPolicy {
    static final int MAX_TEXT = 4096;
    static final int MAX_BUTTONS = 3;

    @Override
    public Optional<String> replyRefusal(Interaction interaction, ReplyChannel channel) {
        if (interaction.kind().isPublic()) {
            return Optional.of("WhatsApp has no public " + interaction.kind().id().replace('_', ' ')
                    + ": only the customer's conversation can be answered");
        }
        return Optional.empty();
    }

    /** A file of any type goes in the customer's conversation (what is not an image, video or audio is a document). */
    @Override
    public Optional<String> mediaRefusal(Platform platform, InteractionKind kind, ReplyChannel channel,
                                         String mimeType) {
        if (kind != null && kind.isPublic()) {
            return Optional.of("WhatsApp has no public " + kind.id().replace('_', ' ')
                    + ": files go in the customer's conversation only");
        }
        return Optional.empty();
    }

    @Override
    public TextLimit textLimit(Platform platform, ReplyChannel channel) {
        return TextLimit.chars(MAX_TEXT);
    }

    @Override
    public Optional<String> hideRefusal(Interaction interaction) {
        return Optional.of("WhatsApp messages cannot be hidden");
    }

    @Override
    public int maxQuickReplies(Platform platform) {
        return MAX_BUTTONS;
    }
}
