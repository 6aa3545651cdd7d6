package dev.socialbridge.host.rt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only class that speaks HTTP to RT's REST2 API. Maps failures to {@link RtException}: no answer
 * or 5xx is retryable, 401/403 and other refusals are not. Paths are relative to {@code /REST/2.0}.
 * Thread-safe.
 */
public final class RtClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(RtClient.class);

    private final RtSettings settings;
    private final URI rest2;
    private final HttpClient http;
    /** The {@code Authorization} header: a secret, never logged; null for a client acting for a web session. */
    private final String authorization;
    /** The {@code Cookie} header of a user's RT web session: a secret, never logged; null otherwise. */
    private final String cookie;

    public RtClient(RtSettings settings) {
        this(settings, HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build(), settings.authorization());
    }

    private RtClient(RtSettings settings, HttpClient http, String authorization) {
        this(settings, http, authorization, null);
    }

    private RtClient(RtSettings settings, HttpClient http, String authorization, String cookie) {
        this.settings = settings;
        this.rest2 = URI.create(settings.baseUrl() + "/REST/2.0");
        this.http = http;
        this.authorization = authorization;
        this.cookie = cookie;
    }

    /**
     * This client acting for the user of an RT web session (REST2 accepts RT's session cookie for GET), sharing its
     * connections: the report page asking RT who its visitor is.
     *
     * @param cookieHeader the RT session cookies only, as a {@code Cookie} header value
     */
    RtClient asSession(String cookieHeader) {
        return new RtClient(settings, http, null, cookieHeader);
    }

    /**
     * GET of a page of RT's REST 1.0 interface (a path under {@code /REST/1.0}), for what REST2 does not tell; its
     * answer is text, with RT's own status line first ({@code RT/5.0.3 200 Ok}).
     */
    String getRest1(String path, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/REST/1.0" + path))
                .timeout(timeout).GET();
        credentials(builder);
        HttpResponse<String> response = send(builder.build());
        LOG.debug("GET /REST/1.0{} -> {}", stripQuery(path), response.statusCode());
        return response.statusCode() == 200 ? response.body() : "";
    }

    private void credentials(HttpRequest.Builder builder) {
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
    }

    /**
     * This client acting as another RT user (basic auth), sharing its connections: a contact writing its own
     * messages.
     */
    RtClient asUser(String login, String password) {
        String pair = login + ":" + password;
        return new RtClient(settings, http,
                "Basic " + java.util.Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /** RT web root, e.g. {@code http://127.0.0.1:8089}. */
    public URI baseUrl() {
        return settings.baseUrl();
    }

    /** GET expecting 200. */
    public JsonNode get(String path) {
        return expectOk("GET", path, exchange("GET", path, null, settings.timeout()));
    }

    /** GET with its own timeout (health probes). */
    public JsonNode get(String path, Duration timeout) {
        return expectOk("GET", path, exchange("GET", path, null, timeout));
    }

    /** GET of a record that may not exist: 404 → empty. */
    public Optional<JsonNode> find(String path) {
        RtResponse response = exchange("GET", path, null, settings.timeout());
        return response.status() == 404 ? Optional.empty() : Optional.of(expectOk("GET", path, response));
    }

    /** POST of a JSON body expecting 200/201. */
    public JsonNode post(String path, Object body) {
        return expectOk("POST", path, exchange("POST", path, body, settings.timeout()));
    }

    /** PUT of a JSON body expecting 200; RT answers with a list of messages. */
    public JsonNode put(String path, Object body) {
        return expectOk("PUT", path, exchange("PUT", path, body, settings.timeout()));
    }

    /** DELETE expecting 2xx. */
    public void delete(String path) {
        expectOk("DELETE", path, exchange("DELETE", path, null, settings.timeout()));
    }

    /** {@link #exchange(String, String, Object, Duration)} with the configured timeout. */
    public RtResponse exchange(String method, String path, Object body) {
        return exchange(method, path, body, settings.timeout());
    }

    /**
     * Sends a request and returns any answer RT gives, except those that are never the caller's to
     * handle: no answer and 5xx (retryable), 401 and 403 (not retryable) throw {@link RtException}.
     */
    public RtResponse exchange(String method, String path, Object body, Duration timeout) {
        HttpRequest request = request(method, path, body, timeout);
        long start = System.nanoTime();
        HttpResponse<String> response = send(request);
        LOG.debug("{} {} -> {} ({} ms)", method, path, response.statusCode(), (System.nanoTime() - start) / 1_000_000);
        RtResponse answer = new RtResponse(response.statusCode(), parse(response.body()));
        failOnAuthOrServerError(method, path, answer);
        return answer;
    }

    private HttpRequest request(String method, String path, Object body, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(rest2 + path))
                .timeout(timeout)
                .header("Accept", "application/json");
        credentials(builder);
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json; charset=utf-8")
                .method(method, HttpRequest.BodyPublishers.ofString(toJson(body), StandardCharsets.UTF_8))
                .build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RtException("interrupted while calling RT", RtException.NO_ANSWER, true, e);
        } catch (IOException e) {
            throw new RtException("RT not reachable at " + settings.baseUrl() + ": " + reason(e),
                    RtException.NO_ANSWER, true, e);
        }
    }

    private String reason(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + settings.timeout().toMillis() + " ms";
        }
        if (e instanceof ConnectException) {
            return "connection refused \u2014 is rt-server running?";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within the timeout";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static void failOnAuthOrServerError(String method, String path, RtResponse answer) {
        int status = answer.status();
        if (status == 401) {
            throw new RtException("RT rejected the credentials (HTTP 401)", status, false, null);
        }
        if (status == 403) {
            throw new RtException("RT refused " + method + " " + stripQuery(path)
                    + ": the API user lacks the right (HTTP 403: " + answer.message() + ")", status, false, null);
        }
        if (status >= 500) {
            throw new RtException("RT failed on " + method + " " + stripQuery(path) + " (HTTP " + status + ": "
                    + answer.message() + ")", status, true, null);
        }
    }

    private static JsonNode expectOk(String method, String path, RtResponse answer) {
        if (!answer.ok()) {
            throw new RtException("RT refused " + method + " " + stripQuery(path) + " (HTTP " + answer.status()
                    + ": " + answer.message() + ")", answer.status(), false, null);
        }
        return answer.body();
    }

    private static String stripQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(body);
        }
    }

    private static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize request body", e);
        }
    }

    /** Encodes one path segment, e.g. a queue or user name ({@code Social Support} → {@code Social%20Support}). */
    public static String segment(String raw) {
        return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Encodes one query parameter value. */
    public static String queryValue(String raw) {
        return segment(raw);
    }

    @Override
    public String toString() {
        return "RtClient[" + settings + "]";
    }
}
