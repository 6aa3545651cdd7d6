package dev.socialbridge.connector.spi;

import dev.socialbridge.interaction.Platform;

/**
 * Something to do on a social platform on behalf of one of our connected accounts. Implementations
 * are plain immutable records so that they can be stored in the outbox as JSON.
 */
public sealed interface OutboundAction {

    Platform platform();

    /** Our connected account (Page id / IG business account id) that acts. */
    String accountId();

    /** Public reply under a comment. */
    record PublicReply(Platform platform, String accountId, String commentId, String text) implements OutboundAction { }

    /** Private reply (comment-to-DM) to the author of a comment, addressed by comment id. */
    record PrivateReply(Platform platform, String accountId, String commentId, String text) implements OutboundAction { }

    /** A direct message to a user in an open conversation. */
    record SendMessage(Platform platform, String accountId, String recipientId, String text) implements OutboundAction { }

    /** Hide ({@code hidden=true}) or unhide a comment. */
    record SetCommentHidden(Platform platform, String accountId, String commentId, boolean hidden) implements OutboundAction { }
}
