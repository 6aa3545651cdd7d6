package dev.socialbridge.resources;

import dev.socialbridge.api.ErrorMessage;
import dev.socialbridge.connector.spi.WebhookIngress;
import dev.socialbridge.connector.spi.WebhookRejection;
import dev.socialbridge.connector.spi.WebhookRequest;
import dev.socialbridge.inbox.WebhookJournal;
import dev.socialbridge.telemetry.Telemetry;
import dev.socialbridge.support.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /webhooks/<connector>[/<endpoint>]} for every connector, served directly by Grizzly beside Jersey: this
 * is the one hot path (every platform event), and JAX-RS's per-request machinery cost about as much CPU as the
 * work itself. The connector's {@link WebhookIngress} answers the handshake and checks authenticity; this handler
 * does the rest for all of them: body limit, durable journal write (the journal source is the connector that
 * parses the body, plus the endpoint), acknowledgement once durable (from a small responder pool), and the same
 * JSON error body as the Jersey endpoints.
 */
public final class WebhookHandler extends HttpHandler {
    /** The path prefix this handler serves. */
    public static final String PATH = "/webhooks";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);
    private static final byte[] ACCEPTED = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EMPTY = new byte[0];
    private static final Executor RESPONDERS = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "webhook-ack");
        t.setDaemon(true);
        return t;
    });

    private final Map<String, WebhookIngress> ingresses;
    private final Set<String> parsers;
    private final WebhookJournal journal;
    private final int maxBodyBytes;
    private final Telemetry telemetry;

    /**
     * @param ingresses    ingress by connector id (the path segment)
     * @param parsers      ids of the connectors that can parse a body (an ingress may route to another connector)
     * @param maxBodyBytes largest body accepted ({@code socialbridge.http.max-body-bytes}); 413 above
     * @param telemetry    counts the bodies accepted and the requests refused
     */
    public WebhookHandler(Map<String, WebhookIngress> ingresses, Set<String> parsers, WebhookJournal journal,
                          int maxBodyBytes, Telemetry telemetry) {
        this.ingresses = Map.copyOf(ingresses);
        this.parsers = Set.copyOf(parsers);
        this.journal = journal;
        this.maxBodyBytes = maxBodyBytes;
        this.telemetry = telemetry;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        String[] route = null;
        try {
            route = route(request);
            WebhookIngress ingress = ingresses.get(route[0]);
            if (ingress == null) {
                throw new WebhookRejection(404, "no webhook for '" + route[0] + "'",
                        Map.of("configured", ingresses.keySet()));
            }
            if (Method.GET.equals(request.getMethod())) {
                String answer = ingress.handshake(new GrizzlyRequest(route[1], request, EMPTY));
                write(response, 200, "text/plain", answer.getBytes(StandardCharsets.UTF_8));
            } else if (Method.POST.equals(request.getMethod())) {
                receive(ingress, route[1], request, response);
            } else {
                throw new WebhookRejection(405, "Method Not Allowed");
            }
        } catch (WebhookRejection e) {
            // unknown connectors are counted together: their names come from the request
            telemetry.webhookRefused(route != null && ingresses.containsKey(route[0]) ? route[0] : "unknown", e.status());
            error(response, e.status(), e.getMessage(), e.details());
        }
    }

    /** [connector id, endpoint] from {@code /webhooks/<id>[/<endpoint>]}. */
    private static String[] route(Request request) {
        String path = request.getRequestURI();
        String rest = path.length() > PATH.length() + 1 ? path.substring(PATH.length() + 1) : "";
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        String endpoint = slash < 0 ? "" : rest.substring(slash + 1);
        if (id.isEmpty() || endpoint.indexOf('/') >= 0) {
            throw new WebhookRejection(404, "expected " + PATH + "/<connector>[/<endpoint>]");
        }
        return new String[] {id, endpoint};
    }

    private void receive(WebhookIngress ingress, String endpoint, Request request, Response response) throws IOException {
        byte[] body = readBody(request);
        String parser = ingress.accept(new GrizzlyRequest(endpoint, request, body));
        if (!parsers.contains(parser)) {
            throw new WebhookRejection(400, "this body is for the '" + parser + "' connector, which is not configured"
                    + " (set its socialbridge." + parser + ".* settings)");
        }
        String source = endpoint.isEmpty() ? parser : parser + "/" + endpoint;
        var durable = journal.append(source, body);
        response.suspend();
        durable.whenCompleteAsync((position, failure) -> {
            try {
                if (failure == null) {
                    write(response, 200, "application/json", ACCEPTED);
                    telemetry.webhookAccepted(source);
                } else if (failure.getCause() instanceof WebhookJournal.JournalFullException
                        || failure instanceof WebhookJournal.JournalFullException) {
                    telemetry.webhookRefused(parser, 503);
                    error(response, 503, "overloaded, retry later", null);
                } else {
                    telemetry.webhookRefused(parser, 503);
                    error(response, 503, "could not store the webhook durably, retry later", null);
                }
            } catch (IOException e) {
                LOG.debug("writing webhook ack: {}", e.toString());
            } finally {
                response.resume();
            }
        }, RESPONDERS);
    }

    private byte[] readBody(Request request) throws IOException {
        int declared = request.getContentLength();
        if (declared > maxBodyBytes) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw tooLarge();
            }
            return body;
        }
    }

    private WebhookRejection tooLarge() {
        return new WebhookRejection(413, "body larger than socialbridge.http.max-body-bytes (" + maxBodyBytes + ")");
    }

    private static void error(Response response, int status, String message, Object details) throws IOException {
        write(response, status, "application/json", Json.MAPPER.writeValueAsBytes(new ErrorMessage(status, message, details)));
    }

    private static void write(Response response, int status, String type, byte[] bytes) throws IOException {
        response.setStatus(status);
        response.setContentType(type);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The ingress's view of a Grizzly request. */
    private record GrizzlyRequest(String endpoint, Request request, byte[] body) implements WebhookRequest {
        @Override
        public String header(String name) {
            return request.getHeader(name);
        }

        @Override
        public String query(String name) {
            return request.getParameter(name);
        }
    }
}
