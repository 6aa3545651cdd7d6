package dev.socialbridge.links;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socialbridge.attribution.UtmParameters;
import org.junit.jupiter.api.Test;

class RedirectUrlsTest {
    private static final UtmParameters BIO = new UtmParameters("instagram", "bio", "black_friday_2026", null, null);

    @Test
    void addsTheUtmParametersToATargetWithoutQuery() {
        assertEquals("https://shop.example.com/offre?utm_source=instagram&utm_medium=bio&utm_campaign=black_friday_2026",
                RedirectUrls.location("https://shop.example.com/offre", BIO, "AbCdE12345"));
    }

    @Test
    void keepsTheExistingQueryAsWrittenAndTheFragmentAtTheEnd() {
        assertEquals("https://shop.example.com/p?id=42&q=a%20b&utm_source=instagram&utm_medium=bio"
                        + "&utm_campaign=black_friday_2026#reviews",
                RedirectUrls.location("https://shop.example.com/p?id=42&q=a%20b#reviews", BIO, "AbCdE12345"));
    }

    @Test
    void theLinksValuesWinInPlaceAndNoKeyAppearsTwice() {
        assertEquals("https://shop.example.com/?utm_campaign=black_friday_2026&x=1&utm_source=instagram&utm_medium=bio",
                RedirectUrls.location("https://shop.example.com/?utm_campaign=old&x=1&UTM_SOURCE=a&utm_source=b",
                        BIO, "AbCdE12345"));
    }

    @Test
    void aTargetsOwnUtmParameterTheLinkLacksIsKept() {
        assertEquals("https://shop.example.com/?utm_term=shoes&utm_source=instagram&utm_medium=bio"
                        + "&utm_campaign=black_friday_2026",
                RedirectUrls.location("https://shop.example.com/?utm_term=shoes", BIO, "AbCdE12345"));
    }

    @Test
    void valuesAreEncoded() {
        UtmParameters utm = new UtmParameters("insta gram", null, "été & co=1", null, null);
        assertEquals("https://shop.example.com/?utm_source=insta%20gram&utm_campaign=%C3%A9t%C3%A9%20%26%20co%3D1",
                RedirectUrls.location("https://shop.example.com/", utm, "AbCdE12345"));
    }

    @Test
    void messengerAndInstagramConversationLinksCarryTheCodeAsRef() {
        assertEquals("https://ig.me/m/brand?utm_source=instagram&utm_medium=bio&utm_campaign=black_friday_2026"
                        + "&ref=AbCdE12345",
                RedirectUrls.location("https://ig.me/m/brand", BIO, "AbCdE12345"));
        assertEquals("https://m.me/brand?ref=AbCdE12345",
                RedirectUrls.location("https://m.me/brand?ref=old", UtmParameters.none(), "AbCdE12345"));
        assertEquals("https://wa.me/33600000000?text=Bonjour",
                RedirectUrls.location("https://wa.me/33600000000?text=Bonjour", UtmParameters.none(), "AbCdE12345"),
                "wa.me carries no ref");
    }

    @Test
    void aTargetWithAnEmptyQueryOrStrayAmpersandsStaysClean() {
        assertEquals("https://shop.example.com/?a=1&utm_source=instagram",
                RedirectUrls.location("https://shop.example.com/?&a=1&",
                        new UtmParameters("instagram", null, null, null, null), null));
    }
}
