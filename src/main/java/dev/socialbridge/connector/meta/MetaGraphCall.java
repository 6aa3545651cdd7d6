package dev.socialbridge.connector.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.connector.spi.OutboundMessage;
import dev.socialbridge.connector.spi.ReplyTo;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.ReplyChannel;
import dev.socialbridge.interaction.Platform;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * One Graph API call derived from an {@link OutboundAction}, without the access token (the client adds it:
 * form field {@code access_token} for form POSTs, query parameter for JSON POSTs, as MSG-SEND documents, and for
 * DELETEs).
 *
 * @param method      POST, or DELETE (no body: deleting a comment)
 * @param path        path below the version, e.g. {@code 17841400000000001/messages}
 * @param json        POST only: true for a JSON body, false for {@code application/x-www-form-urlencoded}
 * @param body        POST only: the body without the token
 * @param problem     non-null when the action cannot become a call (bad id, empty text): deliver as Failed, or as
 *                    NotSendable when {@code refused} (the platform's rules forbid it, e.g. outside the messaging
 *                    window, or the API has no such call)
 * @param refused     the problem is a platform rule, not a bad request
 * @param confirmedBy non-null when a 2xx answer is a map of ids to booleans ({@code POST /{page-id}/blocked}
 *                    answers <code>{"&lt;psid&gt;": true}</code>): the id that must map to true for the call to count as
 *                    delivered
 */
