package dev.socialbridge.links;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UserAgentsTest {

    @Test
    void namesTheBrowserFamily() {
        assertEquals("chrome", UserAgents.family("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"));
        assertEquals("safari", UserAgents.family("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) "
                + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1"));
        assertEquals("firefox", UserAgents.family("Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0"));
        assertEquals("edge", UserAgents.family("Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91"));
        assertEquals("chrome", UserAgents.family("Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 CriOS/120.0 Mobile Safari/604.1"));
        assertEquals("safari", UserAgents.family("Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                + "Mobile/15E148 Instagram 312.0.0.0"), "Instagram's in-app browser is WebKit");
    }

    @Test
    void crawlersAndLinkPreviewsAreBots() {
        assertEquals("bot", UserAgents.family("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"));
        assertEquals("bot", UserAgents.family("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"));
        assertEquals("bot", UserAgents.family("curl/8.5.0"));
        assertEquals("bot", UserAgents.family("Twitterbot/1.0"));
    }

    @Test
    void anythingElseIsOther() {
        assertEquals("other", UserAgents.family(null));
        assertEquals("other", UserAgents.family(" "));
        assertEquals("other", UserAgents.family("SomeTV/1.0"));
    }
}
