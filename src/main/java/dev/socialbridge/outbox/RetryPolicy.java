package dev.socialbridge.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff with jitter: attempt n waits between half and all of
 * {@code min(max, initial * 2^(n-1))}, and never less than a remote {@code Retry-After}.
 */
public record RetryPolicy(int maxAttempts, Duration initial, Duration max) {

    public Duration delay(int attempt, Duration retryAfter) {
        long cap = max.toMillis();
        long base = Math.min(cap, initial.toMillis() << Math.min(attempt - 1, 30));
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        long floor = retryAfter == null ? 0 : retryAfter.toMillis();
        return Duration.ofMillis(Math.max(jittered, floor));
    }

    public boolean exhausted(int attemptsSoFar) {
        return attemptsSoFar >= maxAttempts;
    }
}