record MetaGraphCall(Method method, String path, boolean json, String body, String problem, boolean refused,
                     String confirmedBy) {

    /** The HTTP methods the Meta client sends actions with. */
    enum Method { POST, DELETE }

    /** Messenger and Instagram: the standard messaging window, and how long a person may still answer. */
    static final java.time.Duration STANDARD_WINDOW = java.time.Duration.ofHours(24);
    static final java.time.Duration HUMAN_AGENT_WINDOW = java.time.Duration.ofDays(7);

    MetaGraphCall {
        java.util.Objects.requireNonNull(method, "method");
        if (method == Method.DELETE && body != null) {
            throw new IllegalArgumentException("a DELETE has no body");
        }
    }

    /** A POST (or a problem), as every action but a deletion is. */
    MetaGraphCall(String path, boolean json, String body, String problem) {
        this(Method.POST, path, json, body, problem, false, null);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Graph ids: digits, composite {@code <post>_<comment>} ids, IGSIDs; nothing that could escape the path. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

    /** Why a Page cannot delete a DM: Meta offers no call for it. */
    static final String MESSAGE_NOT_DELETABLE = "a Messenger message cannot be deleted by the Page (the Graph API"
            + " deletes only comments, never a customer's Messenger or Instagram message): block the sender if needed";
    /** Why Instagram people cannot be blocked through the API. */
    static final String INSTAGRAM_NOT_BLOCKABLE = "Instagram's API cannot block a person: block them in the Instagram"
            + " app or in Meta Business Suite";
    /** Why a Facebook comment author cannot be blocked through the API. */
    static final String COMMENTER_NOT_BLOCKABLE = "the Graph API blocks only Messenger users by their PSID: block the"
            + " commenter from the Page in Meta Business Suite";

    static MetaGraphCall of(OutboundAction action, MetaAccount account) {
        return of(action, account, java.time.Instant.now());
    }

    /** @param now when the call is made: the messaging window is counted from the customer's last message */
    static MetaGraphCall of(OutboundAction action, MetaAccount account, java.time.Instant now) {
        Platform platform = action.platform();
        if (action instanceof OutboundAction.SetHidden h) {
            String param = switch (platform) {
                case INSTAGRAM -> "hide";
                case FACEBOOK -> "is_hidden";
                default -> throw unsupported(action);
            };
            return form(h.itemId(), "", param, Boolean.toString(h.hidden()), false);
        }
        if (action instanceof OutboundAction.Delete d) {
            return switch (platform) {
                case INSTAGRAM, FACEBOOK -> deleteComment(d.itemId());
                case MESSENGER -> refused(MESSAGE_NOT_DELETABLE);
                default -> throw unsupported(action);
            };
        }
        if (action instanceof OutboundAction.Block b) {
            return switch (platform) {
                case MESSENGER -> blockMessengerUser(account, b.userId());
                case INSTAGRAM -> refused(INSTAGRAM_NOT_BLOCKABLE);
                case FACEBOOK -> refused(COMMENTER_NOT_BLOCKABLE);
                default -> throw unsupported(action);
            };
        }
        if (!(action instanceof OutboundAction.Reply r)) {
            throw unsupported(action);
        }
        requireMessaging(action);
        OutboundMessage message = r.message();
        String text = message.text();
        ReplyTo to = r.to();
        if (message.carriesFile()) {
            java.util.Optional<String> refusal = MetaActionPolicy.mediaRefusalOf(platform, to.kind(), r.channel(),
                    message.media().mimeType());
            if (refusal.isPresent()) {
                return refused(refusal.get());   // the policy refuses it before it is queued: should not happen
            }
        }
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
            return message(account, "comment_id", to.itemId(), null, null, message);
        }
        if (to.kind().isPublic()) {
            return failed("a DM cannot be started from a " + to.kind().id() + ": use a private reply");
        }
        String recipient = to.conversationId() != null ? to.conversationId() : to.authorId();
        java.time.Duration age = to.customerMessageAt() == null ? java.time.Duration.ZERO
                : java.time.Duration.between(to.customerMessageAt(), now);
        if (age.compareTo(STANDARD_WINDOW) <= 0) {
            return message(account, "id", recipient, "RESPONSE", null, message);
        }
        if (!message.fromAgent()) {
            return refused("outside the 24 h messaging window (the customer last wrote " + hours(age)
                    + " ago): automated messages are not allowed; a person can still answer for 7 days");
        }
        if (age.compareTo(HUMAN_AGENT_WINDOW) <= 0) {
            return message(account, "id", recipient, "MESSAGE_TAG", "HUMAN_AGENT", message);
        }
        return refused("more than 7 days since the customer last wrote (" + hours(age) + " ago): " + platform.id()
                + " allows no reply; wait for the customer to write again");
    }

    private static MetaGraphCall refused(String reason) {
        return new MetaGraphCall(Method.POST, null, false, null, reason, true, null);
    }

    /**
     * {@code DELETE /{comment-id}} (Facebook Page comment, or IG comment per the Instagram comment moderation
     * guide): the comment is gone for everyone; Graph answers <code>{"success":true}</code>.
     */
    private static MetaGraphCall deleteComment(String commentId) {
        if (!isId(commentId)) {
            return failed("invalid comment id " + abbreviate(commentId));
        }
        return new MetaGraphCall(Method.DELETE, commentId, false, null, null, false, null);
    }

    /**
     * {@code POST /{page-id}/blocked} with {@code psid=["<psid>"]} ("Users or Pages Blocked from a Page", Page access
     * token): Graph answers <code>{"&lt;psid&gt;": true}</code> when the person is blocked.
     */
    private static MetaGraphCall blockMessengerUser(MetaAccount account, String psid) {
        if (!isId(psid)) {
            return failed("invalid PSID " + abbreviate(psid));
        }
        String page = account.messagingNodeId();
        if (!isId(page)) {
            return failed("invalid page id " + abbreviate(page));
        }
        String list;
        try {
            list = JSON.writeValueAsString(java.util.List.of(psid));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a PSID list", e);
        }
        return new MetaGraphCall(Method.POST, page + "/blocked", false,
                "psid=" + URLEncoder.encode(list, StandardCharsets.UTF_8), null, false, psid);
    }

    private static String hours(java.time.Duration age) {
        long h = age.toHours();
        return h < 48 ? h + " h" : h / 24 + " days";
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

    /**
     * A Send API call {@code POST /{page-or-ig-messaging-node}/messages}: <code>"message":{"text":...}</code>, or for a
     * file <code>"message":{"attachment":{"type":"image|video|audio|file","payload":{"url":...,"is_reusable":false}}}</code>
     * (Meta downloads the file from the URL).
     *
     * @param messagingType {@code RESPONSE}, {@code MESSAGE_TAG}, or null (private replies)
     * @param tag           the message tag with {@code MESSAGE_TAG} ({@code HUMAN_AGENT}), else null
     */
    private static MetaGraphCall message(MetaAccount account, String recipientKey, String recipient,
                                         String messagingType, String tag, OutboundMessage message) {
        if (!isId(recipient)) {
            return failed("invalid recipient " + recipientKey + " " + abbreviate(recipient));
        }
        if (!isId(account.messagingNodeId())) {
            return failed("invalid page id " + abbreviate(account.messagingNodeId()));
        }
        ObjectNode body = JSON.createObjectNode();
        body.putObject("recipient").put(recipientKey, recipient);
        if (messagingType != null) {
            body.put("messaging_type", messagingType);
        }
        if (message.carriesFile()) {
            OutboundMessage.MediaLink media = message.media();
            String problem = urlProblem(media.url());
            if (problem != null) {
                return failed(problem);
            }
            body.putObject("message").putObject("attachment")
                    .put("type", MetaActionPolicy.attachmentType(media.mimeType()))
                    .putObject("payload").put("url", media.url()).put("is_reusable", false);
        } else {
            String text = message.text();
            if (text == null || text.isBlank()) {
                return failed("empty message text");
            }
            ObjectNode m = body.putObject("message").put("text", text);
            if ("id".equals(recipientKey) && !message.quickReplies().isEmpty()) {
                quickReplies(m, message.quickReplies());
            }
        }
        if (tag != null) {
            body.put("tag", tag);
        }
        try {
            return new MetaGraphCall(account.messagingNodeId() + "/messages", true, JSON.writeValueAsString(body), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a message body", e);
        }
    }

    /**
     * Send API {@code quick_replies}: text buttons (title at most 20 characters, at most 13), the title as payload;
     * the customer's tap comes back as a message with that text. Only in a conversation: a private reply to a comment
     * takes one text message.
     */
    private static void quickReplies(ObjectNode message, java.util.List<String> labels) {
        com.fasterxml.jackson.databind.node.ArrayNode buttons = message.putArray("quick_replies");
        for (String label : labels.subList(0, Math.min(labels.size(), MetaActionPolicy.MAX_QUICK_REPLIES))) {
            String title = label.length() > 20 ? label.substring(0, 20) : label;
            buttons.addObject().put("content_type", "text").put("title", title).put("payload", title);
        }
    }

    /**
     * Why Meta could not download a file from {@code url}, or null: it must be an absolute http(s) URL with a host.
     * The reason does not quote the URL, a signed link that must not outlive its purpose in tickets and logs.
     */
    private static String urlProblem(String url) {
        java.net.URI uri;
        try {
            uri = url == null || url.isBlank() ? null : new java.net.URI(url);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? null : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (uri == null || !uri.isAbsolute() || uri.isOpaque() || !("https".equals(scheme) || "http".equals(scheme))
                || uri.getHost() == null || uri.getHost().isEmpty()) {
            return "the file's link is not an absolute http(s) URL that Meta can download from";
        }
        return null;
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

    /** "POST /{path}" or "DELETE /{path}" for logs and reasons: never contains the token. */
    String describe() {
        return method + " /" + path;
    }
}
