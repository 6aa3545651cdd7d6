package dev.socialbridge.connector.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialbridge.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/social-bridge telegram set-webhook} through {@link Main}, against a WireMock Bot API. */
class SetWebhookCommandTest {
    private static final String SET_WEBHOOK = "/bot" + TelegramFixtures.SHOP_TOKEN + "/setWebhook";
    private static final String URL = "https://bridge.example.com/webhooks/telegram/shop";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("test-fixtures/wiremock/telegram"))
            .failOnUnmatchedRequests(true).build();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void neverPrintsTheToken() {
        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains(TelegramFixtures.SHOP_TOKEN.substring(11)), printed);
        assertFalse(printed.contains(TelegramFixtures.SHOP_SECRET), printed);
    }

    private Path config(Map<String, String> telegram) throws IOException {
        StringBuilder p = new StringBuilder();
        telegram.forEach((k, v) -> p.append("socialbridge.telegram.").append(k).append('=').append(v).append('\n'));
        return Files.writeString(dir.resolve("telegram.properties"), p.toString());
    }

    private Path config() throws IOException {
        return config(TelegramFixtures.settings(api.baseUrl()));
    }

    private int run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "telegram";
        all[1] = "set-webhook";
        System.arraycopy(args, 0, all, 2, args.length);
        return Main.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void registersTheUrlWithTheBotsSecretAndTheUpdatesTheConnectorReads() throws IOException {
        assertEquals(0, run("--bot", "shop", "--url", URL, "--config", config().toString()), err());
        api.verify(postRequestedFor(urlPathEqualTo(SET_WEBHOOK)).withRequestBody(equalToJson("{\"url\":\"" + URL
                + "\",\"secret_token\":\"" + TelegramFixtures.SHOP_SECRET + "\","
                + "\"allowed_updates\":[\"message\",\"edited_message\",\"callback_query\"]}")));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Webhook of bot shop set to " + URL), out.toString());
        assertEquals("", err());
    }

    @Test
    void warnsWhenTheUrlIsNotTheBotsWebhookPathButStillSetsIt() throws IOException {
        assertEquals(0, run("--bot", "shop", "--url", "https://bridge.example.com/webhooks/telegram/helpdesk",
                "--config", config().toString()));
        assertTrue(err().startsWith("warning: the URL does not end with /webhooks/telegram/shop"), err());
        api.verify(1, postRequestedFor(urlPathEqualTo(SET_WEBHOOK)));
    }

    @Test
    void anUnknownBotIsABadConfigurationNamingTheKey() throws IOException {
        assertEquals(2, run("--bot", "nobody", "--url", URL, "--config", config().toString()));
        assertTrue(err().contains("socialbridge.telegram.bots.nobody.token: no bot named 'nobody' is configured"
                + " (configured: helpdesk, shop)"), err());
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aMissingConfigFileOrABadTokenIsABadConfiguration() throws IOException {
        assertEquals(2, run("--bot", "shop", "--url", URL, "--config", dir.resolve("missing.properties").toString()));
        assertTrue(err().contains("--config: file not found"), err());
        Map<String, String> bad = new LinkedHashMap<>(TelegramFixtures.settings(api.baseUrl()));
        bad.put("bots.shop.token", "7012345678:tooshort");
        assertEquals(2, run("--bot", "shop", "--url", URL, "--config", config(bad).toString()));
        assertTrue(err().contains("socialbridge.telegram.bots.shop.token: '****' must be a bot token"), err());
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aUrlTelegramCannotPostToIsBadUsage() throws IOException {
        assertEquals(2, run("--bot", "shop", "--url", "http://bridge.example.com/webhooks/telegram/shop",
                "--config", config().toString()));
        assertTrue(err().contains("--url must be an https URL"), err());
        assertEquals(2, run("--bot", "shop", "--config", config().toString()), "--url is required");
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRefusalByTelegramExitsWithItsDescription() throws IOException {
        api.stubFor(post(urlPathEqualTo(SET_WEBHOOK)).atPriority(1).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error_code\":400,"
                        + "\"description\":\"Bad Request: bad webhook: Failed to resolve host: Name or service not known\"}")));
        assertEquals(1, run("--bot", "shop", "--url", URL, "--config", config().toString()));
        assertTrue(err().contains("Telegram did not set the webhook: setWebhook for bot shop: 400 Bad Request: bad webhook:"
                + " Failed to resolve host"), err());
    }

    @Test
    void aTokenTelegramDoesNotKnowExitsWithTheKeyToFix() throws IOException {
        api.stubFor(post(urlPathEqualTo(SET_WEBHOOK)).atPriority(1).willReturn(aResponse().withStatus(401)
                .withBody("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}")));
        assertEquals(1, run("--bot", "shop", "--url", URL, "--config", config().toString()));
        assertTrue(err().contains("socialbridge.telegram.bots.shop.token"), err());
    }
}
