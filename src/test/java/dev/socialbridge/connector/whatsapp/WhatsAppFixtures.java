package dev.socialbridge.connector.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.config.SettingValues;
import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.connector.spi.OutboundMessage;
import dev.socialbridge.connector.spi.ReplyTo;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.interaction.ReplyChannel;
import dev.socialbridge.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Shared test data of the WhatsApp connector tests: two configured numbers, fixtures, replies. */
final class WhatsAppFixtures {
    static final String APP_SECRET = "contract-app-secret";
    static final String VERIFY_TOKEN = "contract-verify";
    static final String SHOP = "106540352242922";
    static final String SHOP_WABA = "102290129340398";
    static final String SHOP_TOKEN = "shop-token-EAAG0123456789";
    static final String SANDBOX = "123456123";
    static final String CUSTOMER = "16505551234";
    static final String BSUID = "US.13491208655302741918";
    static final String AGENT = "lea.support";
    /** A signed link to a file of the plugin, as the host's outbox hands it over. */
    static final String FILE_LINK = "https://bridge.example.com/socialbridge/files/7f3a9c?exp=1788256800&sig=Zm9vYmFy";
    static final String CUSTOMER_MESSAGE = "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMDAA=";

    private WhatsAppFixtures() {
    }

    /** Settings relative to {@code socialbridge.whatsapp.}: the shop number and the sandbox number of Q4. */
    static Map<String, String> settings(String baseUrl) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("graph-base-url", baseUrl);
        s.put("accounts.shop.phone-number-id", SHOP);
        s.put("accounts.shop.waba-id", SHOP_WABA);
        s.put("accounts.shop.access-token", SHOP_TOKEN);
        s.put("accounts.sandbox.phone-number-id", SANDBOX);
        s.put("accounts.sandbox.waba-id", "1");
        s.put("accounts.sandbox.access-token", "sandbox-token");
        return s;
    }

    /** The Meta app secret and verify token the connector reads from {@code socialbridge.meta.}. */
    static Map<String, String> shared() {
        return Map.of(WhatsAppSettings.META_APP_SECRET, APP_SECRET, WhatsAppSettings.META_VERIFY_TOKEN, VERIFY_TOKEN);
    }

    static SettingValues values(Map<String, String> relative, Map<String, String> global) {
        return SettingValues.of(WhatsAppSettings.PREFIX, WhatsAppSettings.SPECS, relative,
                key -> Optional.ofNullable(global.get(key)));
    }

    static WhatsAppAccounts accounts(String baseUrl) {
        return WhatsAppAccounts.from(values(settings(baseUrl), shared()));
    }

    static JsonNode fixture(String name) {
        try {
            return Json.MAPPER.readTree(Path.of("test-fixtures/inbound/whatsapp", name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A reply from the shop number to the customer's message written at {@code customerMessageAt}. */
    static OutboundAction.Reply reply(String recipient, Instant customerMessageAt, OutboundMessage message) {
        return new OutboundAction.Reply(Platform.WHATSAPP, SHOP, ReplyChannel.DM, new ReplyTo(InteractionKind.DM,
                "whatsapp:dm:" + SHOP + ":" + recipient, CUSTOMER_MESSAGE, null, null, recipient, recipient,
                customerMessageAt), message);
    }

    static OutboundMessage text(String text) {
        return OutboundMessage.text(text);
    }

    static OutboundMessage withButtons(String text, String... buttons) {
        return new OutboundMessage(text, List.of(buttons), null);
    }

    /** A file an agent sends: WhatsApp downloads it from {@code url}. */
    static OutboundMessage file(String url, String mimeType, String fileName) {
        return OutboundMessage.fileByAgent(new OutboundMessage.MediaLink(url, mimeType, fileName), AGENT);
    }

    static OutboundMessage withTemplate(String text, String name, String language) {
        return new OutboundMessage(text, List.of(), new OutboundMessage.PlatformTemplate(name, language));
    }
}
