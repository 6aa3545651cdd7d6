package dev.socialbridge.resources;

import dev.socialbridge.api.ErrorMessage;
import dev.socialbridge.connector.meta.MetaSignatureVerifier;
import dev.socialbridge.errors.ApiException;
import dev.socialbridge.inbox.WebhookJournal;
import dev.socialbridge.support.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /webhooks/meta} served directly by Grizzly, beside Jersey: this is the one hot path (every
 * platform event), and JAX-RS's per-request machinery (routing, injection, async suspend/resume)
 * cost about as much CPU as the work itself. The request is suspended while its body is group-committed
 * and acknowledged from a small responder pool once durable. Errors use the same JSON body as the
 * Jersey endpoints.
 */
public final class MetaWebhookHandler extends HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MetaWebhookHandler.class);
    private static final byte[] ACCEPTED = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);
    private static final Executor RESPONDERS = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "webhook-ack");
        t.setDaemon(true);
        return t;
    });

    private final MetaWebhookIngress ingress;

    public MetaWebhookHandler(MetaWebhookIngress ingress) {
        this.ingress = ingress;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        try {
            if (Method.GET.equals(request.getMethod())) {
                String challenge = ingress.handshake(request.getParameter("hub.mode"),
                        request.getParameter("hub.verify_token"), request.getParameter("hub.challenge"));
                write(response, 200, "text/plain", challenge.getBytes(StandardCharsets.UTF_8));
            } else if (Method.POST.equals(request.getMethod())) {
                receive(request, response);
            } else {
                throw new ApiException(405, "Method Not Allowed");
            }
        } catch (ApiException e) {
            error(response, e.status(), e.getMessage(), e.details());
        }
    }

    private void receive(Request request, Response response) throws IOException {
        byte[] body = readBody(request);
        var durable = ingress.accept(body, request.getHeader(MetaSignatureVerifier.HEADER));
        response.suspend();
        durable.whenCompleteAsync((position, failure) -> {
            try {
                if (failure == null) {
                    write(response, 200, "application/json", ACCEPTED);
                } else if (failure.getCause() instanceof WebhookJournal.JournalFullException
                        || failure instanceof WebhookJournal.JournalFullException) {
                    error(response, 503, "overloaded, retry later", null);
                } else {
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
        int limit = ingress.maxBodyBytes();
        int declared = request.getContentLength();
        if (declared > limit) {
            throw new ApiException(413, "body larger than socialbridge.http.max-body-bytes (" + limit + ")");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw new ApiException(413, "body larger than socialbridge.http.max-body-bytes (" + limit + ")");
            }
            return body;
        }
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
}
