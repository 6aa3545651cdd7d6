package dev.socialbridge.connector.spi;

import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import java.time.Instant;

/**
 * What a reply answers: the addressing facts of the customer's interaction, copied so that an outbox entry
 * is self-contained. Connectors read the ids they produced themselves.
 *
 * @param kind              what the customer wrote (comment, DM, mention...)
 * @param threadKey         the thread (ticket) it belongs to
 * @param itemId            the customer's item (comment id, message id)
 * @param parentId          the item it replied to, or null
 * @param postId            the post/media, or null
 * @param conversationId    the platform conversation (DM thread, chat), or null
 * @param authorId          the customer's platform id
 * @param customerMessageAt when the customer wrote it (platform time): messaging windows count from it
 */
public record ReplyTo(InteractionKind kind, String threadKey, String itemId, String parentId, String postId,
                      String conversationId, String authorId, Instant customerMessageAt) {

    public static ReplyTo of(Interaction i) {
        return new ReplyTo(i.kind(), i.threadKey(), i.itemId(), i.parentId(), i.postId(), i.conversationId(),
                i.author().id(), i.occurredAt());
    }
}
