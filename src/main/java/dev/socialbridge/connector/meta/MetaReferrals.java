package dev.socialbridge.connector.meta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.interaction.Referral;

/**
 * Meta referral objects ({@code referral}, {@code postback.referral}, {@code message.referral}) to
 * {@link Referral}. {@code url} is the {@code referer_uri} (chat plugin) when given, else the ad creative's
 * {@code ads_context_data.video_url}/{@code photo_url} for click-to-message ads, whose {@code ad_title} is the
 * referral's headline and {@code post_id} its post.
 */
final class MetaReferrals {

    private MetaReferrals() {
    }

    static Referral of(JsonNode r) {
        if (r == null) {
            return null;
        }
        JsonNode ads = MetaJson.object(r, "ads_context_data", "referral.ads_context_data");
        String url = first(text(r, "referer_uri"), text(r, "url"), text(ads, "video_url"), text(ads, "photo_url"));
        Referral referral = new Referral(text(r, "ref"), text(r, "source"), text(r, "type"),
                MetaJson.id(r, "ad_id", "referral.ad_id"), url, null, text(ads, "ad_title"),
                MetaJson.id(ads, "post_id", "referral.ads_context_data.post_id"));
        return referral.isEmpty() ? null : referral;
    }

    private static String text(JsonNode node, String field) {
        String v = MetaJson.text(node, field, "referral." + field);
        return v == null || v.isEmpty() ? null : v;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
