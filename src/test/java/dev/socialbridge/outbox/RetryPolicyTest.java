package dev.socialbridge.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(60));

    @ParameterizedTest
    @CsvSource({"1,1000,2000", "2,2000,4000", "3,4000,8000", "6,30000,60000", "20,30000,60000"})
    void delayGrowsExponentiallyWithJitterUpToTheCap(int attempt, long min, long max) {
        for (int i = 0; i < 200; i++) {
            long d = policy.delay(attempt, null).toMillis();
            assertTrue(d >= min && d <= max, attempt + " -> " + d);
        }
    }

    @Test
    void retryAfterIsAFloor() {
        assertTrue(policy.delay(1, Duration.ofSeconds(7)).toMillis() >= 7000);
    }

    @Test
    void exhaustedAfterMaxAttempts() {
        assertFalse(policy.exhausted(4));
        assertTrue(policy.exhausted(5));
        assertEquals(5, policy.maxAttempts());
    }
}
