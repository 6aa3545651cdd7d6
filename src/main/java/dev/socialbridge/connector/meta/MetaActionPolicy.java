package dev.socialbridge.connector.meta;

import dev.socialbridge.connector.spi.ActionPolicy;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.interaction.ReplyChannel;
import dev.socialbridge.interaction.TextLimit;
import java.util.Optional;

/**
 * What Instagram, Facebook Pages and Messenger let automation do. Limits (public / private): Instagram comment
 * 2200 chars, DM 1000 UTF-8 bytes (Instagram messaging API); Facebook comment 8000 chars, private reply through
 * Messenger 2000 chars; Messenger 2000 chars.
 */
final class MetaActionPolicy implements ActionPolicy {

    @Override
    public Optional<String> replyRefusal(Interaction i, ReplyChannel channel) {
        if (i.kind() == InteractionKind.MENTION && channel != ReplyChannel.PUBLIC) {
            return Optional.of("an Instagram @mention can only be answered publicly, under the mention");
        }
        if (i.kind() == InteractionKind.COMMENT && channel == ReplyChannel.DM) {
            return Optional.of("a DM cannot be started from a " + i.platform().id()
                    + " comment: use privateReply (comment-to-DM)");
        }
        return Optional.empty();
    }

    @Override
    public TextLimit textLimit(Platform platform, ReplyChannel channel) {
        boolean pub = channel == ReplyChannel.PUBLIC;
        return switch (platform) {
            case INSTAGRAM -> pub ? TextLimit.chars(2200) : TextLimit.bytes(1000);
            case FACEBOOK -> TextLimit.chars(pub ? 8000 : 2000);
            default -> TextLimit.chars(2000);
        };
    }

    @Override
    public Optional<String> hideRefusal(Interaction i) {
        if (i.kind() != InteractionKind.COMMENT) {
            return Optional.of("only comments can be hidden on " + i.platform().id());
        }
        return Optional.empty();
    }
}
