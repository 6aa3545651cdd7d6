package dev.socialbridge.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socialbridge.interaction.Platform;
import dev.socialbridge.interaction.Referral;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Touches of tracked links: a referral whose ref is a link code, a click, a lead form. */
class LinkSignalsTest {
    private static final LinkRef BIO = new LinkRef("AbCdE12345", "black_friday_2026", "lea.martin",
            new UtmParameters("instagram", "bio", "black_friday_2026", null, null));
    private final CampaignSignals signals = CampaignSignals.withoutCodes();

    @Test
    void aRefThatIsALinksCodeNamesTheLinksCampaignCreatorAndUtm() {
        CampaignSignal s = signals.of(CampaignSignalsTest.dm(Platform.INSTAGRAM, "Bonjour",
                CampaignSignalsTest.ref("AbCdE12345")), BIO);
        assertEquals(SignalType.REF, s.type());
        assertEquals("black_friday_2026", s.campaign());
        assertEquals("lea.martin", s.creator());
        assertEquals("bio", s.utm().medium());
        assertEquals("AbCdE12345", s.ref(), "the raw ref is kept");
        assertEquals("instagram:ref:black_friday_2026", s.source());
    }

    @Test
    void anotherRefOrNoLinkIsReadAsUsual() {
        CampaignSignal plain = signals.of(CampaignSignalsTest.dm(Platform.INSTAGRAM, "Bonjour",
                CampaignSignalsTest.ref("salon_2026")), BIO);
        assertEquals("salon_2026", plain.campaign());
        CampaignSignal none = signals.of(CampaignSignalsTest.dm(Platform.MESSENGER, "Bonjour",
                new Referral("AbCdE12345", "SHORTLINK", "OPEN_THREAD", null, null)), (LinkRef) null);
        assertEquals("AbCdE12345", none.campaign(), "an unknown code is a plain ref");
    }

    @Test
    void aClickAndAFormAreTouchesOfTheirOwnType() {
        Instant at = Instant.parse("2026-12-07T10:00:00.750Z");
        CampaignSignal click = CampaignSignals.linkClick("instagram", BIO, at);
        assertEquals("instagram:link:black_friday_2026", click.source());
        assertEquals(Instant.parse("2026-12-07T10:00:00Z"), click.at(), "whole seconds");
        assertEquals("AbCdE12345", click.ref());
        CampaignSignal form = CampaignSignals.form("web", "noel_2026", UtmParameters.none(), null, at);
        assertEquals("web:form:noel_2026", form.source());
        assertEquals(true, form.isSignal());
    }
}
