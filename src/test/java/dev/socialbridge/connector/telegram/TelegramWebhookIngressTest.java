package dev.socialbridge.connector.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.connector.spi.WebhookRejection;
import dev.socialbridge.connector.spi.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TelegramWebhookIngressTest {
    private static final String UPDATE = "{\"update_id\":815366201,\"message\":{\"message_id\":1}}";
    private final TelegramWebhookIngress ingress = new TelegramWebhookIngress(TelegramFixtures.bots());

    private static WebhookRequest request(String endpoint, String secret, String body) {
        Map<String, String> headers = new HashMap<>();
        if (secret != null) {
            headers.put(TelegramWebhookIngress.HEADER.toLowerCase(), secret);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new WebhookRequest() {
            @Override
            public String endpoint() {
                return endpoint;
            }

            @Override
            public String header(String name) {
                return headers.get(name.toLowerCase());
            }

            @Override
            public String query(String name) {
                return null;
            }

            @Override
            public byte[] body() {
                return bytes;
            }
        };
    }

    private WebhookRejection refused(WebhookRequest r) {
        return assertThrows(WebhookRejection.class, () -> ingress.accept(r));
    }

    @Test
    void anUpdateWithTheBotsSecretIsForTheTelegramParser() {
        assertEquals("telegram", ingress.accept(request("shop", TelegramFixtures.SHOP_SECRET, UPDATE)));
        assertEquals("telegram", ingress.accept(request("helpdesk", TelegramFixtures.HELPDESK_SECRET, UPDATE)));
    }

    @Test
    void anUnknownBotIs404() {
        WebhookRejection r = refused(request("retired", TelegramFixtures.SHOP_SECRET, UPDATE));
        assertEquals(404, r.status());
        assertTrue(r.getMessage().contains("retired"), r.getMessage());
        assertEquals(404, refused(request("", TelegramFixtures.SHOP_SECRET, UPDATE)).status());
    }

    @Test
    void aMissingOrWrongSecretIs401WithoutQuotingAnySecret() {
        assertEquals(401, refused(request("shop", null, UPDATE)).status());
        assertEquals(401, refused(request("shop", "", UPDATE)).status());
        WebhookRejection wrong = refused(request("shop", TelegramFixtures.SHOP_SECRET + "x", UPDATE));
        assertEquals(401, wrong.status());
        assertEquals("X-Telegram-Bot-Api-Secret-Token does not match socialbridge.telegram.bots.shop.secret-token",
                wrong.getMessage());
        WebhookRejection otherBots = refused(request("shop", TelegramFixtures.HELPDESK_SECRET, UPDATE));
        assertEquals(401, otherBots.status());
        assertFalse(otherBots.getMessage().contains(TelegramFixtures.HELPDESK_SECRET));
    }

    @Test
    void theSecretIsCheckedBeforeTheBody() {
        assertEquals(401, refused(request("shop", "wrong", "not json")).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "{}", "{\"update_id\":\"815366201\"}", "{\"update_id\":1.5}",
        "{\"update_id\":123456789012345678901234567890}", "{\"update_id\":1} {}", "{\"update_id\":1,", ""})
    void aBodyThatIsNotAnUpdateIs400(String body) {
        assertEquals(400, refused(request("shop", TelegramFixtures.SHOP_SECRET, body)).status());
    }

    @Test
    void thereIsNoHandshake() {
        assertEquals(405, assertThrows(WebhookRejection.class,
                () -> ingress.handshake(request("shop", TelegramFixtures.SHOP_SECRET, ""))).status());
    }
}
