package dev.socialbridge.host.spi;

/**
 * One problem found by {@code verify}: what is wrong and how to fix it.
 *
 * @param subject what the problem is about (a config key, a queue, a custom field...)
 * @param message what is wrong
 * @param fixHint what the admin should do
 * @param warning the plugin works regardless (e.g. its RT user has more rights than it needs): {@code verify} shows it
 *                but does not fail
 */
public record HostProblem(String subject, String message, String fixHint, boolean warning) {

    /** A problem {@code verify} fails on. */
    public HostProblem(String subject, String message, String fixHint) {
        this(subject, message, fixHint, false);
    }

    /** Something the admin should fix, which does not stop the plugin from working. */
    public static HostProblem warning(String subject, String message, String fixHint) {
        return new HostProblem(subject, message, fixHint, true);
    }

    @Override
    public String toString() {
        return (warning ? "warning: " : "") + subject + ": " + message + " (fix: " + fixHint + ")";
    }
}
