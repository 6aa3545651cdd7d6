package dev.socialbridge.connector.whatsapp;

import dev.socialbridge.connector.spi.DeliveryResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The Graph API as the WhatsApp connector calls it: {@code {base}/{version}/{path}} with the account's token as a
 * Bearer header (never in the URL, so never in logs), one attempt per call. An exchange that gets no answer (timeout,
 * I/O error) is a {@link DeliveryResult.Retry}. Thread-safe.
 */
final class WhatsAppGraph {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final String baseUrl;
    private final String version;
    private final HttpClient http;
    private final Duration requestTimeout;

    WhatsAppGraph(String baseUrl, String version, HttpClient http) {
        this(baseUrl, version, http, REQUEST_TIMEOUT);
    }

    /** @param requestTimeout whole-request timeout of every call */
    WhatsAppGraph(String baseUrl, String version, HttpClient http, Duration requestTimeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.version = version;
        this.http = http;
        this.requestTimeout = requestTimeout;
    }

    static HttpClient newHttpClient(HttpClient.Redirect redirects) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(redirects).build();
    }

    /** {@code {base}/{version}/{pathAndQuery}}; the path must hold validated ids only. */
    URI uri(String pathAndQuery) {
        return URI.create(baseUrl + "/" + version + "/" + pathAndQuery);
    }

    /** A request to {@code uri} authorised with {@code token}. */
    HttpRequest.Builder authorised(URI uri, String token) {
        return HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    /** The answer to {@code request}, or the {@link DeliveryResult.Retry} when there was none. */
    Exchange send(HttpRequest request, String describe) {
        try {
            return new Exchange(http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)), null);
        } catch (HttpTimeoutException e) {
            return new Exchange(null, new DeliveryResult.Retry("timeout: " + describe, null));
        } catch (IOException e) {
            return new Exchange(null, new DeliveryResult.Retry("I/O error on " + describe + ": "
                    + e.getClass().getSimpleName(), null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exchange(null, new DeliveryResult.Retry("interrupted: " + describe, null));
        }
    }

    /** One HTTP exchange: the response, or why there is none. */
    record Exchange(HttpResponse<String> response, DeliveryResult.Retry failure) { }

    @Override
    public String toString() {
        return "WhatsAppGraph[" + baseUrl + "/" + version + "]";
    }
}
