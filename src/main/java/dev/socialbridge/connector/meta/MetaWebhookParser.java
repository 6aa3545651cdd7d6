package dev.socialbridge.connector.meta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.connector.spi.ParsedItem;
import dev.socialbridge.connector.spi.WebhookParser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a verified Meta webhook body ({@code object} "instagram" or "page") into one {@link ParsedItem}
 * per {@code entry[] × changes[] / messaging[] / standby[]} element. Stateless and thread-safe; never throws.
 *
 * <p><b>Platforms.</b> IG comments, mentions and DMs → INSTAGRAM; Page {@code feed} → FACEBOOK; Page
 * {@code messaging[]} → MESSENGER. {@code accountId} is always {@code entry.id} (IG account / Page id).
 *
 * <p><b>threadKey</b> (one thread = one ticket):
 * <ul>
 * <li>DMs, story replies/mentions, postbacks, referrals: {@code instagram:dm:<accountId>:<igsid>},
 *     {@code messenger:dm:<pageId>:<psid>}; the user is the customer side (the recipient of an echo).</li>
 * <li>Comments: {@code instagram:comment:<accountId>:<topLevelCommentId>},
 *     {@code facebook:comment:<pageId>:<topLevelCommentId>}; top level = {@code parent_id} when it names a
 *     comment (Page feed: {@code parent_id == post_id} means top level), else the comment's own id.</li>
 * <li>IG mentions: {@code instagram:mention:<accountId>:<commentId>} for a comment mention,
 *     {@code ...:<mediaId>} for a caption mention. The payload has no author or text: author id is
 *     {@value #UNKNOWN_AUTHOR_ID}; fetch {@code mentioned_comment}/{@code mentioned_media} to enrich.</li>
 * </ul>
 *
 * <p><b>dedupeKey</b> (a redelivered body yields the same keys):
 * {@code ig|msgr:dm:<mid>} (messages, story replies/mentions, echoes);
 * {@code ig|msgr:postback:<user>:<epochMs>:<payloadHash>}; {@code ig|msgr:referral:<user>:<epochMs>};
 * {@code ig:comment:<commentId>:add}; {@code ig:mention:<mediaId>:<commentId|caption>};
 * {@code fb:feed:<commentId>:<verb>} with {@code :<textHash>} appended for {@code edited} and
 * {@code :<entryTimeMs>} for {@code hide}/{@code unhide} (repeatable verbs);
 * ignored items: {@code ig|msgr:reaction:<mid>:<user>:<action>:<epochMs>}, {@code ig|msgr:read|delivery:<user>:<watermark|mid>},
 * {@code ig|msgr:unsend:<mid>}, {@code ig|msgr:edit:<mid>:<n>}, {@code fb:feed:<item>:<target>:<from>:<verb>:<epochMs>};
 * quarantined items: {@code meta:quarantine:<hash of rawJson>}. Hashes are the first 16 hex digits of SHA-256.
 *
 * <p><b>Standby</b> (another app owns the thread, Handover Protocol): items of {@code standby[]} are parsed
 * like {@code messaging[]} (same kind and threadKey) but their key is prefixed with {@value #STANDBY_PREFIX}
 * (see {@link #isStandby(ParsedItem)}): record them in the ticket, never auto-reply to them.
 *
 * <p><b>Loop guard</b> ({@code fromSelf}): message {@code is_echo}/{@code is_self}; {@code sender.id} ∈ own ids;
 * comment {@code from.id} ∈ own ids; IG {@code from.self_ig_scoped_id} ∈ own ids, or present with
 * {@code from.id} absent or equal to it; Page feed {@code from.id == entry.id}.
 *
 * <p><b>Not ticketed.</b> Reactions ({@code REACTION}), reads/deliveries ({@code RECEIPT}), unsends, DM edits,
 * handover events and non-comment feed items are {@link ParsedItem.Ignored}; the reason starts with the kind
 * ({@code "reaction: ..."}, {@code "receipt: ..."}). Unknown objects, fields, feed items and events, and
 * malformed items are {@link ParsedItem.Quarantined} with the reason; siblings are unaffected.
 *
 * <p>Messaging events that arrive as {@code changes[].value} with a messaging field ({@code messages},
 * {@code messaging_postbacks}..., the App Dashboard "Test" shape) are parsed like {@code messaging[]} items.
 *
 * <p><b>rawJson</b> of an item is a one-item envelope {@code {"object":..,"entry":[{"id":..,"time":..,
 * "<changes|messaging|standby>":[<item>]}]}}: self-contained, and parsing it again yields the same item.
 */
public final class MetaWebhookParser implements WebhookParser {

    /** Author id used when the payload names no author (IG mentions, some removals). */
    public static final String UNKNOWN_AUTHOR_ID = "unknown";
    /** Prefix of the dedupe key of every item delivered in {@code standby[]}. */
    public static final String STANDBY_PREFIX = MetaItemContext.STANDBY_PREFIX;

    private static final String CHANGES = "changes";
    private static final String MESSAGING = "messaging";
    private static final String STANDBY = "standby";

    private final Set<String> ownIds;
    private final MetaMessagingParser messaging = new MetaMessagingParser();
    private final MetaChangeParser changes = new MetaChangeParser(messaging);

    /** @param ownAccountIds our Page ids and IG business account ids (loop guard) */
    public MetaWebhookParser(Collection<String> ownAccountIds) {
        this.ownIds = Set.copyOf(ownAccountIds);
    }

    /** A parser whose own ids are every configured account id and page id. */
    public static MetaWebhookParser forAccounts(MetaAccounts accounts) {
        return new MetaWebhookParser(accounts.ownIds());
    }

    /** True when the item came from {@code standby[]} (another app owns the conversation). */
    public static boolean isStandby(ParsedItem item) {
        return item.dedupeKey().startsWith(STANDBY_PREFIX);
    }

    @Override
    public List<ParsedItem> parse(JsonNode body, String endpoint) {
        if (body == null || !body.isObject()) {
            return List.of(whole(body, "body is not a JSON object"));
        }
        JsonNode objectNode = body.get("object");
        String object = objectNode != null && objectNode.isTextual() ? objectNode.textValue() : null;
        if (!"instagram".equals(object) && !"page".equals(object)) {
            return List.of(whole(body, "unsupported object " + (objectNode == null ? "(missing)" : objectNode)));
        }
        JsonNode entries = body.get("entry");
        if (entries == null || !entries.isArray()) {
            return List.of(whole(body, "entry[] missing or not an array"));
        }
        boolean instagram = "instagram".equals(object);
        List<ParsedItem> out = new ArrayList<>(Math.max(4, entries.size()));
        for (JsonNode entry : entries) {
            parseEntry(instagram, object, entry, out);
        }
        return out;
    }

    private void parseEntry(boolean instagram, String object, JsonNode entry, List<ParsedItem> out) {
        if (!entry.isObject()) {
            out.add(whole(entry, "entry is not an object"));
            return;
        }
        JsonNode id = entry.get("id");
        JsonNode time = entry.get("time");
        boolean any = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = entry.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (!CHANGES.equals(name) && !MESSAGING.equals(name) && !STANDBY.equals(name)) {
                continue;
            }
            any = true;
            JsonNode items = field.getValue();
            if (!items.isArray()) {
                out.add(item(instagram, object, id, time, name, items, "entry." + name + " is not an array"));
                continue;
            }
            for (JsonNode item : items) {
                out.add(item(instagram, object, id, time, name, item, null));
            }
        }
        if (!any) {
            out.add(whole(entry, "entry has no changes[], messaging[] or standby[]"));
        }
    }

    private ParsedItem item(boolean instagram, String object, JsonNode id, JsonNode time, String array,
                            JsonNode item, String problem) {
        String raw = envelope(object, id, time, array, item);
        MetaItemContext ctx = new MetaItemContext(instagram, id, time, STANDBY.equals(array), array + "[]", raw, ownIds);
        if (problem != null) {
            return ctx.quarantined(problem);
        }
        try {
            return CHANGES.equals(array) ? changes.parse(ctx, item) : messaging.parse(ctx, item);
        } catch (MetaJson.MalformedItem e) {
            return ctx.quarantined(e.getMessage());
        } catch (RuntimeException e) {
            // a bug or an input we did not foresee: quarantine this item, keep its siblings
            return ctx.quarantined("unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The item wrapped in a one-item envelope, so that the raw JSON keeps its entry context. */
    static String envelope(String object, JsonNode id, JsonNode time, String array, JsonNode item) {
        String itemJson = item.toString();
        StringBuilder sb = new StringBuilder(itemJson.length() + 96);
        sb.append("{\"object\":\"").append(object).append("\",\"entry\":[{");
        if (id != null) {
            sb.append("\"id\":").append(id).append(',');
        }
        if (time != null) {
            sb.append("\"time\":").append(time).append(',');
        }
        return sb.append('"').append(array).append("\":[").append(itemJson).append("]}]}").toString();
    }

    private static ParsedItem whole(JsonNode node, String reason) {
        String raw = node == null ? "null" : node.toString();
        return new ParsedItem.Quarantined(MetaItemContext.QUARANTINE_PREFIX + MetaKeys.hash(raw), raw, reason);
    }
}
