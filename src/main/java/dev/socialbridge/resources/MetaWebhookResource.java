package dev.socialbridge.resources;

import com.fasterxml.jackson.databind.JsonNode;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    private static final int APPEND_TIMEOUT_SECONDS = 10;
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
    public Response receive(byte[] body, @HeaderParam(MetaSignatureVerifier.HEADER) String signature) {
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
        // wait on this request thread (not on the journal writer) so that responses are written in
        // parallel while the writer group-commits the next batch
        try {
            journal.append(SOURCE, body).get(APPEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return Response.ok(ACCEPTED, MediaType.APPLICATION_JSON_TYPE).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Errors.response(503, "shutting down, retry later", null);
        } catch (ExecutionException e) {
            return e.getCause() instanceof WebhookJournal.JournalFullException
                    ? Errors.response(503, "overloaded, retry later", null)
                    : Errors.response(503, "could not store the webhook durably, retry later", null);
        } catch (TimeoutException e) {
            return Errors.response(503, "storage too slow, retry later", null);
        }
    }

    private static void checkShape(byte[] body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ApiException(400, "body is not valid JSON", e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ApiException(400, "body must be a JSON object");
        }
        JsonNode object = root.get("object");
        if (object == null || !object.isTextual()) {
            throw new ApiException(400, "missing string field 'object'");
        }
        if (!OBJECTS.contains(object.asText())) {
            throw new ApiException(400, "unsupported object '" + object.asText() + "'", Map.of("supported", OBJECTS));
        }
        JsonNode entry = root.get("entry");
        if (entry == null || !entry.isArray()) {
            throw new ApiException(400, "missing array field 'entry'");
        }
    }
}
