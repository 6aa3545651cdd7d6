package dev.socialbridge.connector.spi;

/** One HTTP request on a connector's webhook endpoint, as the ingress sees it. */
public interface WebhookRequest {

    /** The path segment after {@code /webhooks/<id>/} (e.g. a Telegram bot name), or "" when there is none. */
    String endpoint();

    /** A request header (case-insensitive name), or null. */
    String header(String name);

    /** A query parameter, or null. */
    String query(String name);

    /** The raw body, exactly as received (signatures are computed over these bytes); empty for a GET. */
    byte[] body();
}
