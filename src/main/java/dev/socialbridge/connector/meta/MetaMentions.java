package dev.socialbridge.connector.meta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Instagram @mentions: the webhook names only the media (and comment), so the text and author are read back
 * with {@code GET /{ig-user-id}?fields=mentioned_comment.comment_id(ID){...}} or
 * {@code mentioned_media.media_id(ID){...}} (Instagram Graph API, "Mentioned Comment" / "Mentioned Media").
 */
final class MetaMentions {
    /** Author id of a mention whose author the platform does not return (only a username, or nothing). */
    static final String USERNAME_PREFIX = "username:";

    private static final String COMMENT_FIELDS = "{id,text,timestamp,username,from,media{id,permalink}}";
    private static final String MEDIA_FIELDS = "{id,caption,timestamp,username,permalink,media_type}";
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

    private MetaMentions() {
    }

    static boolean isPartialMention(Interaction i) {
        return i.platform() == Platform.INSTAGRAM && i.kind() == InteractionKind.MENTION && i.text().isBlank();
    }

    /** The comment that mentions us, or null when the mention is in the media caption (the item is the media). */
    static String commentIdOf(String itemId, String mediaId) {
        return itemId.equals(mediaId) ? null : itemId;
    }

    static String commentIdOf(Interaction mention) {
        return commentIdOf(mention.itemId(), mention.postId());
    }

    /** Path and query (without the token) that read the mention back. */
    static String lookupPathAndQuery(Interaction mention) {
        String commentId = commentIdOf(mention);
        String fields = commentId != null
                ? "mentioned_comment.comment_id(" + commentId + ")" + COMMENT_FIELDS
                : "mentioned_media.media_id(" + mention.postId() + ")" + MEDIA_FIELDS;
        return mention.accountId() + "?fields=" + URLEncoder.encode(fields, StandardCharsets.UTF_8);
    }

    /**
     * The mention completed from the lookup response, or {@code null} when the response does not hold it
     * (e.g. {@code {"id": "..."}} alone: the comment was deleted or is not visible).
     */
    static Interaction complete(Interaction mention, JsonNode response) {
        boolean inComment = commentIdOf(mention) != null;
        JsonNode node = response == null ? null : response.get(inComment ? "mentioned_comment" : "mentioned_media");
        if (node == null || !node.isObject()) {
            return null;
        }
        String text = string(node, inComment ? "text" : "caption");
        String username = string(node, "username");
        JsonNode from = node.get("from");
        String fromId = from != null && from.isObject() ? string(from, "id") : null;
        if (username == null && from != null && from.isObject()) {
            username = string(from, "username");
        }
        String authorId = fromId != null ? fromId
                : username != null ? USERNAME_PREFIX + username : mention.author().id();
        JsonNode media = node.get("media");
        String permalink = string(node, "permalink");
        if (permalink == null && media != null && media.isObject()) {
            permalink = string(media, "permalink");
        }
        Instant at = time(string(node, "timestamp"), mention.occurredAt());
        return new Interaction(mention.platform(), mention.kind(), mention.accountId(), mention.threadKey(),
                mention.itemId(), mention.parentId(), mention.postId(),
                new Author(authorId, username, null, null, false), text == null ? "" : text, mention.attachments(),
                mention.referral(), permalink != null ? permalink : mention.permalink(), at, false,
                mention.conversationId(), mention.automationBlockedBy(), mention.inboxId());
    }

    private static String string(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static Instant time(String graphTime, Instant fallback) {
        if (graphTime == null) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(graphTime, GRAPH_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
