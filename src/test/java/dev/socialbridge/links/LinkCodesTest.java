package dev.socialbridge.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkCodesTest {

    @Test
    void randomCodesAreTenBase62CharactersAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = LinkCodes.random();
            assertTrue(code.matches("[0-9A-Za-z]{10}"), code);
            assertTrue(seen.add(code), "repeated " + code);
        }
    }

    @Test
    void threadCodesAreTheSameForTheSameThreadCampaignAndMediumOnly() {
        LinkCodes codes = new LinkCodes("admin-token-0123456789");
        String code = codes.forThread("instagram:dm:1:2", "bf26", "social_dm");
        assertTrue(LinkCodes.isCode(code), code);
        assertEquals(code, new LinkCodes("admin-token-0123456789").forThread("instagram:dm:1:2", "bf26", "social_dm"),
                "minting is idempotent");
        assertNotEquals(code, codes.forThread("instagram:dm:1:3", "bf26", "social_dm"));
        assertNotEquals(code, codes.forThread("instagram:dm:1:2", "noel", "social_dm"));
        assertNotEquals(code, codes.forThread("instagram:dm:1:2", null, "social_dm"));
        assertNotEquals(code, codes.forThread("instagram:dm:1:2", "bf26", "social_comment"));
        assertNotEquals(code, new LinkCodes("another-token-0123456789").forThread("instagram:dm:1:2", "bf26", "social_dm"),
                "unguessable without the installation's key");
    }

    @Test
    void onlyTenAlphanumericCharactersAreCodes() {
        assertTrue(LinkCodes.isCode("aZ09aZ09aZ"));
        assertFalse(LinkCodes.isCode("aZ09aZ09a"));
        assertFalse(LinkCodes.isCode("aZ09aZ09aZ0"));
        assertFalse(LinkCodes.isCode("aZ09aZ09a-"));
        assertFalse(LinkCodes.isCode("../../etc1"));
        assertFalse(LinkCodes.isCode(null));
    }

    @Test
    void theKeyIsNeverShown() {
        assertFalse(new LinkCodes("admin-token-0123456789").toString().contains("admin-token"));
    }
}
