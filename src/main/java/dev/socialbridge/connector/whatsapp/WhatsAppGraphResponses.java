package dev.socialbridge.connector.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.support.Json;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Set;

/**
 * Maps a Graph API answer to a WhatsApp call onto a {@link DeliveryResult} (Cloud API error codes, WA-ERR): throughput
 * and pair limits are retried (after {@code Retry-After} when given), a rejected token invalidates the account, a
 * closed customer-service window and undeliverable messages are not sendable, with what an agent can do.
 */
final class WhatsAppGraphResponses {
    /** 4 app throttling, 80007 WABA rate limit, 130429 throughput, 131056 pair rate limit, 131048 spam rate limit. */
    private static final Set<Integer> RATE_LIMITS = Set.of(4, 80007, 130429, 131056, 131048);
    /** 1/2 unknown or unavailable, 131000 something went wrong, 131016 service unavailable, 133004 server down. */
    private static final Set<Integer> TRANSIENT = Set.of(1, 2, 131000, 131016, 133004);
    /** 190/102 token, 10/200/131005 permission, 131031 account locked, 133010 number not registered. */
    private static final Set<Integer> ACCOUNT = Set.of(190, 102, 10, 200, 131005, 131031, 133010);
    /** Refused for this customer or message: window, undeliverable, marketing limits, unsupported, test allow-list. */
    private static final Set<Integer> NOT_SENDABLE = Set.of(WhatsAppErrors.REENGAGEMENT, 131026, 131049, 131050,
            131051, 131030, 131062, 131021, 130472);

    private WhatsAppGraphResponses() {
    }

    static DeliveryResult classify(int status, String body, HttpHeaders headers) {
        JsonNode json = parse(body);
        JsonNode error = json == null ? null : json.get("error");
        if (status / 100 == 2 && (error == null || !error.isObject())) {
            return new DeliveryResult.Delivered(messageId(json));
        }
        int code = error != null ? error.path("code").asInt(-1) : -1;
        String reason = reason(status, error);
        Duration retryAfter = retryAfter(headers);
        if (status == 429 || RATE_LIMITS.contains(code)) {
            return new DeliveryResult.Retry("rate limited: " + reason, retryAfter);
        }
        if (ACCOUNT.contains(code) || status == 401) {
            return new DeliveryResult.AccountInvalid(reason);
        }
        if (NOT_SENDABLE.contains(code)) {
            return new DeliveryResult.NotSendable(reason);
        }
        if (status >= 500 || status == 408 || TRANSIENT.contains(code)
                || error != null && error.path("is_transient").asBoolean(false)) {
            return new DeliveryResult.Retry("transient: " + reason, retryAfter);
        }
        return new DeliveryResult.Failed(reason);
    }

    /** {@code messages[0].id} of a send answer, or null. */
    private static String messageId(JsonNode json) {
        JsonNode id = json == null ? null : json.path("messages").path(0).get("id");
        return id != null && id.isTextual() && !id.asText().isEmpty() ? id.asText() : null;
    }

    /** "advice (title: details) [HTTP 400, error 131047, fbtrace_id X]": what to do first, then the facts. */
    private static String reason(int status, JsonNode error) {
        StringBuilder facts = new StringBuilder("HTTP ").append(status);
        if (error == null || !error.isObject()) {
            return "Graph API answered " + facts;
        }
        facts.append(", error ").append(error.path("code").asText("?"));
        if (error.hasNonNull("error_subcode")) {
            facts.append("/").append(error.path("error_subcode").asText());
        }
        if (error.hasNonNull("fbtrace_id")) {
            facts.append(", fbtrace_id ").append(error.path("fbtrace_id").asText());
        }
        String said;
        try {
            said = WhatsAppErrors.describe(error);
        } catch (WhatsAppJson.Malformed e) {
            said = "unreadable Graph error (" + e.getMessage() + ")";
        }
        return (said.length() <= 500 ? said : said.substring(0, 500) + "…") + " [" + facts + "]";
    }

    /** {@code Retry-After} in seconds, or null. */
    private static Duration retryAfter(HttpHeaders headers) {
        try {
            return headers.firstValue("Retry-After").map(v -> Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim()))))
                    .orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
