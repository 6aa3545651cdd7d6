package dev.socialbridge.connector.meta;

import dev.socialbridge.connector.spi.MediaFetcher;
import dev.socialbridge.interaction.Attachment;
import dev.socialbridge.support.HttpDownload;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Set;

/**
 * Instagram and Messenger attachments: the webhook gives a short-lived CDN URL ({@code payload.url}) that needs
 * no token; it is downloaded at once so that the file outlives the link.
 */
final class MetaMediaFetcher implements MediaFetcher {
    private static final Set<String> MEDIA = Set.of("image", "video", "audio", "file", "story_mention", "story",
            "ig_reel", "reel", "animated_image_share");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http;

    MetaMediaFetcher(HttpClient http) {
        this.http = http;
    }

    @Override
    public boolean canFetch(Attachment a) {
        if (a.url() == null || a.type() == null || !MEDIA.contains(a.type())) {
            return false;
        }
        try {
            String scheme = URI.create(a.url()).getScheme();
            return "https".equals(scheme) || "http".equals(scheme);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public MediaResult fetch(String accountId, Attachment a, long maxBytes) {
        return HttpDownload.get(http, HttpDownload.request(a.url(), TIMEOUT).build(), maxBytes,
                HttpDownload.fileNameOf(a.url(), a.type()), "the " + a.type() + " attachment");
    }
}
