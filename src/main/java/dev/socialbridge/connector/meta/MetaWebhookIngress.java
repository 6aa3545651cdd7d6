package dev.socialbridge.connector.meta;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.socialbridge.config.Secret;
import dev.socialbridge.connector.spi.WebhookIngress;
import dev.socialbridge.connector.spi.WebhookRejection;
import dev.socialbridge.connector.spi.WebhookRequest;
import dev.socialbridge.support.Json;
import java.io.IOException;
import java.util.Map;

/**
 * The authenticity check of a Meta app's webhook ({@code /webhooks/meta}, and {@code /webhooks/whatsapp} for the
 * WhatsApp connector): the {@code hub.*} subscription handshake, then for an update the
 * {@code X-Hub-Signature-256} HMAC over the raw bytes and a one-pass shape check. The {@code object} of the body
 * says which connector parses it: one Meta app may post Instagram, Page and WhatsApp objects to the same URL.
 */
public final class MetaWebhookIngress implements WebhookIngress {
    /** Meta {@code object} → id of the connector that parses it. */
    private final Map<String, String> routes;
    private final MetaSignatureVerifier verifier;
    private final Secret verifyToken;
    private final String verifyTokenKey;

    /**
     * @param routes         accepted {@code object} values → connector id
     * @param verifyTokenKey the setting an admin fixes when the handshake token does not match
     */
    public MetaWebhookIngress(Map<String, String> routes, MetaSignatureVerifier verifier, Secret verifyToken,
                              String verifyTokenKey) {
        this.routes = Map.copyOf(routes);
        this.verifier = verifier;
        this.verifyToken = verifyToken;
        this.verifyTokenKey = verifyTokenKey;
    }

    @Override
    public String handshake(WebhookRequest request) {
        noEndpoint(request);
        String challenge = request.query("hub.challenge");
        if (!"subscribe".equals(request.query("hub.mode")) || challenge == null || challenge.isEmpty()) {
            throw new WebhookRejection(400, "expected hub.mode=subscribe with hub.challenge and hub.verify_token");
        }
        if (verifyToken == null || !verifyToken.matches(request.query("hub.verify_token"))) {
            throw new WebhookRejection(403, "hub.verify_token does not match " + verifyTokenKey);
        }
        return challenge;
    }

    @Override
    public String accept(WebhookRequest request) {
        noEndpoint(request);
        String signature = request.header(MetaSignatureVerifier.HEADER);
        if (signature == null || signature.isEmpty()) {
            throw new WebhookRejection(401, "missing " + MetaSignatureVerifier.HEADER + " header");
        }
        if (!verifier.verify(request.body(), signature)) {
            throw new WebhookRejection(401, "invalid " + MetaSignatureVerifier.HEADER + " signature");
        }
        return routes.get(checkShape(request.body()));
    }

    private static void noEndpoint(WebhookRequest request) {
        if (!request.endpoint().isEmpty()) {
            throw new WebhookRejection(404, "no such webhook endpoint: " + request.endpoint());
        }
    }

    /**
     * Checks, in one streaming pass without building a tree, that the body is well-formed JSON whose top level is an
     * object with a supported string {@code object} and an array {@code entry}; returns the {@code object}.
     */
    private String checkShape(byte[] body) {
        String object = null;
        boolean entry = false;
        try (JsonParser p = Json.MAPPER.getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new WebhookRejection(400, "body must be a JSON object");
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
                throw new WebhookRejection(400, "body is not valid JSON", "trailing content after the top-level object");
            }
        } catch (IOException e) {
            throw new WebhookRejection(400, "body is not valid JSON", e.getMessage());
        }
        if (object == null) {
            throw new WebhookRejection(400, "missing string field 'object'");
        }
        if (!routes.containsKey(object)) {
            throw new WebhookRejection(400, "unsupported object '" + object + "'", Map.of("supported", routes.keySet()));
        }
        if (!entry) {
            throw new WebhookRejection(400, "missing array field 'entry'");
        }
        return object;
    }
}
