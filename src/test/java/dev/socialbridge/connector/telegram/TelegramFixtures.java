package dev.socialbridge.connector.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.config.SettingValues;
import dev.socialbridge.connector.spi.ParsedItem;
import dev.socialbridge.support.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The two bots of the fixtures: {@code shop} gets the private chats, {@code helpdesk} sits in the group. */
final class TelegramFixtures {
    static final String SHOP = "shop";
    static final String SHOP_ID = "7012345678";
    static final String SHOP_TOKEN = SHOP_ID + ":AAH3kZ2xQy7VtR9pLmN4bC6dE8fG0hJ1kLsW";
    static final String SHOP_SECRET = "shop-webhook-secret_1";
    static final String HELPDESK = "helpdesk";
    static final String HELPDESK_ID = "6098765432";
    static final String HELPDESK_TOKEN = HELPDESK_ID + ":AAF9pQ2rS4tU6vW8xY0zA1bC3dE5fG7hI9jKl";
    static final String HELPDESK_SECRET = "helpdesk-webhook-secret_2";
    static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private TelegramFixtures() {
    }

    /** Relative settings of both bots against a Bot API at {@code baseUrl}. */
    static Map<String, String> settings(String baseUrl) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("api-base-url", baseUrl);
        s.put("bots.shop.token", SHOP_TOKEN);
        s.put("bots.shop.secret-token", SHOP_SECRET);
        s.put("bots.shop.username", "acme_shop_bot");
        s.put("bots.helpdesk.token", HELPDESK_TOKEN);
        s.put("bots.helpdesk.secret-token", HELPDESK_SECRET);
        s.put("bots.helpdesk.username", "acme_helpdesk_bot");
        return s;
    }

    static SettingValues values(Map<String, String> relative) {
        return SettingValues.of(TelegramSettings.PREFIX, TelegramSettings.SPECS, relative);
    }

    static TelegramBots bots() {
        return TelegramBots.from(values(settings("http://127.0.0.1:1")));
    }

    static TelegramBot shop() {
        return bots().find(SHOP).orElseThrow();
    }

    /** The bot a fixture arrives on: the group and channel updates go to the helpdesk bot. */
    static String endpointOf(Path fixture) {
        String name = fixture.getFileName().toString();
        return name.startsWith("group-") || name.startsWith("channel-") ? HELPDESK : SHOP;
    }

    static String secretOf(String bot) {
        return HELPDESK.equals(bot) ? HELPDESK_SECRET : SHOP_SECRET;
    }

    static JsonNode read(String fixture) throws IOException {
        return Json.MAPPER.readTree(path(fixture).toFile());
    }

    static Path path(String fixture) {
        return Path.of("test-fixtures/inbound/telegram", fixture);
    }

    /** The one item a fixture parses to, on the bot it arrives on. */
    static ParsedItem parse(String fixture) throws IOException {
        List<ParsedItem> items = new TelegramWebhookParser(bots(), CLOCK).parse(read(fixture), endpointOf(path(fixture)));
        if (items.size() != 1) {
            throw new AssertionError(fixture + " gave " + items);
        }
        return items.get(0);
    }
}
