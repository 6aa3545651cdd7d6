package dev.socialbridge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.attribution.CampaignSignal;
import dev.socialbridge.attribution.SignalType;
import dev.socialbridge.attribution.ThreadTouches;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TouchAttributionTest {
    static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
    static final ThreadState KNOWN = ThreadState.fresh("t").withCampaignTag("older_campaign");

    static CampaignSignal ref(String campaign, Instant at) {
        return new CampaignSignal("messenger", SignalType.REF, campaign, null, null, "r", null, null, null, null, at);
    }

    @Test
    void aNewerSignalIsTheThreadsCampaignAndChangesTheTicket() {
        ThreadTouches before = ThreadTouches.none().with(ref("bf", T0));
        TouchAttribution a = TouchAttribution.of(KNOWN, before, ref("noel", T0.plusSeconds(5)));
        assertEquals("noel", a.campaign());
        assertTrue(a.isNewestSignal());
        assertEquals("messenger:ref:noel", a.touchFields().get("last_touch_source"));
        assertEquals("messenger:ref:bf", a.touches().first().source(), "the first touch stays");
    }

    @Test
    void anOrganicMessageKeepsTheLastTouchsCampaignAndChangesNothing() {
        ThreadTouches before = ThreadTouches.none().with(ref("bf", T0));
        TouchAttribution a = TouchAttribution.of(KNOWN, before, CampaignSignal.organic("messenger", T0.plusSeconds(5)));
        assertEquals("bf", a.campaign(), "the rules still see the thread's campaign");
        assertFalse(a.isNewestSignal());
        assertEquals(before, a.touches());
    }

    @Test
    void aSignalWithoutCampaignKeepsTheThreadsCampaign() {
        TouchAttribution a = TouchAttribution.of(KNOWN, ThreadTouches.none(), ref(null, T0));
        assertEquals("older_campaign", a.campaign());
        assertEquals("older_campaign", a.touchFields().get("campaign_tag"));
    }

    @Test
    void anOlderSignalChangesNothing() {
        ThreadTouches before = ThreadTouches.none().with(ref("bf", T0));
        assertFalse(TouchAttribution.of(KNOWN, before, ref("old", T0.minusSeconds(60))).isNewestSignal());
    }
}
