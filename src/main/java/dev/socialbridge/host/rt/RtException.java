package dev.socialbridge.host.rt;

import dev.socialbridge.host.spi.HostException;

/** A failed RT call, with the HTTP status RT answered ({@value #NO_ANSWER} when it did not answer). */
public class RtException extends HostException {
    public static final int NO_ANSWER = 0;

    private final int status;

    RtException(String message, int status, boolean retryable, Throwable cause) {
        super(message, retryable, cause);
        this.status = status;
    }

    /** HTTP status, or {@link #NO_ANSWER} when RT could not be reached. */
    public int status() {
        return status;
    }

    /** RT refused the credentials (401). */
    public boolean credentialsRejected() {
        return status == 401;
    }

    /** No answer, or the web server in front of RT answered that RT is not there (502, 503, 504). */
    @Override
    public boolean hostUnavailable() {
        return status == NO_ANSWER || status == 502 || status == 503 || status == 504;
    }

    /** RT could not be reached at all (connection refused, timeout, DNS...). */
    public boolean unreachable() {
        return status == NO_ANSWER;
    }
}
