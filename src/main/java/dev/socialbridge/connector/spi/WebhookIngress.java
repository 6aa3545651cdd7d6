package dev.socialbridge.connector.spi;

/**
 * The authenticity check of a connector's webhook endpoint {@code /webhooks/<id>[/<endpoint>]}: the shared
 * webhook handler does everything else (body limit, durable journal write, acknowledgement, JSON errors), so
 * an ingress only answers the subscription handshake and decides whether a body may be stored. It must not
 * parse the body into items (the inbox drainer does, with the connector's {@link WebhookParser}), and it must
 * compare secrets in constant time. Thread-safe; called on HTTP threads, so it must be fast and never block.
 */
public interface WebhookIngress {

    /**
     * A {@code GET} on the endpoint: the platform's subscription handshake. Returns the plain-text body to
     * answer with status 200.
     *
     * @throws WebhookRejection with the status to answer (403 wrong verify token, 400 bad request, 405 when
     *                          the platform has no handshake)
     */
    default String handshake(WebhookRequest request) {
        throw new WebhookRejection(405, "this webhook takes POST only");
    }

    /**
     * Checks a {@code POST}: its signature or secret over the exact bytes received and a cheap shape check.
     *
     * @return the id of the connector whose parser reads the body (usually this one; a Meta app endpoint can
     *         carry another Meta product's objects)
     * @throws WebhookRejection 401 for a missing or wrong signature/secret (nothing is stored), 404 for an
     *                          unknown endpoint, 400 for a body that is not the platform's shape
     */
    String accept(WebhookRequest request);
}
