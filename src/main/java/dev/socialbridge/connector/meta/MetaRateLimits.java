package dev.socialbridge.connector.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;

/**
 * What a Graph response's headers say about throttling: {@code Retry-After} (seconds or HTTP date),
 * {@code X-App-Usage}/{@code X-Page-Usage} (percentages), {@code X-Business-Use-Case-Usage}
 * (percentages and {@code estimated_time_to_regain_access} in minutes).
 *
 * @param throttled  some usage is at or above 100 %, or access is to be regained later
 * @param retryAfter how long to wait: Retry-After first, else the regain estimate; null when unknown
 */
record MetaRateLimits(boolean throttled, Duration retryAfter) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PERCENT_FIELDS = {"call_count", "total_cputime", "total_time"};

    static MetaRateLimits of(HttpHeaders headers, Instant now) {
        Duration header = headers.firstValue("Retry-After").map(v -> retryAfter(v, now)).orElse(null);
        boolean throttled = overLimit(headers.firstValue("X-App-Usage"))
                || overLimit(headers.firstValue("X-Page-Usage"));
        long regainMinutes = 0;
        JsonNode buc = json(headers.firstValue("X-Business-Use-Case-Usage"));
        if (buc != null) {
            for (Iterator<JsonNode> objects = buc.elements(); objects.hasNext(); ) {
                for (JsonNode usage : objects.next()) {
                    throttled |= overLimit(usage);
                    long regain = usage.path("estimated_time_to_regain_access").asLong(0);
                    regainMinutes = Math.max(regainMinutes, regain);
                }
            }
        }
        throttled |= regainMinutes > 0;
        Duration wait = header != null ? header : regainMinutes > 0 ? Duration.ofMinutes(regainMinutes) : null;
        return new MetaRateLimits(throttled, wait);
    }

    private static Duration retryAfter(String value, Instant now) {
        String v = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static boolean overLimit(Optional<String> header) {
        JsonNode n = json(header);
        return n != null && overLimit(n);
    }

    private static boolean overLimit(JsonNode usage) {
        for (String f : PERCENT_FIELDS) {
            if (usage.path(f).asDouble(0) >= 100) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode json(Optional<String> header) {
        if (header.isEmpty()) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(header.get());
            return n != null && n.isObject() ? n : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
