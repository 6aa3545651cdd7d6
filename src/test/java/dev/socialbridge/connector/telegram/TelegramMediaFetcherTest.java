package dev.socialbridge.connector.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.connector.spi.MediaFetcher.MediaResult;
import dev.socialbridge.interaction.Attachment;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TelegramMediaFetcherTest {
    private static final String BOT = "/bot" + TelegramFixtures.SHOP_TOKEN;
    private static final String FILES = "/file/bot" + TelegramFixtures.SHOP_TOKEN;
    private static final long MAX = 10L * 1024 * 1024;
    private static final Attachment PHOTO = new Attachment("photo", null,
            "AgACAgQAAxkBAAIBn2e4Xq1a9Ck7S0m3rUoQ0l4c2cFhAAJmwjEbZg9JUBqTd1Kx3w0XAQADAgADeQADNgQ", "image/jpeg", null);
    private static final Attachment DOCUMENT = new Attachment("document", null, "BQACAgQAAxkBAAIBoWe4Xr0k",
            "application/pdf", "invoice-2026-0117.pdf");

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("test-fixtures/wiremock/telegram"))
            .failOnUnmatchedRequests(true).build();

    private TelegramMediaFetcher fetcher() {
        TelegramBots bots = TelegramFixtures.bots();
        return new TelegramMediaFetcher(bots, new TelegramClient(bots, api.baseUrl(), HttpClient.newHttpClient(),
                Duration.ofSeconds(5)));
    }

    private static void getFile(String filePath, long size) {
        api.stubFor(post(urlPathEqualTo(BOT + "/getFile")).atPriority(1).willReturn(okJson("{\"ok\":true,\"result\":"
                + "{\"file_id\":\"BQACAgQAAxkBAAIBoWe4Xr0k\",\"file_unique_id\":\"AgADexUAAmYPSVA\",\"file_size\":" + size
                + ",\"file_path\":\"" + filePath + "\"}}")));
    }

    private static void assertNoToken(MediaResult r) {
        String reason = ((MediaResult.NotFetched) r).status().reason();
        assertFalse(reason.contains(TelegramFixtures.SHOP_TOKEN), reason);
    }

    @Test
    void fetchesTheFilesOfTelegramMessagesOnly() {
        TelegramMediaFetcher f = fetcher();
        for (String type : TelegramAttachments.TYPES) {
            assertTrue(f.canFetch(new Attachment(type, null, "file-id", null, null)), type);
        }
        assertFalse(f.canFetch(new Attachment("photo", null, null, null, null)));
        assertFalse(f.canFetch(Attachment.link("image", "https://example.com/a.jpg")));
    }

    @Test
    void aPhotoIsLookedUpWithGetFileThenDownloadedWithItsType() throws IOException {
        MediaResult.Fetched f = assertInstanceOf(MediaResult.Fetched.class, fetcher().fetch("shop", PHOTO, MAX));
        assertArrayEquals(Files.readAllBytes(Path.of("test-fixtures/wiremock/telegram/__files/photo-file_12.jpg")), f.bytes());
        assertEquals("image/jpeg", f.mimeType(), "Telegram serves application/octet-stream: the attachment's type is kept");
        assertEquals("file_12.jpg", f.fileName());
        api.verify(postRequestedFor(urlPathEqualTo(BOT + "/getFile")).withRequestBody(equalToJson("{\"file_id\":\""
                + PHOTO.mediaId() + "\"}")));
        api.verify(getRequestedFor(urlPathEqualTo(FILES + "/photos/file_12.jpg")));
    }

    @Test
    void aDocumentKeepsItsFileName() {
        getFile("documents/file_7.pdf", 9);
        api.stubFor(get(urlPathEqualTo(FILES + "/documents/file_7.pdf")).willReturn(aResponse().withBody("%PDF-1.4\n")));
        MediaResult.Fetched f = assertInstanceOf(MediaResult.Fetched.class, fetcher().fetch("shop", DOCUMENT, MAX));
        assertEquals("invoice-2026-0117.pdf", f.fileName());
        assertEquals("application/pdf", f.mimeType());
    }

    @Test
    void aFileOverTheCapIsRefusedBeforeDownloading() {
        getFile("documents/file_8.pdf", 5_000_000);
        MediaResult r = fetcher().fetch("shop", DOCUMENT, 1_000_000);
        DeliveryResult status = assertInstanceOf(MediaResult.NotFetched.class, r).status();
        assertInstanceOf(DeliveryResult.NotSendable.class, status);
        assertTrue(status.reason().contains("5000000") && status.reason().contains("socialbridge.media.max-bytes"),
                status.reason());
        api.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void aFileTelegramWillNotServeIsNotSendable() {
        api.stubFor(post(urlPathEqualTo(BOT + "/getFile")).atPriority(1).willReturn(aResponse().withStatus(400)
                .withBody("{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: file is too big\"}")));
        MediaResult r = fetcher().fetch("shop", DOCUMENT, MAX);
        assertInstanceOf(DeliveryResult.NotSendable.class, ((MediaResult.NotFetched) r).status());
        assertNoToken(r);
    }

    @Test
    void aFilePathLeavingTheBotsDirectoryIsNeverRequested() {
        getFile("../../etc/passwd", 10);
        MediaResult r = fetcher().fetch("shop", DOCUMENT, MAX);
        assertInstanceOf(DeliveryResult.NotSendable.class, ((MediaResult.NotFetched) r).status());
        api.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void aFailingDownloadIsRetriedAndNamesNoToken() {
        getFile("documents/file_9.pdf", 10);
        api.stubFor(get(urlPathEqualTo(FILES + "/documents/file_9.pdf")).willReturn(aResponse().withStatus(502)));
        MediaResult r = fetcher().fetch("shop", DOCUMENT, MAX);
        assertInstanceOf(DeliveryResult.Retry.class, ((MediaResult.NotFetched) r).status());
        assertNoToken(r);
    }

    @Test
    void anUnknownBotIsAnInvalidAccount() {
        MediaResult r = fetcher().fetch("retired", PHOTO, MAX);
        assertInstanceOf(DeliveryResult.AccountInvalid.class, ((MediaResult.NotFetched) r).status());
    }
}
