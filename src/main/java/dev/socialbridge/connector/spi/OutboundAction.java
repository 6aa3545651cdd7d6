package dev.socialbridge.connector.spi;

import dev.socialbridge.interaction.Interaction;
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

    /**
     * Public reply to an @mention of our account in someone else's media or comment: {@code commentId} is null
     * for a mention in a media caption.
     */
    record MentionReply(Platform platform, String accountId, String mediaId, String commentId, String text)
            implements OutboundAction {

        /** The reply to {@code mention}: its item is the comment, or the media itself for a caption mention. */
        public static MentionReply to(Interaction mention, String text) {
            return new MentionReply(mention.platform(), mention.accountId(), mention.postId(), commentIdOf(mention), text);
        }

        /** The comment that mentions us, or null when the mention is in the media caption. */
        public static String commentIdOf(Interaction mention) {
            return mention.itemId().equals(mention.postId()) ? null : mention.itemId();
        }
    }

    /** Hide ({@code hidden=true}) or unhide a comment. */
    record SetCommentHidden(Platform platform, String accountId, String commentId, boolean hidden) implements OutboundAction { }
}
