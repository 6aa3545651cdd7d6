package dev.socialbridge.connector.meta;

import dev.socialbridge.connector.spi.ActionPolicy;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.interaction.ReplyChannel;
import dev.socialbridge.interaction.TextLimit;
import java.util.Locale;
import java.util.Optional;

/**
 * What Instagram, Facebook Pages and Messenger let automation do. Limits (public / private): Instagram comment
 * 2200 chars, DM 1000 UTF-8 bytes (Instagram messaging API); Facebook comment 8000 chars, private reply through
 * Messenger 2000 chars; Messenger 2000 chars. Files go only in Messenger and Instagram conversations (Send API
 * attachments): comment replies and private replies take text only, and Instagram takes images, videos and audio.
 */
final class MetaActionPolicy implements ActionPolicy {
    /** Most quick replies of a Send API message; each title is at most 20 characters. */
    static final int MAX_QUICK_REPLIES = 13;

    /** Why a file cannot go under a comment. */
    static final String COMMENT_REPLY_TEXT_ONLY = "a comment reply takes text only: send a private reply, then the"
            + " file in the conversation once the customer answers";
    /** Why a file cannot go under an Instagram @mention. */
    static final String MENTION_REPLY_TEXT_ONLY = "a reply under an Instagram @mention takes text only";
    /** Why a file cannot go in a private reply. */
    static final String PRIVATE_REPLY_TEXT_ONLY = "a private reply to a comment takes text only (the Messenger/Instagram"
            + " private-reply API sends one text message): send the file in the conversation once the customer answers";

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

    /**
     * Messenger and Instagram conversation messages take up to 13 quick replies (Send API {@code quick_replies});
     * comment replies and private replies take none (the client leaves them out there).
     */
    @Override
    public int maxQuickReplies(Platform platform) {
        return platform == Platform.MESSENGER || platform == Platform.INSTAGRAM ? MAX_QUICK_REPLIES : 0;
    }

    @Override
    public Optional<String> hideRefusal(Interaction i) {
        if (i.kind() != InteractionKind.COMMENT) {
            return Optional.of("only comments can be hidden on " + i.platform().id());
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> mediaRefusal(Platform platform, InteractionKind kind, ReplyChannel channel, String mimeType) {
        return mediaRefusalOf(platform, kind, channel, mimeType);
    }

    /**
     * {@link #mediaRefusal}, also asked by the client before it builds a call ({@link MetaGraphCall}): the channel is
     * resolved for {@code kind} again, as the client does (a conversation has no public or private side).
     */
    static Optional<String> mediaRefusalOf(Platform platform, InteractionKind kind, ReplyChannel channel,
                                           String mimeType) {
        ReplyChannel resolved = kind == null ? channel : channel.on(kind);
        if (resolved == ReplyChannel.PUBLIC) {
            return Optional.of(kind == InteractionKind.MENTION ? MENTION_REPLY_TEXT_ONLY : COMMENT_REPLY_TEXT_ONLY);
        }
        if (resolved == ReplyChannel.PRIVATE) {
            return Optional.of(PRIVATE_REPLY_TEXT_ONLY);
        }
        if (kind != null && kind.isPublic()) {
            return Optional.of("a DM cannot be started from a " + platform.id() + " " + kind.id()
                    + ": send a private reply, then the file in the conversation once the customer answers");
        }
        return switch (platform) {
            case MESSENGER -> Optional.empty();
            case INSTAGRAM -> {
                String type = baseType(mimeType);
                yield type.startsWith("image/") || type.startsWith("video/") || type.startsWith("audio/")
                        ? Optional.empty()
                        : Optional.of("Instagram messages take images, videos and audio, not "
                                + (type.isEmpty() ? "a file of unknown type" : type));
            }
            default -> Optional.of("files can only be sent in Messenger and Instagram conversations, not on "
                    + platform.id());
        };
    }

    /**
     * The Send API attachment type for {@code mimeType}: {@code image}, {@code video}, {@code audio} by prefix, else
     * {@code file}.
     */
    static String attachmentType(String mimeType) {
        String type = baseType(mimeType);
        if (type.startsWith("image/")) {
            return "image";
        }
        if (type.startsWith("video/")) {
            return "video";
        }
        return type.startsWith("audio/") ? "audio" : "file";
    }

    /** {@code mimeType} in lower case without parameters ({@code audio/ogg; codecs=opus} -> {@code audio/ogg}). */
    private static String baseType(String mimeType) {
        if (mimeType == null) {
            return "";
        }
        int semicolon = mimeType.indexOf(';');
        return (semicolon < 0 ? mimeType : mimeType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
