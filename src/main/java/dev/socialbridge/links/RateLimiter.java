package dev.socialbridge.links;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perMinute} requests per key (a client IP) in each clock minute. In memory: a restart forgets the
 * counts, which only ever lets a few more through. Thread-safe.
 */
public final class RateLimiter {
    private final int perMinute;
    private final Clock clock;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    public RateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts a request of {@code key}: empty when allowed, else the seconds until the next minute starts. */
    public OptionalLong acquire(String key) {
        long nowMs = clock.millis();
        long minute = nowMs / 60_000;
        long[] w = windows.compute(key, (k, old) -> old == null || old[0] != minute ? new long[] {minute, 1}
                : new long[] {minute, old[1] + 1});
        if (windows.size() > 10_000) {
            forgetBefore(minute);
        }
        if (w[1] <= perMinute) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, ((minute + 1) * 60_000 - nowMs + 999) / 1000));
    }

    private void forgetBefore(long minute) {
        for (Iterator<long[]> it = windows.values().iterator(); it.hasNext(); ) {
            if (it.next()[0] < minute) {
                it.remove();
            }
        }
    }
}
