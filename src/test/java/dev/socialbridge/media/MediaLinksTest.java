package dev.socialbridge.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Signed links to agents' files: only an untouched, unexpired link of this installation opens a file. */
class MediaLinksTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final String SECRET = "admin-token-0123456789abcdef";

    private static MediaLinks links(String secret, Instant now) {
        return new MediaLinks(URI.create("https://social.example.com/"), secret, Duration.ofHours(24),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String token(String url) {
        String path = URI.create(url).getRawPath();
        return path.split("/")[2];
    }

    @Test
    void aLinkOpensItsFileUntilItExpires() {
        String url = links(SECRET, NOW).link("1503", "photo de l'été.jpg");
        assertTrue(url.startsWith("https://social.example.com/media/"), url);
        assertTrue(url.endsWith("/photo%20de%20l%27%C3%A9t%C3%A9.jpg"), url);
        assertEquals(Optional.of("1503"), links(SECRET, NOW.plus(Duration.ofHours(23))).fileId(token(url)));
        assertEquals(Optional.empty(), links(SECRET, NOW.plus(Duration.ofHours(24)).plusSeconds(1)).fileId(token(url)));
    }

    @Test
    void aLinkSignedWithAnotherSecretOrTamperedWithOpensNothing() {
        String token = token(links(SECRET, NOW).link("1503", "a.png"));
        assertEquals(Optional.empty(), links("another-installation-secret", NOW).fileId(token));
        String payload = token.substring(0, token.lastIndexOf('.'));
        String otherFile = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("1504." + NOW.plusSeconds(3600).getEpochSecond()).getBytes());
        assertEquals(Optional.empty(), links(SECRET, NOW).fileId(otherFile + token.substring(payload.length())));
        for (String bad : new String[] {"", ".", "abc", "abc.def", token + "x", "!!." + token, null}) {
            assertEquals(Optional.empty(), links(SECRET, NOW).fileId(bad), String.valueOf(bad));
        }
    }

    @Test
    void neverShowsItsKey() {
        assertFalse(links(SECRET, NOW).toString().contains(SECRET));
    }
}
