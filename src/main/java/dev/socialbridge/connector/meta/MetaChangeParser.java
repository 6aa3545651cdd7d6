package dev.socialbridge.connector.meta;

import static dev.socialbridge.connector.meta.MetaJson.id;
import static dev.socialbridge.connector.meta.MetaJson.malformed;
import static dev.socialbridge.connector.meta.MetaJson.object;
import static dev.socialbridge.connector.meta.MetaJson.requireId;
import static dev.socialbridge.connector.meta.MetaJson.requireObject;
import static dev.socialbridge.connector.meta.MetaJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.connector.spi.ParsedItem;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.interaction.Referral;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** One {@code changes[]} element (IG comments/mentions, Page feed) to a parsed item. */
final class MetaChangeParser {

    /** Messaging fields that the App Dashboard "Test" button delivers as {@code changes[].value}. */
    private static final Set<String> MESSAGING_FIELDS = Set.of("messages", "message_echoes", "messaging_postbacks",
            "messaging_referrals", "messaging_seen", "message_reactions", "messaging_reactions",
            "message_reads", "message_deliveries", "message_edits");

    /** Feed items we know and deliberately do not ticket (posts, media, shares...). */
    private static final Set<String> FEED_NOT_TICKETED = Set.of("post", "status", "photo", "video", "share",
            "album", "event", "note", "story", "milestone", "coupon", "question", "hashtag", "rating");

    private final MetaMessagingParser messaging;
    private final MetaFeedParser feed = new MetaFeedParser();

    MetaChangeParser(MetaMessagingParser messaging) {
        this.messaging = messaging;
    }

    ParsedItem parse(MetaItemContext ctx, JsonNode change) {
        if (change == null || !change.isObject()) {
            throw malformed(ctx.path() + " is not an object");
        }
        String field = text(change, "field", ctx.path() + ".field");
        if (field == null) {
            throw malformed(ctx.path() + ".field missing");
        }
        if (MESSAGING_FIELDS.contains(field)) {
            return messaging.parse(ctx, change.get("value"));
        }
        JsonNode value = requireObject(change, "value", ctx.path() + ".value");
        if (ctx.instagram()) {
            switch (field) {
                case "comments", "live_comments": return igComment(ctx, value);
                case "mentions": return igMention(ctx, value);
                default: return ctx.quarantined("unsupported instagram field '" + field + "'");
            }
        }
        if ("feed".equals(field)) {
            return feedItem(ctx, value);
        }
        return ctx.quarantined("unsupported page field '" + field + "'");
    }

    private ParsedItem igComment(MetaItemContext ctx, JsonNode v) {
        String p = ctx.path() + ".value";
        String commentId = id(v, "id", p + ".id");
        if (commentId == null) {
            commentId = requireId(v, "comment_id", p + ".id");
        }
        JsonNode from = object(v, "from", p + ".from");
        String fromId = id(from, "id", p + ".from.id");
        String selfId = id(from, "self_ig_scoped_id", p + ".from.self_ig_scoped_id");
        String authorId = fromId != null ? fromId : selfId;
        if (authorId == null) {
            throw malformed(p + ".from.id missing");
        }
        boolean fromSelf = ctx.isOwn(fromId) || ctx.isOwn(selfId)
                || (selfId != null && (fromId == null || selfId.equals(fromId)));
        JsonNode media = object(v, "media", p + ".media");
        String parentId = id(v, "parent_id", p + ".parent_id");
        String account = ctx.accountId();
        Instant at = ctx.occurredAt(firstTime(v, p));
        String adId = id(media, "ad_id", p + ".media.ad_id");
        Referral referral = adId == null ? null : new Referral(null, "ADS", null, adId, null, null,
                text(media, "ad_title", p + ".media.ad_title"));
        Interaction i = new Interaction(Platform.INSTAGRAM, InteractionKind.COMMENT, account,
                "instagram:comment:" + account + ":" + (parentId != null ? parentId : commentId), commentId, parentId,
                id(media, "id", p + ".media.id"), new Author(authorId, text(from, "username", p + ".from.username"),
                null, null, false), text(v, "text", p + ".text"), List.of(), referral,
                text(media, "permalink", p + ".media.permalink"), at, fromSelf, parentId != null ? parentId : commentId,
                null, 0L);
        return ctx.accepted("ig:comment:" + commentId + ":add", i);
    }

    private ParsedItem igMention(MetaItemContext ctx, JsonNode v) {
        String p = ctx.path() + ".value";
        String mediaId = requireId(v, "media_id", p + ".media_id");
        String commentId = id(v, "comment_id", p + ".comment_id");
        String account = ctx.accountId();
        String item = commentId != null ? commentId : mediaId;
        Interaction i = new Interaction(Platform.INSTAGRAM, InteractionKind.MENTION, account,
                "instagram:mention:" + account + ":" + item, item, null, mediaId,
                Author.of(MetaWebhookParser.UNKNOWN_AUTHOR_ID), "", List.of(), null, null, ctx.occurredAt(null),
                false, null, null, 0L);
        return ctx.accepted("ig:mention:" + mediaId + ":" + (commentId != null ? commentId : "caption"), i);
    }

    private ParsedItem feedItem(MetaItemContext ctx, JsonNode v) {
        String p = ctx.path() + ".value";
        String item = text(v, "item", p + ".item");
        if (item == null) {
            throw malformed(p + ".item missing");
        }
        if ("comment".equals(item)) {
            return feed.comment(ctx, v);
        }
        if ("reaction".equals(item) || "like".equals(item)) {
            return feed.ignored(ctx, v, item, InteractionKind.REACTION.id() + ": feed " + item);
        }
        if (FEED_NOT_TICKETED.contains(item)) {
            return feed.ignored(ctx, v, item, "feed: item '" + item + "' is not ticketed");
        }
        return ctx.quarantined("unsupported feed item '" + item + "'");
    }

    /** Comment time: {@code timestamp} or {@code created_time}; null when neither is there. */
    static Instant firstTime(JsonNode v, String p) {
        Instant t = MetaTimestamps.parse(v.get("timestamp"), p + ".timestamp");
        return t != null ? t : MetaTimestamps.parse(v.get("created_time"), p + ".created_time");
    }
}
