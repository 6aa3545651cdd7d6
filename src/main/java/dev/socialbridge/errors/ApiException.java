package dev.socialbridge.errors;

/** Aborts a request with an HTTP status and a client-facing message (mapped to the JSON error body). */
public class ApiException extends RuntimeException {
    private final int status;
    private final transient Object details;

    public ApiException(int status, String message, Object details) {
        super(message, null, false, false);
        this.status = status;
        this.details = details;
    }

    public ApiException(int status, String message) {
        this(status, message, null);
    }

    public int status() {
        return status;
    }

    public Object details() {
        return details;
    }
}
