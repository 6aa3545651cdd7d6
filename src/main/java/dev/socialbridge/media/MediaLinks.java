package dev.socialbridge.media;

import dev.socialbridge.support.Hmac;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Short-lived signed links to files agents attached in the host, for the platforms to download
 * ({@code <public-url>/media/<token>/<file name>}). The token carries the host's file id and an expiry, signed with
 * HMAC-SHA256 under a key derived from the admin token; it is checked in constant time. {@link #toString()} never
 * shows the key.
 */
public final class MediaLinks {
    /** Path of the media endpoint, below the plugin's root. */
    public static final String PATH = "media";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final URI publicUrl;
    private final byte[] key;
    private final Duration ttl;
    private final Clock clock;

    /**
     * @param publicUrl the plugin's public base URL (the one platforms post webhooks to)
     * @param secret    a secret of this installation (the admin token): the signing key is derived from it
     */
    public MediaLinks(URI publicUrl, String secret, Duration ttl, Clock clock) {
        this.publicUrl = URI.create(publicUrl.toString().replaceAll("/+$", "") + "/");
        this.key = Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8), "social-bridge media links v1".getBytes(StandardCharsets.UTF_8));
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A link to the host file {@code fileId}, valid for the configured time. */
    public String link(String fileId, String fileName) {
        long expires = clock.instant().plus(ttl).getEpochSecond();
        String payload = B64.encodeToString((fileId + "." + expires).getBytes(StandardCharsets.UTF_8));
        String token = payload + "." + B64.encodeToString(Hmac.sha256(key, payload.getBytes(StandardCharsets.UTF_8)));
        String name = URLEncoder.encode(fileName == null || fileName.isBlank() ? "file" : fileName, StandardCharsets.UTF_8)
                .replace("+", "%20");
        return publicUrl.resolve(PATH + "/" + token + "/" + name).toString();
    }

    /** The host file id of a valid, unexpired token; empty for anything else. */
    public Optional<String> fileId(String token) {
        int dot = token == null ? -1 : token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        byte[] signature;
        String decoded;
        try {
            signature = B64D.decode(token.substring(dot + 1));
            decoded = new String(B64D.decode(payload), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(signature, Hmac.sha256(key, payload.getBytes(StandardCharsets.UTF_8)))) {
            return Optional.empty();
        }
        int sep = decoded.lastIndexOf('.');
        if (sep <= 0) {
            return Optional.empty();
        }
        try {
            long expires = Long.parseLong(decoded.substring(sep + 1));
            return clock.instant().getEpochSecond() > expires ? Optional.empty() : Optional.of(decoded.substring(0, sep));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "MediaLinks[" + publicUrl + PATH + ", ttl=" + ttl + "]";
    }
}
