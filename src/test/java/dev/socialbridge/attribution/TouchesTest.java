package dev.socialbridge.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ThreadTouches} and {@link TouchFields}: first touch kept, last touch following the newest signal. */
class TouchesTest {
    static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");

    static CampaignSignal ref(String campaign, UtmParameters utm, Instant at) {
        return new CampaignSignal("instagram", SignalType.REF, campaign, null, utm, "r", null, null, null, null, at);
    }

    static CampaignSignal code(String campaign, String creator, Instant at) {
        return new CampaignSignal("instagram", SignalType.CODE, campaign, creator, null, null, null, null, null, "C1", at);
    }

    @Test
    void theFirstTouchNeverChangesAndTheLastFollowsTheNewestSignal() {
        CampaignSignal organic = CampaignSignal.organic("instagram", T0);
        CampaignSignal bf = ref("bf", UtmParameters.none(), T0.plusSeconds(60));
        CampaignSignal later = CampaignSignal.organic("instagram", T0.plusSeconds(120));
        ThreadTouches t = ThreadTouches.none().with(organic);
        assertEquals(new ThreadTouches(organic, organic), t);
        t = t.with(bf);
        assertEquals(new ThreadTouches(organic, bf), t);
        assertSame(t, t.with(later), "an organic message leaves the touches as they were");
        assertSame(t, t.with(code("x", null, T0.plusSeconds(30))), "an older signal does not replace a newer one");
    }

    @Test
    void touchFieldsWriteSourcesAndTimes() {
        CampaignSignal bf = ref("bf", new UtmParameters("ig", "social", "bf", null, null), T0);
        assertEquals(Map.of("first_touch_at", "2026-11-27T09:00:00Z", "first_touch_source", "instagram:ref:bf"),
                TouchFields.first(bf));
        assertEquals(Map.of("last_touch_at", "2026-11-27T09:00:00Z", "last_touch_source", "instagram:ref:bf"),
                TouchFields.last(bf));
        assertEquals(Map.of("campaign_tag", "bf", "utm_source", "ig", "utm_medium", "social", "utm_campaign", "bf",
                "ref", "r"), TouchFields.campaign(bf, "bf"));
    }

    @Test
    void aNewTouchClearsTheCampaignFieldsThePreviousOneSetAndItLacks() {
        CampaignSignal bf = ref("bf", new UtmParameters("ig", "social", "bf", null, null), T0);
        CampaignSignal lea = code("summer", "lea", T0.plusSeconds(60));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("last_touch_at", "2026-11-27T09:01:00Z");
        expected.put("last_touch_source", "instagram:code:summer");
        expected.put("campaign_tag", "summer");
        expected.put("campaign_creator", "lea");
        expected.put("utm_source", "");
        expected.put("utm_medium", "");
        expected.put("utm_campaign", "");
        expected.put("ref", "");
        assertEquals(expected, TouchFields.change(bf, lea, "summer"));
    }
}
