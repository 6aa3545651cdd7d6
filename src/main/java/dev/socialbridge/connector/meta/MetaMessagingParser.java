package dev.socialbridge.connector.meta;

import static dev.socialbridge.connector.meta.MetaJson.array;
import static dev.socialbridge.connector.meta.MetaJson.flag;
import static dev.socialbridge.connector.meta.MetaJson.id;
import static dev.socialbridge.connector.meta.MetaJson.malformed;
import static dev.socialbridge.connector.meta.MetaJson.object;
import static dev.socialbridge.connector.meta.MetaJson.requireId;
import static dev.socialbridge.connector.meta.MetaJson.requireObject;
import static dev.socialbridge.connector.meta.MetaJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.connector.spi.ParsedItem;
import dev.socialbridge.interaction.Attachment;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Referral;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** One Messenger / Instagram messaging event ({@code messaging[]}, {@code standby[]}) to a parsed item. */
final class MetaMessagingParser {

    private static final String[] HANDOVER = {
        "pass_thread_control", "take_thread_control", "request_thread_control", "app_roles"};

    ParsedItem parse(MetaItemContext ctx, JsonNode ev) {
        if (ev == null || !ev.isObject()) {
            throw malformed(ctx.path() + " is not an object");
        }
        if (ev.has("message")) {
            return message(ctx, ev);
        }
        if (ev.has("postback")) {
            return postback(ctx, ev);
        }
        if (ev.has("referral")) {
            return referral(ctx, ev);
        }
        if (ev.has("reaction")) {
            return reaction(ctx, ev);
        }
        if (ev.has("read") || ev.has("delivery")) {
            return receipt(ctx, ev);
        }
        if (ev.has("message_edit")) {
            return edit(ctx, ev);
        }
        for (String h : HANDOVER) {
            if (ev.has(h)) {
                Parties p = Parties.of(ctx, ev, false);
                return ctx.ignored(ctx.messagingKeyPrefix() + ":handover:" + h + ":" + p.customer + ":"
                        + p.at.toEpochMilli(), "handover: " + h);
            }
        }
        return ctx.quarantined("unknown messaging event with fields " + fieldNames(ev));
    }

    private ParsedItem message(MetaItemContext ctx, JsonNode ev) {
        JsonNode msg = requireObject(ev, "message", ctx.path() + ".message");
        String mid = requireId(msg, "mid", ctx.path() + ".message.mid");
        boolean echo = flag(msg, "is_echo") || flag(msg, "is_self");
        Parties p = Parties.of(ctx, ev, echo);
        String pfx = ctx.messagingKeyPrefix();
        if (flag(msg, "is_deleted")) {
            return ctx.ignored(pfx + ":unsend:" + mid, "unsend: message deleted by its author");
        }
        List<Attachment> attachments = attachments(msg, ctx.path() + ".message.attachments");
        JsonNode replyTo = object(msg, "reply_to", ctx.path() + ".message.reply_to");
        JsonNode story = object(replyTo, "story", ctx.path() + ".message.reply_to.story");
        String storyId = null;
        InteractionKind kind = InteractionKind.DM;
        if (story != null) {
            kind = InteractionKind.STORY_REPLY;
            storyId = id(story, "id", ctx.path() + ".message.reply_to.story.id");
            String url = text(story, "url", ctx.path() + ".message.reply_to.story.url");
            if (url != null) {
                attachments.add(Attachment.link("story", url));
            }
        } else if (hasType(attachments, "story_mention")) {
            kind = InteractionKind.STORY_MENTION;
        }
        String parentId = id(replyTo, "mid", ctx.path() + ".message.reply_to.mid");
        Referral referral = MetaReferrals.of(object(msg, "referral", ctx.path() + ".message.referral"));
        Interaction i = new Interaction(ctx.messagingPlatform(), kind, p.account, p.threadKey(ctx), mid, parentId,
                storyId, Author.of(p.sender), text(msg, "text", ctx.path() + ".message.text"), attachments,
                referral, null, p.at, p.fromSelf, p.customer, ctx.automationBlockedBy(), 0L);
        return ctx.accepted(pfx + ":dm:" + mid, i);
    }

    private ParsedItem postback(MetaItemContext ctx, JsonNode ev) {
        JsonNode pb = requireObject(ev, "postback", ctx.path() + ".postback");
        Parties p = Parties.of(ctx, ev, false);
        String payload = text(pb, "payload", ctx.path() + ".postback.payload");
        String title = text(pb, "title", ctx.path() + ".postback.title");
        String mid = id(pb, "mid", ctx.path() + ".postback.mid");
        long ms = p.at.toEpochMilli();
        Referral referral = MetaReferrals.of(object(pb, "referral", ctx.path() + ".postback.referral"));
        Interaction i = new Interaction(ctx.messagingPlatform(), InteractionKind.POSTBACK, p.account,
                p.threadKey(ctx), mid != null ? mid : "postback:" + p.customer + ":" + ms, null, null,
                Author.of(p.sender), title, List.of(), referral, null, p.at, p.fromSelf, p.customer,
                ctx.automationBlockedBy(), 0L);
        return ctx.accepted(ctx.messagingKeyPrefix() + ":postback:" + p.customer + ":" + ms + ":"
                + MetaKeys.hash(payload), i);
    }

