package dev.socialbridge.support;

import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.connector.spi.MediaFetcher.MediaResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Downloads one file over HTTP with a size cap, for the connectors' media fetchers: the declared length is checked
 * before reading and the body is never read past the cap. Failures are results: 5xx, 429 and I/O errors are worth
 * retrying, a 4xx (expired link) or an oversized file is not.
 */
public final class HttpDownload {
    private HttpDownload() {
    }

    /**
     * @param request  the GET to send (with whatever authorisation the platform needs)
     * @param maxBytes the cap; a larger file is {@link DeliveryResult.NotSendable}
     * @param fileName the file name to report when the platform gives none
     * @param what     a description for reasons, never holding a credential
     */
    public static MediaResult get(HttpClient http, HttpRequest request, long maxBytes, String fileName, String what) {
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                int status = response.statusCode();
                if (status / 100 != 2) {
                    return failed(status, what);
                }
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (declared > maxBytes) {
                    return tooLarge(declared, maxBytes, what);
                }
                byte[] bytes = readAtMost(in, maxBytes + 1);
                if (bytes.length > maxBytes) {
                    return tooLarge(bytes.length, maxBytes, what);
                }
                String type = response.headers().firstValue("Content-Type").map(t -> t.split(";")[0].trim())
                        .orElse("application/octet-stream");
                return new MediaResult.Fetched(bytes, type, fileName);
            }
        } catch (HttpTimeoutException e) {
            return new MediaResult.NotFetched(new DeliveryResult.Retry("timeout downloading " + what, null));
        } catch (IOException e) {
            return new MediaResult.NotFetched(new DeliveryResult.Retry("I/O error downloading " + what + ": "
                    + e.getClass().getSimpleName(), null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new MediaResult.NotFetched(new DeliveryResult.Retry("interrupted downloading " + what, null));
        }
    }

    /** A plain GET of {@code url} with a timeout. */
    public static HttpRequest.Builder request(String url, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
    }

    /** The last path segment of a URL, without query, or {@code fallback}. */
    public static String fileNameOf(String url, String fallback) {
        try {
            String path = URI.create(url).getPath();
            String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
            return name.isBlank() ? fallback : name;
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while (total < limit && (n = in.read(buf, 0, (int) Math.min(buf.length, limit - total))) > 0) {
            out.write(buf, 0, n);
            total += n;
        }
        return out.toByteArray();
    }

    private static MediaResult failed(int status, String what) {
        DeliveryResult r = status >= 500 || status == 429 || status == 408
                ? new DeliveryResult.Retry("HTTP " + status + " downloading " + what, null)
                : new DeliveryResult.NotSendable("HTTP " + status + " downloading " + what + " (the link may have expired)");
        return new MediaResult.NotFetched(r);
    }

    private static MediaResult tooLarge(long size, long max, String what) {
        return new MediaResult.NotFetched(new DeliveryResult.NotSendable(what + " is " + size + " bytes, more than"
                + " socialbridge.media.max-bytes (" + max + ")"));
    }
}
