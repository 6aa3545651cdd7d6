package dev.socialbridge.connector.telegram;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.socialbridge.connector.spi.WebhookIngress;
import dev.socialbridge.connector.spi.WebhookRejection;
import dev.socialbridge.connector.spi.WebhookRequest;
import dev.socialbridge.support.Json;
import java.io.IOException;

/**
 * The authenticity check of {@code /webhooks/telegram/<bot>}: the bot must be configured (404), the
 * {@value #HEADER} header must equal its secret token, compared in constant time (401), and the body must be an
 * {@code Update}, a JSON object with an integer {@code update_id}, checked in one streaming pass (400). Telegram
 * has no subscription handshake: a GET is refused with 405.
 */
final class TelegramWebhookIngress implements WebhookIngress {
    static final String HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final TelegramBots bots;

    TelegramWebhookIngress(TelegramBots bots) {
        this.bots = bots;
    }

    @Override
    public String accept(WebhookRequest request) {
        String endpoint = request.endpoint();
        if (endpoint.isEmpty()) {
            throw new WebhookRejection(404, "expected /webhooks/telegram/<bot>");
        }
        TelegramBot bot = bots.find(endpoint).orElseThrow(() -> new WebhookRejection(404,
                "no Telegram bot named '" + abbreviate(endpoint) + "' is configured"));
        String secret = request.header(HEADER);
        if (secret == null || secret.isEmpty()) {
            throw new WebhookRejection(401, "missing " + HEADER + " header");
        }
        if (!bot.secretToken().matches(secret)) {
            throw new WebhookRejection(401, HEADER + " does not match " + TelegramSettings.PREFIX
                    + TelegramSettings.BOTS + bot.name() + "." + TelegramSettings.BOT_SECRET_TOKEN);
        }
        checkShape(request.body());
        return TelegramConnectorFactory.ID;
    }

    /** Well-formed JSON whose top level is an object with an integer {@code update_id}; no tree is built. */
    private static void checkShape(byte[] body) {
        boolean updateId = false;
        try (JsonParser p = Json.MAPPER.getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new WebhookRejection(400, "body must be a JSON object (a Telegram Update)");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("update_id".equals(name)) {
                    updateId = value == JsonToken.VALUE_NUMBER_INT
                            && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
                }
                p.skipChildren();
            }
            if (p.nextToken() != null) {
                throw new WebhookRejection(400, "body is not valid JSON", "trailing content after the top-level object");
            }
        } catch (JsonProcessingException e) {
            throw new WebhookRejection(400, "body is not valid JSON", e.getOriginalMessage());
        } catch (IOException e) {
            throw new WebhookRejection(400, "body is not valid JSON", e.getMessage());
        }
        if (!updateId) {
            throw new WebhookRejection(400, "missing integer field 'update_id'");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
