package dev.socialbridge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.socialbridge.attribution.CampaignSignal;
import dev.socialbridge.attribution.CampaignSignals;
import dev.socialbridge.attribution.ThreadTouches;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.interaction.Referral;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fields a new ticket gets: its thread's first touch, and its last touch with that touch's campaign fields. */
class AttributionFieldsTest {
    static final Instant T0 = Instant.parse("2026-11-27T09:00:00.400Z");

    static Interaction dm(String text, Referral referral, Instant at) {
        return new Interaction(Platform.INSTAGRAM, InteractionKind.DM, "acct", "t", "m1", null, null, Author.of("u"), text,
                List.of(), referral, null, at, false, "u", null, 0);
    }

    @Test
    void aFirstMessageWithAUtmRefWritesTheUtmFieldsTheRawRefAndBothTouches() {
        Interaction i = dm("hello", new Referral("utm_source=instagram_bio&utm_medium=social&utm_campaign=bf_2026",
                "ADS", "OPEN_THREAD", "120", null), T0);
        CampaignSignal touch = CampaignSignals.withoutCodes().of(i);
        Map<String, String> f = AttributionFields.of(i, null, null, ThreadTouches.none().with(touch), touch.campaign());
        assertEquals("instagram_bio", f.get("utm_source"));
        assertEquals("social", f.get("utm_medium"));
        assertEquals("bf_2026", f.get("utm_campaign"));
        assertEquals("bf_2026", f.get("campaign_tag"));
        assertEquals("utm_source=instagram_bio&utm_medium=social&utm_campaign=bf_2026", f.get("ref"));
        assertEquals("120", f.get("ad_id"));
        assertEquals("instagram:ref:bf_2026", f.get("first_touch_source"));
        assertEquals("2026-11-27T09:00:00Z", f.get("first_touch_at"));
        assertEquals("instagram:ref:bf_2026", f.get("last_touch_source"));
    }

    @Test
    void aTicketCreatedLaterKeepsTheThreadsFirstTouch() {
        Interaction first = dm("hello", new Referral("bf_2026", "SHORTLINK", "OPEN_THREAD", null, null), T0);
        Interaction later = dm("still there?", null, T0.plusSeconds(600));
        ThreadTouches touches = ThreadTouches.none().with(CampaignSignals.withoutCodes().of(first))
                .with(CampaignSignals.withoutCodes().of(later));
        Map<String, String> f = AttributionFields.of(later, null, null, touches, "bf_2026");
        assertEquals("instagram:ref:bf_2026", f.get("first_touch_source"));
        assertEquals("2026-11-27T09:00:00Z", f.get("first_touch_at"));
        assertEquals("instagram:ref:bf_2026", f.get("last_touch_source"), "an organic message is no newer touch");
        assertEquals("bf_2026", f.get("ref"));
    }

    @Test
    void anOrganicFirstMessageIsAnOrganicTouchWithoutCampaignFields() {
        Interaction i = dm("hello", null, T0);
        Map<String, String> f = AttributionFields.of(i, null, null,
                ThreadTouches.none().with(CampaignSignals.withoutCodes().of(i)), null);
        assertEquals("instagram:organic", f.get("first_touch_source"));
        assertEquals("instagram:organic", f.get("last_touch_source"));
        assertFalse(f.containsKey("campaign_tag"));
        assertFalse(f.containsKey("utm_source"));
    }
}
