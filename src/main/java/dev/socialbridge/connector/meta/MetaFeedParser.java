package dev.socialbridge.connector.meta;

import static dev.socialbridge.connector.meta.MetaJson.id;
import static dev.socialbridge.connector.meta.MetaJson.malformed;
import static dev.socialbridge.connector.meta.MetaJson.object;
import static dev.socialbridge.connector.meta.MetaJson.requireId;
import static dev.socialbridge.connector.meta.MetaJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.connector.spi.ParsedItem;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import java.time.Instant;
import java.util.List;

/** Facebook Page {@code feed} changes: comments by verb, other items recorded as ignored. */
final class MetaFeedParser {

    ParsedItem comment(MetaItemContext ctx, JsonNode v) {
        String p = ctx.path() + ".value";
        String verb = text(v, "verb", p + ".verb");
        InteractionKind kind = kindOf(verb, p);
        String commentId = requireId(v, "comment_id", p + ".comment_id");
        String postId = id(v, "post_id", p + ".post_id");
        String parentRaw = id(v, "parent_id", p + ".parent_id");
        // parent_id == post_id marks a top-level comment; anything else is the comment replied to
        String parentId = parentRaw != null && !parentRaw.equals(postId) ? parentRaw : null;
        JsonNode from = object(v, "from", p + ".from");
        String fromId = id(from, "id", p + ".from.id");
        if (fromId == null && (kind == InteractionKind.COMMENT || kind == InteractionKind.COMMENT_EDITED)) {
            throw malformed(p + ".from.id missing");
        }
        String account = ctx.accountId();
        boolean fromSelf = fromId != null && (fromId.equals(account) || ctx.isOwn(fromId));
        String message = text(v, "message", p + ".message");
        Instant at = ctx.occurredAt(MetaChangeParser.firstTime(v, p));
        Author author = new Author(fromId != null ? fromId : MetaWebhookParser.UNKNOWN_AUTHOR_ID, null,
                text(from, "name", p + ".from.name"), null, false);
        Interaction i = new Interaction(Platform.FACEBOOK, kind, account,
                "facebook:comment:" + account + ":" + (parentId != null ? parentId : commentId), commentId, parentId,
                postId, author, message, List.of(), null,
                kind == InteractionKind.COMMENT_REMOVED ? null : permalink(postId, commentId), at, fromSelf,
                parentId != null ? parentId : commentId, null, 0L);
        return ctx.accepted("fb:feed:" + commentId + ":" + verb + discriminator(ctx, verb, message, at), i);
    }

    /** Reactions, likes, posts...: recorded, never ticketed. */
    ParsedItem ignored(MetaItemContext ctx, JsonNode v, String item, String reason) {
        String p = ctx.path() + ".value";
        String target = id(v, "comment_id", p + ".comment_id");
        if (target == null) {
            target = id(v, "post_id", p + ".post_id");
        }
        String from = id(object(v, "from", p + ".from"), "id", p + ".from.id");
        Instant at = ctx.occurredAt(MetaChangeParser.firstTime(v, p));
        String verb = text(v, "verb", p + ".verb");
        return ctx.ignored("fb:feed:" + item + ":" + target + ":" + from + ":" + verb + ":" + at.toEpochMilli(),
                reason + (verb == null ? "" : " (" + verb + ")"));
    }

    private static InteractionKind kindOf(String verb, String p) {
        if (verb == null) {
            throw malformed(p + ".verb missing");
        }
        return switch (verb) {
            case "add" -> InteractionKind.COMMENT;
            case "edited", "edit" -> InteractionKind.COMMENT_EDITED;
            case "remove" -> InteractionKind.COMMENT_REMOVED;
            case "hide", "unhide" -> InteractionKind.COMMENT_HIDDEN;
            default -> throw malformed(p + ".verb '" + verb + "' unknown for comments");
        };
    }

    /**
     * Repeatable verbs need more than the comment id: an edit is keyed by its text, a hide/unhide by the
     * entry time, so that a second edit or a hide after an unhide is not taken for a redelivery.
     */
    private static String discriminator(MetaItemContext ctx, String verb, String message, Instant at) {
        return switch (verb) {
            case "edited", "edit" -> ":" + MetaKeys.hash(message);
            case "hide", "unhide" -> {
                Instant t = ctx.entryTime();
                yield ":" + (t != null ? t : at).toEpochMilli();
            }
            default -> "";
        };
    }

    /** {@code https://www.facebook.com/<page>/posts/<post>?comment_id=<comment>} from the composite ids. */
    static String permalink(String postId, String commentId) {
        if (postId == null) {
            return null;
        }
        int us = postId.indexOf('_');
        int cs = commentId.indexOf('_');
        if (us <= 0 || us == postId.length() - 1) {
            return null;
        }
        String c = cs >= 0 ? commentId.substring(cs + 1) : commentId;
        return "https://www.facebook.com/" + postId.substring(0, us) + "/posts/" + postId.substring(us + 1)
                + "?comment_id=" + c;
    }
}