    private ParsedItem referral(MetaItemContext ctx, JsonNode ev) {
        Referral referral = MetaReferrals.of(requireObject(ev, "referral", ctx.path() + ".referral"));
        Parties p = Parties.of(ctx, ev, false);
        long ms = p.at.toEpochMilli();
        Interaction i = new Interaction(ctx.messagingPlatform(), InteractionKind.REFERRAL, p.account,
                p.threadKey(ctx), "referral:" + p.customer + ":" + ms, null, null, Author.of(p.sender), "",
                List.of(), referral, null, p.at, p.fromSelf, p.customer, ctx.automationBlockedBy(), 0L);
        return ctx.accepted(ctx.messagingKeyPrefix() + ":referral:" + p.customer + ":" + ms, i);
    }

    private ParsedItem reaction(MetaItemContext ctx, JsonNode ev) {
        JsonNode r = requireObject(ev, "reaction", ctx.path() + ".reaction");
        Parties p = Parties.of(ctx, ev, false);
        String mid = requireId(r, "mid", ctx.path() + ".reaction.mid");
        String action = text(r, "action", ctx.path() + ".reaction.action");
        String what = text(r, "reaction", ctx.path() + ".reaction.reaction");
        return ctx.ignored(ctx.messagingKeyPrefix() + ":reaction:" + mid + ":" + p.sender + ":" + action + ":"
                + p.at.toEpochMilli(), InteractionKind.REACTION.id() + ": " + action + (what == null ? "" : " " + what));
    }

    private ParsedItem receipt(MetaItemContext ctx, JsonNode ev) {
        String type = ev.has("read") ? "read" : "delivery";
        JsonNode r = requireObject(ev, type, ctx.path() + "." + type);
        Parties p = Parties.of(ctx, ev, false);
        String mark = id(r, "watermark", ctx.path() + "." + type + ".watermark");
        if (mark == null) {
            mark = id(r, "mid", ctx.path() + "." + type + ".mid");
        }
        if (mark == null) {
            JsonNode mids = array(r, "mids", ctx.path() + "." + type + ".mids");
            mark = mids == null ? Long.toString(p.at.toEpochMilli()) : MetaKeys.hash(mids.toString());
        }
        return ctx.ignored(ctx.messagingKeyPrefix() + ":" + type + ":" + p.sender + ":" + mark,
                InteractionKind.RECEIPT.id() + ": " + type);
    }

    private ParsedItem edit(MetaItemContext ctx, JsonNode ev) {
        JsonNode e = requireObject(ev, "message_edit", ctx.path() + ".message_edit");
        String mid = requireId(e, "mid", ctx.path() + ".message_edit.mid");
        String n = id(e, "num_edit", ctx.path() + ".message_edit.num_edit");
        return ctx.ignored(ctx.messagingKeyPrefix() + ":edit:" + mid + ":" + (n == null ? "0" : n),
                "message_edit: edits of direct messages are recorded, not ticketed");
    }

    static List<Attachment> attachments(JsonNode msg, String path) {
        JsonNode arr = array(msg, "attachments", path);
        List<Attachment> out = new ArrayList<>(arr == null ? 1 : arr.size() + 1);
        if (arr == null) {
            return out;
        }
        for (JsonNode a : arr) {
            if (!a.isObject()) {
                throw malformed(path + "[] is not an object");
            }
            JsonNode payload = object(a, "payload", path + "[].payload");
            out.add(Attachment.link(text(a, "type", path + "[].type"), text(payload, "url", path + "[].payload.url")));
        }
        return out;
    }

    private static boolean hasType(List<Attachment> attachments, String type) {
        for (Attachment a : attachments) {
            if (type.equals(a.type())) {
                return true;
            }
        }
        return false;
    }

    private static String fieldNames(JsonNode ev) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = ev.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names.toString();
    }

    /** Who is who in a messaging event: our side, the customer side, and when. */
    private record Parties(String sender, String customer, String account, Instant at, boolean fromSelf) {

        static Parties of(MetaItemContext ctx, JsonNode ev, boolean echo) {
            String path = ctx.path();
            JsonNode s = requireObject(ev, "sender", path + ".sender");
            String sender = party(s, path + ".sender");
            if (sender == null) {
                throw malformed(path + ".sender.id missing");
            }
            boolean self = echo || ctx.isOwn(sender);
            String customer = sender;
            if (self) {
                customer = party(object(ev, "recipient", path + ".recipient"), path + ".recipient");
                if (customer == null) {
                    throw malformed(path + ".recipient.id missing (echo)");
                }
            }
            Instant at = ctx.occurredAt(MetaTimestamps.parse(ev.get("timestamp"), path + ".timestamp"));
            return new Parties(sender, customer, ctx.accountId(), at, self);
        }

        /** {@code id}, or {@code user_ref} for chat-plugin guests. */
        private static String party(JsonNode node, String path) {
            String id = id(node, "id", path + ".id");
            return id != null ? id : id(node, "user_ref", path + ".user_ref");
        }

        String threadKey(MetaItemContext ctx) {
            return ctx.messagingPlatform().id() + ":dm:" + account + ":" + customer;
        }
    }
}
