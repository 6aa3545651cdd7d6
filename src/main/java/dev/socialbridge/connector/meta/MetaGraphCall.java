package dev.socialbridge.connector.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.connector.spi.ReplyTo;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.ReplyChannel;
import dev.socialbridge.interaction.Platform;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * One Graph API POST derived from an {@link OutboundAction}, without the access token (the client adds it:
 * form field {@code access_token} for form calls, query parameter for JSON calls, as MSG-SEND documents).
 *
 * @param path    path below the version, e.g. {@code 17841400000000001/messages}
 * @param json    true for a JSON body, false for {@code application/x-www-form-urlencoded}
 * @param body    the body without the token
 * @param problem non-null when the action cannot become a call (bad id, empty text): deliver as Failed
 */
record MetaGraphCall(String path, boolean json, String body, String problem) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Graph ids: digits, composite {@code <post>_<comment>} ids, IGSIDs; nothing that could escape the path. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

    static MetaGraphCall of(OutboundAction action, MetaAccount account) {
        Platform platform = action.platform();
        if (action instanceof OutboundAction.SetHidden h) {
            String param = switch (platform) {
                case INSTAGRAM -> "hide";
                case FACEBOOK -> "is_hidden";
                default -> throw unsupported(action);
            };
            return form(h.itemId(), "", param, Boolean.toString(h.hidden()), false);
        }
        if (!(action instanceof OutboundAction.Reply r)) {
            throw unsupported(action);
        }
        requireMessaging(action);
        String text = r.message().text();
        ReplyTo to = r.to();
        if (r.channel() == ReplyChannel.PUBLIC && to.kind() == InteractionKind.MENTION) {
            if (platform != Platform.INSTAGRAM) {
                throw unsupported(action);
            }
            return mentionReply(r.accountId(), to.postId(), MetaMentions.commentIdOf(to.itemId(), to.postId()), text);
        }
        if (r.channel() == ReplyChannel.PUBLIC && to.kind() == InteractionKind.COMMENT) {
            String edge = switch (platform) {
                case INSTAGRAM -> "/replies";
                case FACEBOOK -> "/comments";
                default -> throw unsupported(action);
            };
            return form(to.itemId(), edge, "message", text, true);
        }
        if (r.channel() == ReplyChannel.PRIVATE && to.kind().isPublic()) {
            return message(account, "comment_id", to.itemId(), null, text);
        }
        if (to.kind().isPublic()) {
            return failed("a DM cannot be started from a " + to.kind().id() + ": use a private reply");
        }
        String recipient = to.conversationId() != null ? to.conversationId() : to.authorId();
        return message(account, "id", recipient, "RESPONSE", text);
    }

    private static MetaGraphCall form(String nodeId, String edge, String param, String value, boolean isText) {
        if (!isId(nodeId)) {
            return failed("invalid comment id " + abbreviate(nodeId));
        }
        if (isText && (value == null || value.isBlank())) {
            return failed("empty reply text");
        }
        return new MetaGraphCall(nodeId + edge, false, param + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8),
                null);
    }

    /** {@code POST /{ig-user-id}/mentions} with {@code media_id}, {@code comment_id} (comment mentions) and {@code message}. */
    private static MetaGraphCall mentionReply(String accountId, String mediaId, String commentId, String text) {
        if (!isId(accountId)) {
            return failed("invalid account id " + abbreviate(accountId));
        }
        if (!isId(mediaId)) {
            return failed("invalid media id " + abbreviate(mediaId));
        }
        if (commentId != null && !isId(commentId)) {
            return failed("invalid comment id " + abbreviate(commentId));
        }
        if (text == null || text.isBlank()) {
            return failed("empty reply text");
        }
        String body = "media_id=" + mediaId
                + (commentId != null ? "&comment_id=" + commentId : "")
                + "&message=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
        return new MetaGraphCall(accountId + "/mentions", false, body, null);
    }

    private static MetaGraphCall message(MetaAccount account, String recipientKey, String recipient,
                                         String messagingType, String text) {
        if (!isId(recipient)) {
            return failed("invalid recipient " + recipientKey + " " + abbreviate(recipient));
        }
        if (!isId(account.messagingNodeId())) {
            return failed("invalid page id " + abbreviate(account.messagingNodeId()));
        }
        if (text == null || text.isBlank()) {
            return failed("empty message text");
        }
        ObjectNode body = JSON.createObjectNode();
        body.putObject("recipient").put(recipientKey, recipient);
        if (messagingType != null) {
            body.put("messaging_type", messagingType);
        }
        body.putObject("message").put("text", text);
        try {
            return new MetaGraphCall(account.messagingNodeId() + "/messages", true, JSON.writeValueAsString(body), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a message body", e);
        }
    }

    private static void requireMessaging(OutboundAction action) {
        Platform p = action.platform();
        if (p != Platform.INSTAGRAM && p != Platform.FACEBOOK && p != Platform.MESSENGER) {
            throw unsupported(action);
        }
    }

    private static MetaGraphCall failed(String problem) {
        return new MetaGraphCall(null, false, null, problem);
    }

    static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    private static String abbreviate(String s) {
        return s == null ? "(null)" : "'" + (s.length() <= 40 ? s : s.substring(0, 40) + "...") + "'";
    }

    private static IllegalArgumentException unsupported(OutboundAction action) {
        return new IllegalArgumentException("the Meta client cannot do " + action.getClass().getSimpleName()
                + " on " + action.platform());
    }

    /** "POST /{path}" for logs and reasons: never contains the token. */
    String describe() {
        return "POST /" + path;
    }
}
