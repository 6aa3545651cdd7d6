package dev.socialbridge.interaction;

import java.util.Locale;

/**
 * How a reply travels: the one vocabulary from rules ({@code reply}, {@code privateReply}, {@code dm}) through
 * templates (length limits) and the audit to the connectors, which map it to their own calls or refuse it with
 * the reason (see {@code ActionPolicy}).
 */
public enum ReplyChannel {
    /** A public reply under the customer's public item (comment, @mention); on a conversation, a message in it. */
    PUBLIC,
    /** A private reply to a public item (comment-to-DM); on a conversation, a message in it. */
    PRIVATE,
    /** A direct message in the author's conversation. */
    DM;

    /**
     * The channel that carries this request for an interaction of {@code kind}: a conversation (DM, story reply,
     * postback...) has no public or private side, so every reply to it is a message in it.
     */
    public ReplyChannel on(InteractionKind kind) {
        return kind.isPublic() ? this : DM;
    }

    /** The audit and action name: {@code public_reply}, {@code private_reply}, {@code dm}. */
    public String auditName() {
        return switch (this) {
            case PUBLIC -> "public_reply";
            case PRIVATE -> "private_reply";
            case DM -> "dm";
        };
    }

    /** The lower-case id used in configuration and logs. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
