package dev.socialbridge.interaction;

/**
 * What an inbound item is. Only {@link #isConversational() conversational} kinds can open or feed a
 * host ticket; the others are recorded (reactions, reads, edits...) but never ticketed.
 */
public enum InteractionKind {
    /** A public comment (or a reply to a comment) on a post. */
    COMMENT(true),
    /** An existing comment was edited. */
    COMMENT_EDITED(false),
    /** A comment was removed by its author or the platform. */
    COMMENT_REMOVED(false),
    /** A comment was hidden/unhidden (by us or by a page admin). */
    COMMENT_HIDDEN(false),
    /** A private/direct message. */
    DM(true),
    /** A message in a group chat addressed to us (a mention of our account, or a reply to one of our messages). */
    GROUP_MESSAGE(true),
    /**
     * The customer edited a message they sent earlier: the new text reaches the ticket, automation leaves it alone
     * (the connector marks it with {@link Interaction#automationBlockedBy()}).
     */
    MESSAGE_EDITED(true),
    /** The account was @mentioned in someone else's post or comment. */
    MENTION(true),
    /** A DM sent as a reply to one of our stories. */
    STORY_REPLY(true),
    /** Someone mentioned the account in their story. */
    STORY_MENTION(true),
    /** A button/quick-reply postback in a DM conversation. */
    POSTBACK(true),
    /** A referral (m.me/ig.me ref link, ad click-to-message) without text. */
    REFERRAL(false),
    /** A reaction to a message or post. */
    REACTION(false),
    /** Read/delivery receipts. */
    RECEIPT(false);

    private final boolean conversational;

    InteractionKind(boolean conversational) {
        this.conversational = conversational;
    }

    /**
     * True for items written where others see them (comments, @mentions, group messages): they can be answered
     * there or privately, where the platform allows it.
     */
    public boolean isPublic() {
        return this == COMMENT || this == MENTION || this == GROUP_MESSAGE;
    }

    /** True when this kind carries a customer message that belongs in a host ticket. */
    public boolean isConversational() {
        return conversational;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
