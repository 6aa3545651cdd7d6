package dev.socialbridge.host.spi;

/**
 * One problem found by {@code verify}: what is wrong and how to fix it.
 *
 * @param subject what the problem is about (a config key, a queue, a custom field...)
 * @param message what is wrong
 * @param fixHint what the admin should do
 */
public record HostProblem(String subject, String message, String fixHint) {
    @Override
    public String toString() {
        return subject + ": " + message + " (fix: " + fixHint + ")";
    }
}
