package dev.socialbridge.host.spi;

/** The host could not do what was asked. {@link #retryable()} tells whether trying later may help. */
public class HostException extends RuntimeException {
    private final boolean retryable;

    public HostException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public HostException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    public boolean retryable() {
        return retryable;
    }

    /**
     * Whether the host as a whole did not answer (down, unreachable, overloaded), rather than refusing this one
     * request: the work waits for the host without counting attempts.
     */
    public boolean hostUnavailable() {
        return false;
    }
}
