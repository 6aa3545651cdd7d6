package dev.socialbridge.pipeline;

import dev.socialbridge.attribution.ThreadTouches;
import dev.socialbridge.attribution.TouchFields;
import dev.socialbridge.classify.Classification;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the descriptor-keyed fields of a new ticket from an interaction, what automation found and the thread's
 * touches: its first touch, and its last touch with that touch's campaign fields.
 */
final class AttributionFields {
    private AttributionFields() {
    }

    /**
     * @param touches     the thread's touches, this message's included (a first touch is always there)
     * @param campaignTag the thread's campaign
     */
    static Map<String, String> of(Interaction i, Classification c, AutomationOutcome o, ThreadTouches touches,
                                  String campaignTag) {
        Map<String, String> f = new LinkedHashMap<>();
        put(f, "thread_key", i.threadKey());
        put(f, "social_channel", i.platform().id());
        put(f, "social_account", i.accountId());
        put(f, "social_user_id", i.author().id());
        put(f, "social_handle", i.author().handle() == null ? null : "@" + i.author().handle());
        put(f, "post_id", i.postId());
        put(f, "message_id", i.itemId());
        put(f, "conversation_id", conversationId(i));
        put(f, "permalink", i.permalink());
        put(f, dev.socialbridge.descriptor.FieldKeys.SOCIAL_PROFILE_URL, ProfileLinks.of(i));
        if (c != null) {
            put(f, "intent", c.intent());
            put(f, "sentiment", c.sentiment());
            put(f, "language", c.lang());
        }
        f.putAll(TouchFields.first(touches.first()));
        f.putAll(TouchFields.last(touches.last()));
        f.putAll(TouchFields.campaign(touches.last(), campaignTag));
        if (o != null) {
            if (o.leadScoreDelta() > 0) {
                put(f, "lead_score", Integer.toString(o.leadScoreDelta()));
            }
            put(f, "automation_status", o.automationStatus());
            if (o.hideReason() != null) {
                put(f, "moderation_status", "hidden");
                put(f, "moderation_reason", o.hideReason());
            }
        }
        return f;
    }

    /** The platform conversation: the DM thread or chat, or the top-level comment a comment thread hangs off. */
    private static String conversationId(Interaction i) {
        if (i.conversationId() != null) {
            return i.conversationId();
        }
        if (i.kind() == InteractionKind.COMMENT) {
            return i.parentId() != null ? i.parentId() : i.itemId();
        }
        int at = i.threadKey().lastIndexOf(':');
        return at < 0 ? i.threadKey() : i.threadKey().substring(at + 1);
    }

    private static void put(Map<String, String> f, String key, String value) {
        if (value != null && !value.isBlank()) {
            f.put(key, value);
        }
    }
}
