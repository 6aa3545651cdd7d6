package dev.socialbridge.connector.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialbridge.connector.spi.DeliveryResult;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.Set;

/** Maps a Graph API response (status, body, headers) to a {@link DeliveryResult} (GRAPH-ERR, MSG-ERR). */
final class MetaGraphResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** App (4), user (17), Page (32) and custom (613) throttling; 80001–80006 business use case limits. */
    private static final Set<Integer> RATE_LIMIT_CODES = Set.of(4, 17, 32, 613);
    /** 190 invalid/expired token; 102 invalid API session. */
    private static final Set<Integer> TOKEN_CODES = Set.of(190, 102);
    /**
     * 10 permission/outside window/page restricted, 551 person unavailable, 10900 comment already
     * privately replied to, 368 blocked for policy.
     */
    private static final Set<Integer> NOT_SENDABLE_CODES = Set.of(10, 551, 10900, 368);
    /**
     * 2018278/2534022 outside the messaging window, 2018108 user unavailable, 2018001/2534014 no matching
     * user, 2534029 blocked, 2534041 IG owner disabled app messaging, 33 object gone (deleted comment).
     */
    private static final Set<Integer> NOT_SENDABLE_SUBCODES =
            Set.of(2018278, 2534022, 2018108, 2018001, 2534014, 2534029, 2534041, 33);

    private MetaGraphResponses() {
    }

    /** Graph's "object does not exist" (subcode 33): for a deletion, the comment is already gone. */
    static boolean isGone(int status, String body) {
        JsonNode json = parse(body);
        JsonNode error = json == null ? null : json.get("error");
        return status >= 400 && error != null && error.isObject() && error.path("error_subcode").asInt(-1) == 33;
    }

    static DeliveryResult classify(int status, String body, HttpHeaders headers, Instant now) {
        JsonNode json = parse(body);
        JsonNode error = json == null ? null : json.get("error");
        boolean hasError = error != null && error.isObject();
        if (status >= 200 && status < 300 && !hasError) {
            return success(json);
        }
        GraphError e = GraphError.of(status, hasError ? error : null);
        MetaRateLimits limits = MetaRateLimits.of(headers, now);
        if (status == 429 || RATE_LIMIT_CODES.contains(e.code) || (e.code >= 80001 && e.code <= 80006)) {
            return new DeliveryResult.Retry("rate limited: " + e.reason(), limits.retryAfter());
        }
        if (TOKEN_CODES.contains(e.code)) {
            return new DeliveryResult.AccountInvalid("access token rejected: " + e.reason());
        }
        if (e.code == 506 || (e.code == 1 && e.subcode == 1357046)) {
            // duplicate post / "invalid JSON reply but message was sent": resending would duplicate
            return new DeliveryResult.Delivered(null);
        }
        if (NOT_SENDABLE_CODES.contains(e.code) || NOT_SENDABLE_SUBCODES.contains(e.subcode)) {
            return new DeliveryResult.NotSendable(e.reason());
        }
        if (status >= 500 || status == 408 || e.code == 1 || e.code == 2 || e.isTransient) {
            return new DeliveryResult.Retry("transient: " + e.reason(), limits.retryAfter());
        }
        if (limits.throttled()) {
            return new DeliveryResult.Retry("usage limit reached: " + e.reason(), limits.retryAfter());
        }
        return new DeliveryResult.Failed(e.reason());
    }

    /**
     * For a call whose answer maps ids to booleans (<code>{"&lt;psid&gt;": true}</code> from {@code POST
     * /{page-id}/blocked}): {@code classified} unless it is a plain success, which counts as delivered only when
     * {@code id} maps to true, else fails with the answer.
     */
    static DeliveryResult confirmed(DeliveryResult classified, String body, String id, String describe) {
        JsonNode json = parse(body);
        if (!(classified instanceof DeliveryResult.Delivered) || (json != null && json.has("error"))) {
            return classified;
        }
        JsonNode flag = json == null || !json.isObject() ? null : json.get(id);
        if (flag != null && flag.asBoolean(false)) {
            return new DeliveryResult.Delivered(null);
        }
        String answer = body == null || body.isBlank() ? "(empty)" : body.strip();
        return new DeliveryResult.Failed(describe + " did not confirm " + id + ": Graph answered "
                + (answer.length() <= 300 ? answer : answer.substring(0, 300) + "..."));
    }

    private static DeliveryResult success(JsonNode json) {
        if (json == null || !json.isObject()) {
            return new DeliveryResult.Delivered(null);
        }
        for (String f : new String[] {"id", "message_id", "comment_id"}) {
            JsonNode id = json.get(f);
            if (id != null && (id.isTextual() || id.isIntegralNumber()) && !id.asText().isEmpty()) {
                return new DeliveryResult.Delivered(id.asText());
            }
        }
        JsonNode success = json.get("success");
        if (success != null && !success.asBoolean(true)) {
            return new DeliveryResult.Failed("Graph answered success=false");
        }
        return new DeliveryResult.Delivered(null);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The fields of a Graph error object that we use; -1 for an absent code/subcode. */
    private record GraphError(int status, int code, int subcode, String type, String message, String fbtraceId,
                              boolean isTransient) {

        static GraphError of(int status, JsonNode e) {
            if (e == null) {
                return new GraphError(status, -1, -1, null, null, null, false);
            }
            return new GraphError(status, e.path("code").asInt(-1), e.path("error_subcode").asInt(-1),
                    text(e, "type"), text(e, "message"), text(e, "fbtrace_id"), e.path("is_transient").asBoolean(false));
        }

        private static String text(JsonNode e, String f) {
            JsonNode n = e.get(f);
            return n == null || n.isNull() ? null : n.asText();
        }

        /** "HTTP 400 code=190 subcode=463 type=OAuthException fbtrace_id=X: message" (no token ever). */
        String reason() {
            StringBuilder sb = new StringBuilder("HTTP ").append(status);
            if (code >= 0) {
                sb.append(" code=").append(code);
            }
            if (subcode >= 0) {
                sb.append(" subcode=").append(subcode);
            }
            if (type != null) {
                sb.append(" type=").append(type);
            }
            if (fbtraceId != null) {
                sb.append(" fbtrace_id=").append(fbtraceId);
            }
            if (message != null) {
                sb.append(": ").append(message.length() <= 300 ? message : message.substring(0, 300) + "...");
            }
            return sb.toString();
        }
    }
}
