package dev.socialbridge.connector.meta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.connector.spi.ParsedItem;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.Platform;
import java.time.Instant;
import java.util.Set;

/**
 * Where one item sits: its envelope (object, entry id/time), whether it came from {@code standby[]}, its
 * one-item raw JSON and the loop-guard ids. Builds the item results so that key rules live in one place.
 */
record MetaItemContext(boolean instagram, JsonNode entryIdNode, JsonNode entryTimeNode, boolean standby, String path,
                       String rawJson, Set<String> ownIds) {

    static final String STANDBY_PREFIX = "standby:";
    static final String QUARANTINE_PREFIX = "meta:quarantine:";
    /** Why automation leaves a standby item alone. */
    static final String STANDBY_REASON = "standby: another app owns this conversation (Handover Protocol)";

    /** Platform of DMs and messaging events: INSTAGRAM for object "instagram", MESSENGER for object "page". */
    Platform messagingPlatform() {
        return instagram ? Platform.INSTAGRAM : Platform.MESSENGER;
    }

    /** Dedupe key prefix of messaging events: "ig" or "msgr". */
    String messagingKeyPrefix() {
        return instagram ? "ig" : "msgr";
    }

    /** Our account the item was delivered for ({@code entry.id}); malformed when missing. */
    String accountId() {
        String id = MetaJson.idValue(entryIdNode, "entry.id");
        if (id == null) {
            throw MetaJson.malformed("entry.id missing");
        }
        return id;
    }

    /** {@code entry.time}, or null. */
    Instant entryTime() {
        return MetaTimestamps.parse(entryTimeNode, "entry.time");
    }

    /** The first non-null of the given instants and {@code entry.time}; malformed when there is none. */
    Instant occurredAt(Instant itemTime) {
        Instant t = itemTime != null ? itemTime : entryTime();
        if (t == null) {
            throw MetaJson.malformed(path + ": no timestamp (item or entry.time)");
        }
        return t;
    }

    /** {@link #STANDBY_REASON} for an item of {@code standby[]}, else null. */
    String automationBlockedBy() {
        return standby ? STANDBY_REASON : null;
    }

    boolean isOwn(String id) {
        return id != null && ownIds.contains(id);
    }

    ParsedItem accepted(String key, Interaction interaction) {
        return new ParsedItem.Accepted(key(key), rawJson, interaction);
    }

    ParsedItem ignored(String key, String reason) {
        return new ParsedItem.Ignored(key(key), rawJson, reason);
    }

    ParsedItem quarantined(String reason) {
        return new ParsedItem.Quarantined(key(QUARANTINE_PREFIX + MetaKeys.hash(rawJson)), rawJson,
                standby ? reason + " (standby)" : reason);
    }

    private String key(String key) {
        return standby ? STANDBY_PREFIX + key : key;
    }
}
