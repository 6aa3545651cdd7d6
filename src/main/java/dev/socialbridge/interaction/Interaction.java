package dev.socialbridge.interaction;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One normalised social interaction: what every connector produces from its platform's webhook or
 * poll payload, and what automation and the host adapter consume. Immutable.
 *
 * @param platform    the platform it came from
 * @param kind        what it is
 * @param accountId   our connected account (Page id, IG business account id, ...) that received it
 * @param threadKey   the conversation it belongs to: for DMs the conversation with that user, for
 *                    comments the top-level comment thread on the post. One thread = one host ticket.
 * @param itemId      platform id of this very item (comment id, message id / mid); unique per platform
 * @param parentId    id of the comment replied to, or null
 * @param postId      id of the post/media commented on, or null
 * @param author      who wrote it
 * @param text        the text, or "" when there is none (never null)
 * @param attachments attachments, never null
 * @param referral    referral data, or null
 * @param permalink   public URL of the item when known, or null
 * @param occurredAt  when the platform says it happened
 * @param fromSelf    true when our own account authored it (echo, page-authored comment): loop guard
 * @param conversationId the platform conversation it belongs to: the DM thread or chat for messages (what a
 *                    reply is sent into), the top-level comment for comments; null when unknown
 * @param automationBlockedBy why automation must not act on it (e.g. another app owns the conversation), or
 *                    null when it may: such an interaction is ticketed but never answered, hidden or DMed
 * @param inboxId     id of the inbox record holding the raw payload (raw payload reference), 0 if none
 */
public record Interaction(
        Platform platform,
        InteractionKind kind,
        String accountId,
        String threadKey,
        String itemId,
        String parentId,
        String postId,
        Author author,
        String text,
        List<Attachment> attachments,
        Referral referral,
        String permalink,
        Instant occurredAt,
        boolean fromSelf,
        String conversationId,
        String automationBlockedBy,
        long inboxId) {

    public Interaction {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(threadKey, "threadKey");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(occurredAt, "occurredAt");
        text = text == null ? "" : text;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** Whether automation may reply, hide or DM (false: ticket only). */
    public boolean automationAllowed() {
        return automationBlockedBy == null;
    }

    /** A copy with another author record (e.g. with a follower count looked up later). */
    public Interaction withAuthor(Author other) {
        return new Interaction(platform, kind, accountId, threadKey, itemId, parentId, postId, other, text,
                attachments, referral, permalink, occurredAt, fromSelf, conversationId, automationBlockedBy, inboxId);
    }

    /** A copy bound to the inbox record it was stored as. */
    public Interaction withInboxId(long id) {
        return new Interaction(platform, kind, accountId, threadKey, itemId, parentId, postId, author, text,
                attachments, referral, permalink, occurredAt, fromSelf, conversationId, automationBlockedBy, id);
    }

    /** A copy that automation must leave alone, for {@code reason}. */
    public Interaction withAutomationBlockedBy(String reason) {
        return new Interaction(platform, kind, accountId, threadKey, itemId, parentId, postId, author, text,
                attachments, referral, permalink, occurredAt, fromSelf, conversationId, reason, inboxId);
    }
}
