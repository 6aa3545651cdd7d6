package dev.socialbridge.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.interaction.Referral;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignSignalsTest {
    static final Instant AT = Instant.parse("2026-11-27T09:15:30.250Z");
    static final CampaignCodes CODES = new CampaignCodes(
            Map.of("ÉTÉ26", new CampaignCodes.Target("summer_2026", null),
                    "LEA10", new CampaignCodes.Target("black_friday_2026", "lea.martin"),
                    "BF26", new CampaignCodes.Target("black_friday_2026", null),
                    "BF26 VIP", new CampaignCodes.Target("bf_vip", null)),
            Map.of("17910000000000023", "summer_drop", "122100000000000177", "pack_pro_post"),
            Map.of("120210000000000099", "mapped_ad_campaign"));
    final CampaignSignals signals = new CampaignSignals(CODES);

    static Interaction dm(Platform platform, String text, Referral referral) {
        return new Interaction(platform, InteractionKind.DM, "acct", "thread", "item", null, null, Author.of("u"), text,
                List.of(), referral, null, AT, false, null, null, 0);
    }

    static Interaction comment(String postId, String text, Referral referral) {
        return new Interaction(Platform.INSTAGRAM, InteractionKind.COMMENT, "acct", "thread", "item", null, postId,
                Author.of("u"), text, List.of(), referral, null, AT, false, null, null, 0);
    }

    static Referral ref(String ref) {
        return new Referral(ref, "SHORTLINK", "OPEN_THREAD", null, null);
    }

    @Test
    void aQueryStringRefFillsTheUtmParametersAndNamesTheCampaign() {
        CampaignSignal s = signals.of(dm(Platform.INSTAGRAM, "hello",
                ref("utm_source=instagram_bio&utm_medium=social&utm_campaign=black_friday_2026")));
        assertEquals(SignalType.REF, s.type());
        assertEquals("black_friday_2026", s.campaign());
        assertEquals(new UtmParameters("instagram_bio", "social", "black_friday_2026", null, null), s.utm());
        assertEquals("utm_source=instagram_bio&utm_medium=social&utm_campaign=black_friday_2026", s.ref(), "raw ref kept");
        assertEquals("instagram:ref:black_friday_2026", s.source());
        assertEquals(Instant.parse("2026-11-27T09:15:30Z"), s.at(), "whole seconds");
    }

    @Test
    void anEncodedQueryStringIsDecodedAndCampaignIsAFallbackKey() {
        CampaignSignal s = signals.of(dm(Platform.MESSENGER, "", ref("utm_source=instagram%20bio&campaign=No%C3%ABl+2026")));
        assertEquals("Noël 2026", s.campaign());
        assertEquals("instagram bio", s.utm().source());
        assertNull(s.utm().campaign(), "campaign= is not utm_campaign");
    }

    @Test
    void aPlainRefIsTheCampaignWithoutUtm() {
        CampaignSignal s = signals.of(dm(Platform.TELEGRAM, "/start salon_2026", new Referral("salon_2026", "t.me", "start", null, null)));
        assertEquals(SignalType.REF, s.type());
        assertEquals("salon_2026", s.campaign());
        assertTrue(s.utm().isEmpty());
        assertEquals("telegram:ref:salon_2026", s.source());
    }

    @Test
    void aPlainRefThatIsACodeNamesTheCodesCampaignAndCreator() {
        CampaignSignal s = signals.of(dm(Platform.MESSENGER, "", ref("lea10")));
        assertEquals("black_friday_2026", s.campaign());
        assertEquals("lea.martin", s.creator());
        assertEquals("lea10", s.ref());
    }

    @Test
    void anAdOnlyReferralNamesTheAdTitleElseTheAdId() {
        CampaignSignal titled = signals.of(dm(Platform.MESSENGER, "", new Referral(null, "ADS", "OPEN_THREAD",
                "120210000000000061", null, null, "Pack Pro -30% ce week-end", "100000000000001_122100000000000999")));
        assertEquals(SignalType.AD, titled.type());
        assertEquals("Pack Pro -30% ce week-end", titled.campaign());
        assertEquals("120210000000000061", titled.adId());
        assertEquals("100000000000001_122100000000000999", titled.postId(), "the ad's post");
        CampaignSignal bare = signals.of(comment("17910000000000099", "nice", new Referral(null, "ADS", null, "120210000000000062", null)));
        assertEquals("ad:120210000000000062", bare.campaign());
        assertEquals("instagram:ad:ad:120210000000000062", bare.source());
    }

    @Test
    void anAdOfTheCodesFileNamesItsMappedCampaign() {
        CampaignSignal s = signals.of(dm(Platform.MESSENGER, "", new Referral(null, "ADS", null, "120210000000000099", null,
                null, "Some title")));
        assertEquals("mapped_ad_campaign", s.campaign());
    }

    @Test
    void aClickToWhatsAppAdIsCtwaWithItsClickIdAndHeadline() {
        CampaignSignal s = signals.of(dm(Platform.WHATSAPP, "Bonjour", new Referral(null, "ad", "ctwa",
                "120226305854810726", "https://fb.me/x", "ARAkLkA8rmlFeiCktEJQ", "Chat with us")));
        assertEquals(SignalType.CTWA, s.type());
        assertEquals("Chat with us", s.campaign());
        assertEquals("ARAkLkA8rmlFeiCktEJQ", s.clickId());
        assertEquals("whatsapp:ctwa:Chat with us", s.source());
        CampaignSignal post = signals.of(dm(Platform.WHATSAPP, "", new Referral(null, "post", "ctwa", null, null, null, null,
                "17910000000000023")));
        assertEquals(SignalType.CTWA, post.type());
        assertEquals("summer_drop", post.campaign(), "a Click-to-WhatsApp post names its mapped campaign");
    }

    @Test
    void codesMatchAsWholeWordsIgnoringCaseAndAccents() {
        assertEquals("summer_2026", signals.of(dm(Platform.INSTAGRAM, "J'ai le code ete26 !", null)).campaign());
        assertEquals("summer_2026", signals.of(dm(Platform.INSTAGRAM, "code: Été26.", null)).campaign());
        assertEquals(SignalType.CODE, signals.of(dm(Platform.INSTAGRAM, "bf26", null)).type());
        assertEquals(SignalType.ORGANIC, signals.of(dm(Platform.INSTAGRAM, "bf265 ou xbf26", null)).type(),
                "not inside another word");
        CampaignSignal creator = signals.of(dm(Platform.INSTAGRAM, "Code LEA10 please", null));
        assertEquals("lea.martin", creator.creator());
        assertEquals("LEA10", creator.code());
        assertEquals("instagram:code:black_friday_2026", creator.source());
    }

    @Test
    void theFirstCodeInTheTextWinsAndTheLongerAtTheSamePlace() {
        assertEquals("summer_2026", signals.of(dm(Platform.INSTAGRAM, "ete26 puis BF26", null)).campaign());
        assertEquals("bf_vip", signals.of(dm(Platform.INSTAGRAM, "code BF26 VIP", null)).campaign());
    }

    @Test
    void aPostOfTheCodesFileNamesItsCampaign() {
        CampaignSignal s = signals.of(comment("17910000000000023", "trop beau", null));
        assertEquals(SignalType.POST, s.type());
        assertEquals("summer_drop", s.campaign());
        assertEquals("17910000000000023", s.postId());
        assertEquals(SignalType.ORGANIC, signals.of(comment("17910000000000099", "trop beau", null)).type(),
                "an unmapped post is no signal");
    }

    @Test
    void precedenceIsRefThenAdThenCodeThenPost() {
        assertEquals(List.of(SignalType.REF, SignalType.AD, SignalType.CTWA, SignalType.CODE, SignalType.POST),
                CampaignSignals.PRECEDENCE);
        Referral adWithRef = new Referral("bf26_pack_pro", "ADS", "OPEN_THREAD", "120210000000000061", null, null,
                "Pack Pro -30%", "122100000000000177");
        CampaignSignal all = signals.of(comment("17910000000000023", "code ete26", adWithRef));
        assertEquals(SignalType.REF, all.type());
        assertEquals("bf26_pack_pro", all.campaign(), "the ref beats the ad, the code and the post");
        assertEquals("120210000000000061", all.adId(), "the ad is still recorded");
        assertEquals("ÉTÉ26", all.code(), "and the code, as configured");

        Referral adOnly = new Referral(null, "ADS", null, "120210000000000061", null, null, "Pack Pro -30%");
        assertEquals("Pack Pro -30%", signals.of(comment("17910000000000023", "code ete26", adOnly)).campaign(),
                "the ad beats the code and the post");
        CampaignSignal code = signals.of(comment("17910000000000023", "code ete26", null));
        assertEquals(SignalType.CODE, code.type(), "the code beats the post");
        assertEquals("summer_2026", code.campaign());
    }

    @Test
    void aRefWithoutCampaignLeavesTheCampaignToTheNextSignal() {
        CampaignSignal s = signals.of(dm(Platform.INSTAGRAM, "code BF26", ref("utm_source=instagram_bio")));
        assertEquals(SignalType.CODE, s.type());
        assertEquals("black_friday_2026", s.campaign());
        assertEquals("instagram_bio", s.utm().source(), "the ref's UTM parameters are kept");
        CampaignSignal none = signals.of(dm(Platform.INSTAGRAM, "hello", ref("utm_source=instagram_bio")));
        assertEquals(SignalType.REF, none.type(), "a ref without campaign is still a ref touch");
        assertNull(none.campaign());
        assertEquals("instagram:ref", none.source());
    }

    @Test
    void aCreatorCodeAgreeingWithTheWinningCampaignCreditsItsCreator() {
        CampaignSignal s = signals.of(dm(Platform.INSTAGRAM, "LEA10", ref("utm_campaign=black_friday_2026")));
        assertEquals(SignalType.REF, s.type());
        assertEquals("lea.martin", s.creator());
        assertNull(signals.of(dm(Platform.INSTAGRAM, "LEA10", ref("utm_campaign=other"))).creator(),
                "not for another campaign");
    }

    @Test
    void noSignalIsOrganic() {
        CampaignSignal s = CampaignSignals.withoutCodes().of(dm(Platform.FACEBOOK, "BF26 hello", null));
        assertEquals(SignalType.ORGANIC, s.type());
        assertFalse(s.isSignal());
        assertNull(s.campaign());
        assertEquals("facebook:organic", s.source());
    }
}
