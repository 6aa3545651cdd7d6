package dev.socialbridge.templates;

/** Where a rendered reply goes, which decides its length limit. */
public enum ReplyChannel {
    /** A public comment reply (or reply to a mention). */
    PUBLIC,
    /** A private message: comment-to-DM private reply or a DM in the conversation. */
    PRIVATE
}
