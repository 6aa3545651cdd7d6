package dev.socialbridge.connector.spi;

/**
 * A webhook request the ingress refuses: the shared handler answers {@link #status()} with the JSON error body
 * {@code {code, message, details}} and stores nothing. Cheap to throw (no stack trace).
 */
public final class WebhookRejection extends RuntimeException {
    private final int status;
    private final transient Object details;

    public WebhookRejection(int status, String message) {
        this(status, message, null);
    }

    /** @param details extra JSON-serialisable details, or null */
    public WebhookRejection(int status, String message, Object details) {
        super(message, null, false, false);
        this.status = status;
        this.details = details;
    }

    public int status() {
        return status;
    }

    public Object details() {
        return details;
    }
}
