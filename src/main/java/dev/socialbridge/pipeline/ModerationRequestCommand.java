package dev.socialbridge.pipeline;

import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.interaction.Platform;

/**
 * A moderation action an agent asked for from a ticket, as queued in the platform outbox: once the platform has
 * taken it (or refused it), the outcome is written on the ticket with who asked and why.
 *
 * @param action      hide, unhide, delete or block
 * @param itemId      the comment (hide, unhide, delete)
 * @param userId      the person (block)
 * @param requestedBy the agent's host login
 * @param reason      the reason code the agent gave, or null
 */
public record ModerationRequestCommand(String threadKey, String action, Platform platform, String accountId,
                                       String itemId, String userId, String conversationId, String requestedBy,
                                       String reason) {
    /** Outbox type. */
    public static final String TYPE = "platform.ModerationRequest";

    /** The platform call. */
    OutboundAction toAction() {
        return switch (action) {
            case "hide" -> new OutboundAction.SetHidden(platform, accountId, itemId, true);
            case "unhide" -> new OutboundAction.SetHidden(platform, accountId, itemId, false);
            case "delete" -> new OutboundAction.Delete(platform, accountId, itemId, conversationId);
            case "block" -> new OutboundAction.Block(platform, accountId, userId, conversationId);
            default -> throw new IllegalArgumentException("unknown moderation action " + action);
        };
    }

    /** The moderation status once done: hidden, unhidden, deleted, blocked. */
    String doneStatus() {
        return switch (action) {
            case "hide" -> "hidden";
            case "unhide" -> "unhidden";
            case "delete" -> "deleted";
            default -> "blocked";
        };
    }

    /** What was done, for the ticket: "Comment 123 hidden", "Author 456 blocked". */
    String describeDone() {
        return "block".equals(action) ? "Author " + userId + " blocked" : "Comment " + itemId + " " + doneStatus();
    }
}
