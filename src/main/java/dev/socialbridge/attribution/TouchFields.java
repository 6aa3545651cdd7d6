package dev.socialbridge.attribution;

import dev.socialbridge.descriptor.FieldKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The descriptor-keyed ticket fields of touches: first touch ({@code first_touch_at}, {@code first_touch_source}),
 * last touch ({@code last_touch_at}, {@code last_touch_source}) and the campaign fields of the last touch
 * ({@link #CAMPAIGN_KEYS}). Sources read {@code <channel>:<signal type>[:<campaign>]}; times are ISO-8601 instants.
 */
public final class TouchFields {
    /** The ticket fields that describe the campaign of the newest touch. */
    public static final List<String> CAMPAIGN_KEYS = List.of(FieldKeys.CAMPAIGN_TAG, FieldKeys.UTM_SOURCE,
            FieldKeys.UTM_MEDIUM, FieldKeys.UTM_CAMPAIGN, FieldKeys.UTM_CONTENT, FieldKeys.UTM_TERM, FieldKeys.REF,
            FieldKeys.AD_ID, FieldKeys.AD_CLICK_ID, FieldKeys.CAMPAIGN_CREATOR);

    private TouchFields() {
    }

    /** {@code first_touch_at} and {@code first_touch_source}. */
    public static Map<String, String> first(CampaignSignal touch) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(FieldKeys.FIRST_TOUCH_AT, touch.at().toString());
        f.put(FieldKeys.FIRST_TOUCH_SOURCE, touch.source());
        return f;
    }

    /** {@code last_touch_at} and {@code last_touch_source}. */
    public static Map<String, String> last(CampaignSignal touch) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(FieldKeys.LAST_TOUCH_AT, touch.at().toString());
        f.put(FieldKeys.LAST_TOUCH_SOURCE, touch.source());
        return f;
    }

    /**
     * The campaign fields of {@code touch} that have a value; {@code campaignTag} is the thread's campaign (the touch's
     * own, or an earlier one when it names none).
     */
    public static Map<String, String> campaign(CampaignSignal touch, String campaignTag) {
        Map<String, String> f = new LinkedHashMap<>();
        put(f, FieldKeys.CAMPAIGN_TAG, campaignTag);
        put(f, FieldKeys.UTM_SOURCE, touch.utm().source());
        put(f, FieldKeys.UTM_MEDIUM, touch.utm().medium());
        put(f, FieldKeys.UTM_CAMPAIGN, touch.utm().campaign());
        put(f, FieldKeys.UTM_CONTENT, touch.utm().content());
        put(f, FieldKeys.UTM_TERM, touch.utm().term());
        put(f, FieldKeys.REF, touch.ref());
        put(f, FieldKeys.AD_ID, touch.adId());
        put(f, FieldKeys.AD_CLICK_ID, touch.clickId());
        put(f, FieldKeys.CAMPAIGN_CREATOR, touch.creator());
        return f;
    }

    /**
     * What a new last touch changes on a ticket whose campaign fields came from {@code previous} (null: unknown): its
     * last touch and campaign fields, and an empty value (the host clears the field) for each campaign field the
     * previous touch had set and the new one lacks, so that the ticket never mixes two touches' UTM parameters.
     */
    public static Map<String, String> change(CampaignSignal previous, CampaignSignal next, String campaignTag) {
        Map<String, String> f = new LinkedHashMap<>(last(next));
        Map<String, String> now = campaign(next, campaignTag);
        f.putAll(now);
        if (previous != null) {
            campaign(previous, null).keySet().stream().filter(k -> !now.containsKey(k)).forEach(k -> f.put(k, ""));
        }
        return f;
    }

    private static void put(Map<String, String> f, String key, String value) {
        if (value != null && !value.isBlank()) {
            f.put(key, value.strip());
        }
    }
}
