package dev.socialbridge.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.connector.spi.OutboundMessage;
import dev.socialbridge.connector.spi.ReplyTo;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.interaction.ReplyChannel;
import dev.socialbridge.support.Json;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads a platform outbox payload by its type: today's {@link OutboundAction}s, and the per-call actions that
 * earlier versions stored ({@code platform.PublicReply}, {@code PrivateReply}, {@code SendMessage},
 * {@code MentionReply}, {@code SetCommentHidden}), so that work queued before an upgrade is still delivered.
 */
final class LegacyPlatformActions {
    private LegacyPlatformActions() {
    }

    /** The action, or empty for an unknown type. */
    static Optional<OutboundAction> read(String type, String json) {
        switch (type) {
            case PlatformCommandHandler.REPLY:
                return Optional.of(Json.read(json, OutboundAction.Reply.class));
            case PlatformCommandHandler.SET_HIDDEN:
                return Optional.of(Json.read(json, OutboundAction.SetHidden.class));
            case PlatformCommandHandler.ACKNOWLEDGE:
                return Optional.of(Json.read(json, OutboundAction.Acknowledge.class));
            case PlatformCommandHandler.DELETE:
                return Optional.of(Json.read(json, OutboundAction.Delete.class));
            case PlatformCommandHandler.BLOCK:
                return Optional.of(Json.read(json, OutboundAction.Block.class));
            case "platform.PublicReply", "platform.PrivateReply", "platform.SendMessage", "platform.MentionReply",
                    "platform.SetCommentHidden":
                return Optional.of(legacy(type, tree(json)));
            default:
                return Optional.empty();
        }
    }

    private static OutboundAction legacy(String type, JsonNode n) {
        Platform platform = Platform.fromId(n.path("platform").asText());
        String account = n.path("accountId").asText();
        String text = n.path("text").asText("");
        return switch (type) {
            case "platform.PublicReply" -> reply(platform, account, ReplyChannel.PUBLIC, InteractionKind.COMMENT,
                    n.path("commentId").asText(), null, null, text);
            case "platform.PrivateReply" -> reply(platform, account, ReplyChannel.PRIVATE, InteractionKind.COMMENT,
                    n.path("commentId").asText(), null, null, text);
            case "platform.SendMessage" -> reply(platform, account, ReplyChannel.DM, InteractionKind.DM, "",
                    null, n.path("recipientId").asText(), text);
            case "platform.MentionReply" -> reply(platform, account, ReplyChannel.PUBLIC, InteractionKind.MENTION,
                    n.hasNonNull("commentId") ? n.path("commentId").asText() : n.path("mediaId").asText(),
                    n.path("mediaId").asText(), null, text);
            default -> new OutboundAction.SetHidden(platform, account, n.path("commentId").asText(),
                    n.path("hidden").asBoolean());
        };
    }

    private static OutboundAction reply(Platform platform, String account, ReplyChannel channel, InteractionKind kind,
                                        String itemId, String postId, String recipient, String text) {
        ReplyTo to = new ReplyTo(kind, null, itemId, null, postId, recipient, recipient, null);
        return new OutboundAction.Reply(platform, account, channel, to, OutboundMessage.text(text));
    }

    private static JsonNode tree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read a platform action: " + e.getMessage(), e);
        }
    }
}
