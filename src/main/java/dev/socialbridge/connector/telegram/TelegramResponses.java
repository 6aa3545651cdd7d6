package dev.socialbridge.connector.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.support.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * What a Bot API answer means. Errors are {@code {"ok":false,"error_code":..,"description":..,"parameters":{..}}}:
 * {@code retry_after} is a rate limit (retry after that many seconds), {@code migrate_to_chat_id} a group that
 * became a supergroup, 403 someone who blocked or removed the bot, 401/404 a token Telegram does not know, 5xx a
 * passing fault. Pure; reasons quote Telegram's description, never the request.
 */
final class TelegramResponses {
    private static final int MAX_DESCRIPTION = 300;

    private TelegramResponses() {
    }

    /** The answer to one call: its {@code result} when ok, else the failure. */
    record Answer(JsonNode result, DeliveryResult failure) {
        static Answer ok(JsonNode result) {
            return new Answer(result, null);
        }

        static Answer failed(DeliveryResult failure) {
            return new Answer(null, failure);
        }
    }

    static Answer classify(String method, String bot, int status, String body) {
        JsonNode json = parse(body);
        if (status / 100 == 2 && (json == null || json.path("ok").asBoolean(false))) {
            return Answer.ok(json == null ? null : json.get("result"));
        }
        int code = json != null && json.path("error_code").canConvertToInt() && json.has("error_code")
                ? json.get("error_code").intValue() : status;
        String description = json != null && json.path("description").isTextual()
                ? abbreviate(json.get("description").textValue()) : "HTTP " + status;
        String what = method + " for bot " + bot + ": " + code + " " + description;
        JsonNode parameters = json == null ? null : json.get("parameters");
        if (parameters != null && parameters.path("retry_after").canConvertToLong() && parameters.has("retry_after")) {
            return Answer.failed(new DeliveryResult.Retry("Telegram rate limit, " + what,
                    Duration.ofSeconds(Math.max(1, parameters.get("retry_after").longValue()))));
        }
        if (parameters != null && parameters.has("migrate_to_chat_id")) {
            return Answer.failed(new DeliveryResult.NotSendable("the group became a supergroup with chat id "
                    + parameters.get("migrate_to_chat_id").asText() + ": answer there (" + what + ")"));
        }
        return Answer.failed(byCode(code, bot, description, what));
    }

    private static DeliveryResult byCode(int code, String bot, String description, String what) {
        String d = description.toLowerCase(Locale.ROOT);
        if (code == 401 || code == 404) {
            return new DeliveryResult.AccountInvalid("Telegram does not accept the token of bot " + bot + " (" + code
                    + " " + description + "): check " + TelegramSettings.PREFIX + TelegramSettings.BOTS + bot + "."
                    + TelegramSettings.BOT_TOKEN);
        }
        if (code == 403) {
            return new DeliveryResult.Unreachable(description);
        }
        if (code == 429 || code >= 500) {
            return new DeliveryResult.Retry(what, null);
        }
        if (code == 400 && (d.contains("chat not found") || d.contains("file is too big"))) {
            return new DeliveryResult.NotSendable(what);
        }
        return new DeliveryResult.Failed(what);
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode n = body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= MAX_DESCRIPTION ? s : s.substring(0, MAX_DESCRIPTION) + "…";
    }
}
