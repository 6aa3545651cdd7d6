package dev.socialbridge.links;

import dev.socialbridge.support.MovingClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    /** A clock the test moves. */
    @Test
    void allowsTheLimitPerKeyPerMinuteThenSaysHowLongToWait() {
        MovingClock clock = new MovingClock(Instant.parse("2026-12-07T10:00:15Z"));
        RateLimiter limiter = new RateLimiter(3, clock);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.acquire("1.2.3.4").isEmpty());
        }
        assertEquals(OptionalLong.of(45), limiter.acquire("1.2.3.4"));
        assertTrue(limiter.acquire("5.6.7.8").isEmpty(), "another address has its own count");
        clock.set(Instant.parse("2026-12-07T10:01:00Z"));
        assertTrue(limiter.acquire("1.2.3.4").isEmpty(), "a new minute starts a new count");
    }
}
