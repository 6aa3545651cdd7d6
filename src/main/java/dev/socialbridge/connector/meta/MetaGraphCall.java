package dev.socialbridge.connector.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialbridge.connector.spi.OutboundAction;
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
        if (action instanceof OutboundAction.PublicReply r) {
            String edge = switch (platform) {
                case INSTAGRAM -> "/replies";
                case FACEBOOK -> "/comments";
                default -> throw unsupported(action);
            };
            return form(r.commentId(), edge, "message", r.text(), true);
        }
        if (action instanceof OutboundAction.MentionReply m) {
            if (platform != Platform.INSTAGRAM) {
                throw unsupported(action);
            }
            return mentionReply(m);
        }
        if (action instanceof OutboundAction.SetCommentHidden h) {
            String param = switch (platform) {
                case INSTAGRAM -> "hide";
                case FACEBOOK -> "is_hidden";
                default -> throw unsupported(action);
            };
            return form(h.commentId(), "", param, Boolean.toString(h.hidden()), false);
        }
        requireMessaging(action);
        if (action instanceof OutboundAction.PrivateReply r) {
            return message(account, "comment_id", r.commentId(), null, r.text());
        }
        if (action instanceof OutboundAction.SendMessage m) {
            return message(account, "id", m.recipientId(), "RESPONSE", m.text());
        }
        throw unsupported(action);
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
    private static MetaGraphCall mentionReply(OutboundAction.MentionReply m) {
        if (!isId(m.accountId())) {
            return failed("invalid account id " + abbreviate(m.accountId()));
        }
        if (!isId(m.mediaId())) {
            return failed("invalid media id " + abbreviate(m.mediaId()));
        }
        if (m.commentId() != null && !isId(m.commentId())) {
            return failed("invalid comment id " + abbreviate(m.commentId()));
        }
        if (m.text() == null || m.text().isBlank()) {
            return failed("empty reply text");
        }
        String body = "media_id=" + m.mediaId()
                + (m.commentId() != null ? "&comment_id=" + m.commentId() : "")
                + "&message=" + URLEncoder.encode(m.text(), StandardCharsets.UTF_8);
        return new MetaGraphCall(m.accountId() + "/mentions", false, body, null);
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
