package dev.socialbridge.resources;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.socialbridge.config.Secret;
import dev.socialbridge.connector.meta.MetaSignatureVerifier;
import dev.socialbridge.errors.ApiException;
import dev.socialbridge.errors.Errors;
import dev.socialbridge.inbox.WebhookJournal;
import dev.socialbridge.support.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Map;
import java.util.Set;


/**
 * Meta webhooks (Instagram, Facebook Page, Messenger) at {@code /webhooks/meta}. GET answers the
 * subscription handshake; POST verifies {@code X-Hub-Signature-256} over the raw body, checks the body
 * is a Meta update, appends it to the durable journal and answers 200 only once it is durable.
 * Splitting and processing happen asynchronously.
 */
@Path("/webhooks/meta")
public final class MetaWebhookResource {
    public static final String SOURCE = "meta";
    private static final Set<String> OBJECTS = Set.of("instagram", "page");
    private static final java.util.concurrent.Executor RESPONDERS = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "webhook-ack");
        t.setDaemon(true);
        return t;
    });
    private static final String ACCEPTED = "{\"status\":\"accepted\"}";

    private final MetaSignatureVerifier verifier;
    private final Secret verifyToken;
    private final WebhookJournal journal;
    private final int maxBodyBytes;

    public MetaWebhookResource(MetaSignatureVerifier verifier, Secret verifyToken, WebhookJournal journal, int maxBodyBytes) {
        this.verifier = verifier;
        this.verifyToken = verifyToken;
        this.journal = journal;
        this.maxBodyBytes = maxBodyBytes;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response verify(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
                           @QueryParam("hub.challenge") String challenge) {
        if (!"subscribe".equals(mode) || challenge == null || challenge.isEmpty()) {
            throw new ApiException(400, "expected hub.mode=subscribe with hub.challenge and hub.verify_token");
        }
        if (verifyToken == null || !verifyToken.matches(token)) {
            throw new ApiException(403, "hub.verify_token does not match socialbridge.meta.verify-token");
        }
        return Response.ok(challenge, MediaType.TEXT_PLAIN_TYPE).build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public void receive(byte[] body, @HeaderParam(MetaSignatureVerifier.HEADER) String signature,
                        @Suspended AsyncResponse response) {
        if (body.length > maxBodyBytes) {
            throw new ApiException(413, "body larger than socialbridge.http.max-body-bytes (" + maxBodyBytes + ")");
        }
        if (signature == null || signature.isEmpty()) {
            throw new ApiException(401, "missing " + MetaSignatureVerifier.HEADER + " header");
        }
        if (!verifier.verify(body, signature)) {
            throw new ApiException(401, "invalid " + MetaSignatureVerifier.HEADER + " signature");
        }
        checkShape(body);
        // acknowledged from a small responder pool once durable: neither a request thread nor the
        // journal writer waits, so the writer can group-commit the next batch while acks go out
        journal.append(SOURCE, body).whenCompleteAsync((pos, error) -> response.resume(error == null
                ? Response.ok(ACCEPTED, MediaType.APPLICATION_JSON_TYPE).build()
                : error instanceof WebhookJournal.JournalFullException
                ? Errors.response(503, "overloaded, retry later", null)
                : Errors.response(503, "could not store the webhook durably, retry later", null)), RESPONDERS);
    }

    /**
     * Checks, in one streaming pass without building a tree, that the body is well-formed JSON whose
     * top level is an object with a supported string {@code object} and an array {@code entry}.
     */
    private static void checkShape(byte[] body) {
        String object = null;
        boolean entry = false;
        try (JsonParser p = Json.MAPPER.getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ApiException(400, "body must be a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("object".equals(name) && value == JsonToken.VALUE_STRING) {
                    object = p.getText();
                } else if ("entry".equals(name) && value == JsonToken.START_ARRAY) {
                    entry = true;
                }
                p.skipChildren();
            }
            if (p.nextToken() != null) {
                throw new ApiException(400, "body is not valid JSON", "trailing content after the top-level object");
            }
        } catch (IOException e) {
            throw new ApiException(400, "body is not valid JSON", e.getMessage());
        }
        if (object == null) {
            throw new ApiException(400, "missing string field 'object'");
        }
        if (!OBJECTS.contains(object)) {
            throw new ApiException(400, "unsupported object '" + object + "'", Map.of("supported", OBJECTS));
        }
        if (!entry) {
            throw new ApiException(400, "missing array field 'entry'");
        }
    }
}
