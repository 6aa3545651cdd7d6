package dev.socialbridge.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AllowedDomainsTest {
    private final AllowedDomains domains = new AllowedDomains(List.of("shop.example.com", " IG.me ", "m.me."));

    @Test
    void allowsTheDomainsAndTheirSubdomains() {
        assertEquals(Optional.empty(), domains.refusal("https://shop.example.com/offre?x=1"));
        assertEquals(Optional.empty(), domains.refusal("http://www.shop.example.com/"));
        assertEquals(Optional.empty(), domains.refusal("https://SHOP.EXAMPLE.COM./a"));
        assertEquals(Optional.empty(), domains.refusal("https://ig.me/m/brand"));
        assertEquals(Optional.empty(), domains.refusal("https://m.me/brand"));
    }

    @Test
    void refusesLookAlikeHosts() {
        assertRefused("https://shop.example.com.evil.org/", "host 'shop.example.com.evil.org' is not in "
                + AllowedDomains.SETTING);
        assertRefused("https://evilshop.example.com/", "is not in");
        assertRefused("https://example.com/", "is not in");
        assertRefused("https://evil.org/?next=https://shop.example.com", "is not in");
    }

    @Test
    void refusesUserInfoTricks() {
        assertRefused("https://shop.example.com@evil.org/", "user info");
        assertRefused("https://shop.example.com:pw@evil.org/", "user info");
        assertRefused("https://evil.org@shop.example.com/", "user info");
    }

    @Test
    void refusesWhatIsNotAnAbsoluteHttpUrl() {
        assertRefused("javascript:alert(1)", "not an absolute http(s) URL");
        assertRefused("//shop.example.com/", "not an absolute http(s) URL");
        assertRefused("/r/relative", "not an absolute http(s) URL");
        assertRefused("ftp://shop.example.com/", "not an absolute http(s) URL");
        assertRefused("https://shop example.com/", "is not a URL");
        assertRefused("https:///nohost", "no host");
    }

    @Test
    void withoutDomainsNothingIsAllowedAndTheRefusalSaysTheSettingIsUnset() {
        assertRefused(new AllowedDomains(List.of()), "https://shop.example.com/", AllowedDomains.SETTING + " (unset)");
    }

    private void assertRefused(String target, String reason) {
        assertRefused(domains, target, reason);
    }

    private static void assertRefused(AllowedDomains d, String target, String reason) {
        Optional<String> refusal = d.refusal(target);
        assertTrue(refusal.isPresent(), target + " should be refused");
        assertTrue(refusal.get().contains(reason), refusal.get());
    }
}
