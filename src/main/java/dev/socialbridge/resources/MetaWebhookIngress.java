package dev.socialbridge.resources;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.socialbridge.config.Secret;
import dev.socialbridge.connector.meta.MetaSignatureVerifier;
import dev.socialbridge.errors.ApiException;
import dev.socialbridge.inbox.JournalPosition;
import dev.socialbridge.inbox.WebhookJournal;
import dev.socialbridge.support.Json;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What {@code /webhooks/meta} does, independent of the HTTP layer: the subscription handshake, and for
 * an update: signature check over the raw bytes, shape check, durable append to the journal. Rejections
 * are {@link ApiException}s (401 bad signature, 400 bad body, 413 too large, 403 wrong verify token).
 */
public final class MetaWebhookIngress {
    public static final String SOURCE = "meta";
    private static final Set<String> OBJECTS = Set.of("instagram", "page");

    private final MetaSignatureVerifier verifier;
    private final Secret verifyToken;
    private final WebhookJournal journal;
    private final int maxBodyBytes;

    public MetaWebhookIngress(MetaSignatureVerifier verifier, Secret verifyToken, WebhookJournal journal, int maxBodyBytes) {
        this.verifier = verifier;
        this.verifyToken = verifyToken;
        this.journal = journal;
        this.maxBodyBytes = maxBodyBytes;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The GET handshake: returns the challenge to echo. */
    public String handshake(String mode, String token, String challenge) {
        if (!"subscribe".equals(mode) || challenge == null || challenge.isEmpty()) {
            throw new ApiException(400, "expected hub.mode=subscribe with hub.challenge and hub.verify_token");
        }
        if (verifyToken == null || !verifyToken.matches(token)) {
            throw new ApiException(403, "hub.verify_token does not match socialbridge.meta.verify-token");
        }
        return challenge;
    }

    /**
     * Checks an update and appends it to the journal. The future completes once the body is durable;
     * only then may the caller acknowledge it.
     */
    public CompletableFuture<JournalPosition> accept(byte[] body, String signature) {
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
        return journal.append(SOURCE, body);
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
