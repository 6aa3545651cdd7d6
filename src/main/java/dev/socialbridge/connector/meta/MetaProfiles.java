package dev.socialbridge.connector.meta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import java.util.Set;

/**
 * Who wrote a Messenger or Instagram message: the webhook names only the sender's page-scoped id (PSID, IGSID).
 * Messenger User Profile API {@code GET /{PSID}?fields=name,first_name,last_name}; Instagram Messaging user profile
 * {@code GET /{IGSID}?fields=name,username}; both with the Page access token of the receiving account.
 */
final class MetaProfiles {
    /** Conversation kinds whose webhook carries only the sender's id. */
    private static final Set<InteractionKind> CONVERSATION_KINDS = Set.of(InteractionKind.DM, InteractionKind.STORY_REPLY,
            InteractionKind.STORY_MENTION, InteractionKind.POSTBACK);

    private MetaProfiles() {
    }

    static boolean canLookUp(Interaction i) {
        return (i.platform() == Platform.MESSENGER || i.platform() == Platform.INSTAGRAM)
                && CONVERSATION_KINDS.contains(i.kind())
                && i.author().displayName() == null && i.author().handle() == null
                && MetaGraphCall.isId(i.author().id());
    }

    static String lookupPathAndQuery(Interaction i) {
        String fields = i.platform() == Platform.INSTAGRAM ? "name,username" : "name,first_name,last_name";
        return i.author().id() + "?fields=" + fields;
    }

    /** The name: {@code name}, else first and last name; null when the answer has none. */
    static String displayName(JsonNode profile) {
        String name = text(profile, "name");
        if (name != null) {
            return name;
        }
        String first = text(profile, "first_name");
        String last = text(profile, "last_name");
        return first == null ? last : last == null ? first : first + " " + last;
    }

    /** The Instagram username (without '@'), or null. */
    static String handle(JsonNode profile) {
        String username = text(profile, "username");
        return username != null && username.startsWith("@") ? (username.length() > 1 ? username.substring(1) : null) : username;
    }

    private static String text(JsonNode node, String field) {
        JsonNode n = node.path(field);
        return n.isTextual() && !n.asText().isBlank() ? n.asText().strip() : null;
    }
}
