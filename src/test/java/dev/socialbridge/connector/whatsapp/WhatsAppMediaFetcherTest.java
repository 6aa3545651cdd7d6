package dev.socialbridge.connector.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
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
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Customer media: media id → short-lived URL → file, both with the number's Bearer token, under the size cap. */
class WhatsAppMediaFetcherTest {
    static final String MEDIA_ID = "1622931101729870";
    static final Attachment DOCUMENT = new Attachment("document", null, MEDIA_ID, "application/pdf",
            "facture-2025-0042.pdf");
    static final byte[] PDF = "%PDF-1.4 tiny".getBytes(StandardCharsets.US_ASCII);

    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

    private WhatsAppMediaFetcher fetcher;

    @BeforeEach
    void setUp() {
        WhatsAppGraph api = new WhatsAppGraph(graph.baseUrl(), "v25.0",
                WhatsAppGraph.newHttpClient(HttpClient.Redirect.NEVER), Duration.ofSeconds(5));
        fetcher = new WhatsAppMediaFetcher(WhatsAppFixtures.accounts(graph.baseUrl()), api,
                WhatsAppGraph.newHttpClient(HttpClient.Redirect.NORMAL));
    }

    private static void metadata(long size) {
        graph.stubFor(get(urlPathEqualTo("/v25.0/" + MEDIA_ID)).willReturn(okJson("{\"messaging_product\":\"whatsapp\","
                + "\"url\":\"" + graph.baseUrl() + "/whatsapp_business/attachments/?mid=" + MEDIA_ID + "&ext=1&hash=h\","
                + "\"mime_type\":\"application/pdf\",\"sha256\":\"abc\",\"file_size\":\"" + size + "\",\"id\":\""
                + MEDIA_ID + "\"}")));
    }

    @Test
    void onlyWhatsAppMediaIdsAreFetched() {
        assertTrue(fetcher.canFetch(DOCUMENT));
        assertFalse(fetcher.canFetch(Attachment.link("image", "https://cdn.example/x.jpg")));
        assertFalse(fetcher.canFetch(new Attachment("image", null, "../../me", null, null)));
    }

    @Test
    void theFileIsDownloadedWithTheBearerTokenUnderItsOwnName() {
        metadata(PDF.length);
        graph.stubFor(get(urlPathEqualTo("/whatsapp_business/attachments/")).willReturn(aResponse()
                .withHeader("Content-Type", "application/pdf").withBody(PDF)));
        MediaResult.Fetched f = assertInstanceOf(MediaResult.Fetched.class,
                fetcher.fetch(WhatsAppFixtures.SHOP, DOCUMENT, 1000));
        assertArrayEquals(PDF, f.bytes());
        assertEquals("application/pdf", f.mimeType());
        assertEquals("facture-2025-0042.pdf", f.fileName());
        String bearer = "Bearer " + WhatsAppFixtures.SHOP_TOKEN;
        graph.verify(getRequestedFor(urlPathEqualTo("/v25.0/" + MEDIA_ID))
                .withQueryParam("phone_number_id", equalTo(WhatsAppFixtures.SHOP)).withHeader("Authorization", equalTo(bearer)));
        graph.verify(getRequestedFor(urlPathEqualTo("/whatsapp_business/attachments/")).withHeader("Authorization", equalTo(bearer)));
    }

    @Test
    void anImageWithoutNameIsNamedAfterItsTypeIdAndMimeType() {
        metadata(PDF.length);
        graph.stubFor(get(urlPathEqualTo("/whatsapp_business/attachments/")).willReturn(aResponse().withBody(PDF)));
        MediaResult.Fetched f = assertInstanceOf(MediaResult.Fetched.class, fetcher.fetch(WhatsAppFixtures.SHOP,
                new Attachment("image", null, MEDIA_ID, "image/jpeg", null), 1000));
        assertEquals("image-" + MEDIA_ID + ".pdf", f.fileName(), "the extension follows the MIME type WhatsApp gives");
        assertEquals("application/pdf", f.mimeType());
    }

    @Test
    void aFileOverTheCapIsRefusedFromItsDeclaredSizeBeforeDownloading() {
        metadata(50_000_000);
        DeliveryResult.NotSendable n = assertInstanceOf(DeliveryResult.NotSendable.class,
                ((MediaResult.NotFetched) fetcher.fetch(WhatsAppFixtures.SHOP, DOCUMENT, 1000)).status());
        assertTrue(n.reason().contains("50000000 bytes") && n.reason().contains("socialbridge.media.max-bytes"), n.reason());
        assertEquals(0, graph.findAll(getRequestedFor(urlPathEqualTo("/whatsapp_business/attachments/"))).size());
    }

    @Test
    void anExpiredMediaIsNotRetried() {
        graph.stubFor(get(urlPathEqualTo("/v25.0/" + MEDIA_ID)).willReturn(aResponse().withStatus(404)
                .withBody("{\"error\":{\"message\":\"Unsupported get request.\",\"code\":100,\"error_subcode\":33}}")));
        DeliveryResult status = ((MediaResult.NotFetched) fetcher.fetch(WhatsAppFixtures.SHOP, DOCUMENT, 1000)).status();
        assertInstanceOf(DeliveryResult.NotSendable.class, status);
        assertTrue(status.reason().contains("ask the customer to send it again"), status.reason());
    }

    @Test
    void aServerErrorIsRetried() {
        graph.stubFor(get(urlPathEqualTo("/v25.0/" + MEDIA_ID)).willReturn(aResponse().withStatus(503)));
        assertInstanceOf(DeliveryResult.Retry.class,
                ((MediaResult.NotFetched) fetcher.fetch(WhatsAppFixtures.SHOP, DOCUMENT, 1000)).status());
    }

    @Test
    void anExpiredDownloadLinkIsNotRetried() {
        metadata(PDF.length);
        graph.stubFor(get(urlPathEqualTo("/whatsapp_business/attachments/")).willReturn(aResponse().withStatus(404)));
        assertInstanceOf(DeliveryResult.NotSendable.class,
                ((MediaResult.NotFetched) fetcher.fetch(WhatsAppFixtures.SHOP, DOCUMENT, 1000)).status());
    }

    @Test
    void anUnknownNumberIsAnInvalidAccount() {
        assertInstanceOf(DeliveryResult.AccountInvalid.class,
                ((MediaResult.NotFetched) fetcher.fetch("555", DOCUMENT, 1000)).status());
    }
}
