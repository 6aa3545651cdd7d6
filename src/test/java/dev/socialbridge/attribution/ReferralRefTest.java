package dev.socialbridge.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferralRefTest {

    @Test
    void aQueryStringRefYieldsItsUtmParametersAndCampaign() {
        ReferralRef r = ReferralRef.parse("utm_source=instagram_bio&utm_medium=social&utm_campaign=black_friday_2026"
                + "&utm_content=story_1&utm_term=pack+pro");
        assertTrue(r.queryString());
        assertEquals(new UtmParameters("instagram_bio", "social", "black_friday_2026", "story_1", "pack pro"), r.utm());
        assertEquals("black_friday_2026", r.campaign());
    }

    @Test
    void valuesAndKeysAreUrlDecodedAndKeysIgnoreCase() {
        ReferralRef r = ReferralRef.parse("UTM_Source=Instagram%20Bio&utm_campaign=No%C3%ABl%202026&x=a%26b");
        assertEquals("Instagram Bio", r.utm().source());
        assertEquals("Noël 2026", r.campaign());
        assertEquals("a&b", r.parameters().get("x"), "an encoded & stays in its value");
    }

    @Test
    void aRefEncodedAsAWholeIsDecodedFirst() {
        ReferralRef r = ReferralRef.parse("utm_source%3Dnewsletter%26utm_campaign%3Dsoldes%2520hiver");
        assertEquals("newsletter", r.utm().source());
        assertEquals("soldes hiver", r.campaign());
    }

    @Test
    void campaignIsUtmCampaignElseCampaign() {
        assertEquals("black_friday_2026", ReferralRef.parse("utm_source=instagram_bio&campaign=black_friday_2026").campaign());
        assertEquals("a", ReferralRef.parse("campaign=b&utm_campaign=a").campaign(), "utm_campaign first");
        assertNull(ReferralRef.parse("utm_source=instagram_bio").campaign(), "no campaign named");
    }

    @Test
    void theFirstOccurrenceOfAKeyWinsAndEmptyValuesAreAbsent() {
        ReferralRef r = ReferralRef.parse("utm_campaign=first&utm_campaign=second&utm_medium=&=x&novalue");
        assertEquals("first", r.campaign());
        assertNull(r.utm().medium());
        assertEquals(Map.of("utm_campaign", "first"), r.parameters());
    }

    @Test
    void aUrlRefIsReadFromItsQuery() {
        ReferralRef r = ReferralRef.parse("https://shop.example.com/pro?utm_source=tiktok&utm_campaign=launch#top");
        assertEquals("tiktok", r.utm().source());
        assertEquals("launch", r.campaign());
    }

    @Test
    void aPlainRefIsTheCampaign() {
        ReferralRef r = ReferralRef.parse(" bf26_pack_pro ");
        assertFalse(r.queryString());
        assertEquals("bf26_pack_pro", r.campaign());
        assertTrue(r.utm().isEmpty());
        assertEquals("salon 2026", ReferralRef.parse("salon%202026").campaign(), "percent-decoded");
        assertEquals("c++", ReferralRef.parse("c++").campaign(), "a plus is not a space outside a query string");
    }

    @Test
    void brokenEncodingIsKeptAsIs() {
        assertEquals("100%", ReferralRef.parse("100%").campaign());
        assertEquals("50%off", ReferralRef.parse("utm_campaign=50%off").campaign());
    }

    @Test
    void noRefIsNull() {
        assertNull(ReferralRef.parse(null));
        assertNull(ReferralRef.parse("  "));
    }
}
