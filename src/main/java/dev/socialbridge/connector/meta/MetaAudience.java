package dev.socialbridge.connector.meta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.Platform;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Follower counts of Instagram authors through Business Discovery:
 * {@code GET /{ig-user-id}?fields=business_discovery.username(NAME){followers_count,media_count}}. Only business
 * and creator accounts are visible this way; webhooks never carry follower counts.
 */
final class MetaAudience {
    /** Instagram usernames: letters, digits, '.', '_', at most 30. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._]{1,30}");

    private MetaAudience() {
    }

    static boolean canLookUp(Interaction i) {
        return i.platform() == Platform.INSTAGRAM && i.author().handle() != null
                && USERNAME.matcher(i.author().handle()).matches();
    }

    static String lookupPathAndQuery(Interaction i) {
        String fields = "business_discovery.username(" + i.author().handle() + "){followers_count,media_count}";
        return i.accountId() + "?fields=" + URLEncoder.encode(fields, StandardCharsets.UTF_8);
    }

    /** {@code business_discovery.followers_count}, or null when absent. */
    static Long followers(JsonNode response) {
        JsonNode n = response.path("business_discovery").path("followers_count");
        return n.isIntegralNumber() && n.asLong() >= 0 ? n.asLong() : null;
    }
}
