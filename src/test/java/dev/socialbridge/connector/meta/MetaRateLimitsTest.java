package dev.socialbridge.connector.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetaRateLimitsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private static MetaRateLimits limits(Map<String, String> headers) {
        Map<String, List<String>> multi = new java.util.HashMap<>();
        headers.forEach((k, v) -> multi.put(k, List.of(v)));
        return MetaRateLimits.of(HttpHeaders.of(multi, (a, b) -> true), NOW);
    }

    @Test
    void retryAfterAsAnHttpDateIsTheTimeUntilThen() {
        assertEquals(Duration.ofSeconds(90), limits(Map.of("Retry-After", "Sat, 21 Nov 2026 10:01:30 GMT")).retryAfter());
    }

    @Test
    void retryAfterWinsOverTheRegainEstimate() {
        MetaRateLimits l = limits(Map.of("Retry-After", "7", "X-Business-Use-Case-Usage",
                "{\"1\":[{\"type\":\"messenger\",\"call_count\":100,\"estimated_time_to_regain_access\":3}]}"));
        assertEquals(Duration.ofSeconds(7), l.retryAfter());
        assertTrue(l.throttled());
    }

    @Test
    void usageBelowTheLimitIsNotThrottled() {
        MetaRateLimits l = limits(Map.of("X-App-Usage", "{\"call_count\":28,\"total_cputime\":25,\"total_time\":25}"));
        assertFalse(l.throttled());
        assertNull(l.retryAfter());
    }

    @Test
    void garbageHeadersAreIgnored() {
        MetaRateLimits l = limits(Map.of("Retry-After", "soon", "X-App-Usage", "{not json",
                "X-Business-Use-Case-Usage", "[]"));
        assertFalse(l.throttled());
        assertNull(l.retryAfter());
    }
}
