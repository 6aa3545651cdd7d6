package dev.socialbridge.pipeline;

import dev.socialbridge.connector.Connectors;
import dev.socialbridge.connector.spi.Connector;
import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.connector.spi.MediaFetcher;
import dev.socialbridge.host.spi.HostAttachment;
import dev.socialbridge.interaction.Attachment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Downloads a customer's attachments through the connector of their platform, for the host message that carries
 * them. A transient failure asks for the host delivery to be retried (a few times); anything else (too large, an
 * expired link, a platform without downloads) leaves the file out and says why in the message text, so that the
 * message itself is never held back for good.
 */
final class MediaDownloads {
    /** Host delivery attempts during which a transient download failure is retried. */
    static final int RETRIED_ATTEMPTS = 3;

    private final Connectors connectors;
    private final long maxBytes;

    MediaDownloads(Connectors connectors, long maxBytes) {
        this.connectors = connectors;
        this.maxBytes = maxBytes;
    }

    /** What the downloads gave: the files, lines to add to the text for those left out, or a reason to retry. */
    record Outcome(List<HostAttachment> files, List<String> notAttached, DeliveryResult.Retry retry) { }

    /** @param attempt the host delivery attempt (0 for the first) */
    Outcome download(HostMessageCommand cmd, int attempt) {
        List<HostAttachment> files = new ArrayList<>();
        List<String> notAttached = new ArrayList<>();
        if (cmd.attachments().isEmpty() || cmd.platform() == null) {
            return new Outcome(files, notAttached, null);
        }
        Optional<MediaFetcher> fetcher = connectors.forPlatform(cmd.platform()).flatMap(Connector::mediaFetcher);
        int n = 0;
        for (Attachment a : cmd.attachments()) {
            n++;
            if (fetcher.isEmpty() || !fetcher.get().canFetch(a)) {
                continue;
            }
            MediaFetcher.MediaResult r = fetcher.get().fetch(cmd.accountId(), a, maxBytes);
            if (r instanceof MediaFetcher.MediaResult.Fetched f) {
                files.add(new HostAttachment(fileName(a, f, n), f.mimeType() != null ? f.mimeType()
                        : a.mimeType() != null ? a.mimeType() : "application/octet-stream", f.bytes()));
                continue;
            }
            DeliveryResult status = ((MediaFetcher.MediaResult.NotFetched) r).status();
            if (status instanceof DeliveryResult.Retry retry && attempt + 1 < RETRIED_ATTEMPTS) {
                return new Outcome(List.of(), List.of(), retry);
            }
            notAttached.add("[" + a.type() + " not attached: " + status.reason() + "]");
        }
        return new Outcome(files, notAttached, null);
    }

    private static String fileName(Attachment a, MediaFetcher.MediaResult.Fetched f, int n) {
        String name = f.fileName() != null ? f.fileName() : a.fileName();
        if (name == null || name.isBlank()) {
            name = a.type() + "-" + n;
        }
        return name.replaceAll("[\\\\/\\r\\n\\t\"]", "_");
    }
}
