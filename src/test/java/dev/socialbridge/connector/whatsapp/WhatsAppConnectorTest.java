package dev.socialbridge.connector.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.config.SettingValues;
import dev.socialbridge.connector.ConnectorContractTest;
import dev.socialbridge.connector.meta.MetaSignatureVerifier;
import dev.socialbridge.connector.spi.ActionPolicy;
import dev.socialbridge.connector.spi.Connector;
import dev.socialbridge.connector.spi.ConnectorContext;
import dev.socialbridge.connector.spi.ConnectorFactory;
import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.connector.spi.MediaFetcher;
import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.connector.spi.ParsedItem;
import dev.socialbridge.connector.spi.WebhookIngress;
import dev.socialbridge.connector.spi.WebhookRejection;
import dev.socialbridge.connector.spi.WebhookRequest;
import dev.socialbridge.interaction.Attachment;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.interaction.ReplyChannel;
import dev.socialbridge.interaction.TextLimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The WhatsApp connector against the connector contract, plus what only WhatsApp does. */
class WhatsAppConnectorTest extends ConnectorContractTest {

    @Override
    protected String id() {
        return "whatsapp";
    }

    @Override
    protected ConnectorFactory factory() {
        return new WhatsAppConnectorFactory();
    }

    @Override
    protected List<String> expectedSettingKeys() {
        return List.of("graph-base-url", "graph-version", "accounts.<name>.phone-number-id", "accounts.<name>.waba-id",
                "accounts.<name>.access-token");
    }

    @Override
    protected Map<String, String> validSettings(String baseUrl) {
        return WhatsAppFixtures.settings(baseUrl);
    }

    @Override
    protected Map<String, String> sharedSettings() {
        return WhatsAppFixtures.shared();
    }

    @Override
    protected Map<String, String> authenticHeaders(String endpoint, byte[] body) {
        return Map.of(MetaSignatureVerifier.HEADER, new MetaSignatureVerifier(WhatsAppFixtures.APP_SECRET).sign(body));
    }

    @Override
    protected List<OutboundCase> outboundCases() {
        String path = "/v25.0/" + WhatsAppFixtures.SHOP + "/messages";
        Instant recent = Instant.now().minus(Duration.ofMinutes(5));
        Instant old = Instant.now().minus(Duration.ofDays(2));
        return List.of(
                new OutboundCase("text inside the window", WhatsAppFixtures.reply(WhatsAppFixtures.CUSTOMER, recent,
                        WhatsAppFixtures.text("Bonjour ! Nous regardons votre commande.")),
                        postRequestedFor(urlPathEqualTo(path))
                                .withHeader("Authorization", equalTo("Bearer " + WhatsAppFixtures.SHOP_TOKEN))
                                .withRequestBody(matchingJsonPath("$.to", equalTo(WhatsAppFixtures.CUSTOMER)))
                                .withRequestBody(matchingJsonPath("$.text.body", equalTo("Bonjour ! Nous regardons votre commande.")))
                                .withRequestBody(matchingJsonPath("$.context.message_id",
                                        equalTo(WhatsAppFixtures.CUSTOMER_MESSAGE))),
                        DeliveryResult.Delivered.class),
                new OutboundCase("reply buttons inside the window", WhatsAppFixtures.reply(WhatsAppFixtures.CUSTOMER,
                        recent, WhatsAppFixtures.withButtons("Que souhaitez-vous ?", "Suivre ma commande", "Un humain")),
                        postRequestedFor(urlPathEqualTo(path))
                                .withRequestBody(matchingJsonPath("$.interactive.action.buttons[1].reply.title",
                                        equalTo("Un humain"))), DeliveryResult.Delivered.class),
                new OutboundCase("template outside the window", WhatsAppFixtures.reply(WhatsAppFixtures.CUSTOMER, old,
                        WhatsAppFixtures.withTemplate("Bonjour", "order_follow_up", "fr")),
                        postRequestedFor(urlPathEqualTo(path))
                                .withRequestBody(matchingJsonPath("$.template.name", equalTo("order_follow_up")))
                                .withRequestBody(matchingJsonPath("$.template.language.code", equalTo("fr"))),
                        DeliveryResult.Delivered.class),
                new OutboundCase("file inside the window", WhatsAppFixtures.reply(WhatsAppFixtures.CUSTOMER, recent,
                        WhatsAppFixtures.file(WhatsAppFixtures.FILE_LINK, "application/pdf", "facture-2026-0142.pdf")),
                        postRequestedFor(urlPathEqualTo(path))
                                .withHeader("Authorization", equalTo("Bearer " + WhatsAppFixtures.SHOP_TOKEN))
                                .withRequestBody(equalToJson("{\"messaging_product\":\"whatsapp\",\"recipient_type\":"
                                        + "\"individual\",\"to\":\"" + WhatsAppFixtures.CUSTOMER + "\",\"type\":"
                                        + "\"document\",\"document\":{\"link\":\"" + WhatsAppFixtures.FILE_LINK
                                        + "\",\"filename\":\"facture-2026-0142.pdf\"},\"context\":{\"message_id\":\""
                                        + WhatsAppFixtures.CUSTOMER_MESSAGE + "\"}}")),
                        DeliveryResult.Delivered.class),
                new OutboundCase("block a customer", new OutboundAction.Block(Platform.WHATSAPP, WhatsAppFixtures.SHOP,
                        WhatsAppFixtures.CUSTOMER, WhatsAppFixtures.CUSTOMER),
                        postRequestedFor(urlPathEqualTo("/v25.0/" + WhatsAppFixtures.SHOP + "/block_users"))
                                .withHeader("Authorization", equalTo("Bearer " + WhatsAppFixtures.SHOP_TOKEN))
                                .withRequestBody(equalToJson("{\"messaging_product\":\"whatsapp\",\"block_users\":"
                                        + "[{\"user\":\"" + WhatsAppFixtures.CUSTOMER + "\"}]}")),
                        DeliveryResult.Delivered.class));
    }

    private static Interaction interaction(InteractionKind kind) {
        return new Interaction(Platform.WHATSAPP, kind, WhatsAppFixtures.SHOP, "t", "i", null, null,
                Author.of(WhatsAppFixtures.CUSTOMER), "hi", List.of(), null, null, Instant.EPOCH, false,
                WhatsAppFixtures.CUSTOMER, null, 0);
    }

    @Test
    void conversationsCanBeAnsweredButNothingIsPublicOrHideable() {
        ActionPolicy policy = connector().actionPolicy();
        assertTrue(policy.replyRefusal(interaction(InteractionKind.DM), ReplyChannel.DM).isEmpty());
        assertTrue(policy.replyRefusal(interaction(InteractionKind.POSTBACK), ReplyChannel.DM).isEmpty());
        assertTrue(policy.replyRefusal(interaction(InteractionKind.GROUP_MESSAGE), ReplyChannel.PUBLIC).isPresent());
        assertEquals("WhatsApp messages cannot be hidden", policy.hideRefusal(interaction(InteractionKind.DM)).orElseThrow());
        assertEquals(TextLimit.chars(4096), policy.textLimit(Platform.WHATSAPP, ReplyChannel.DM));
        assertEquals(3, policy.maxQuickReplies(Platform.WHATSAPP));
    }

    @ParameterizedTest
    @CsvSource(value = {
        "DM, DM, image/jpeg, NULL",
        "DM, DM, application/pdf, NULL",
        "POSTBACK, DM, video/mp4, NULL",
        "MESSAGE_EDITED, DM, audio/ogg, NULL",
        "DM, PUBLIC, image/png, NULL",
        "COMMENT, PUBLIC, image/png, WhatsApp has no public comment: files go in the customer's conversation only",
        "GROUP_MESSAGE, PUBLIC, application/pdf, WhatsApp has no public group message: files go in the customer's"
            + " conversation only",
        "MENTION, PRIVATE, video/mp4, WhatsApp has no public mention: files go in the customer's conversation only"},
        nullValues = "NULL")
    void filesOfAnyTypeGoInTheCustomersConversationOnly(InteractionKind kind, ReplyChannel channel, String mimeType,
                                                         String refusal) {
        assertEquals(Optional.ofNullable(refusal),
                connector().actionPolicy().mediaRefusal(Platform.WHATSAPP, kind, channel, mimeType));
    }

    @ParameterizedTest
    @CsvSource({"image/jpeg, image", "image/png, image", "video/mp4, video", "video/3gpp, video", "audio/aac, audio",
                "audio/mp4, audio", "audio/mpeg, audio", "audio/amr, audio", "audio/ogg, audio",
                "' Audio/OGG ; codecs=opus', audio", "image/gif, document", "image/webp, document",
                "video/webm, document", "audio/wav, document", "application/pdf, document", "'', document"})
    void aFilesMimeTypeNamesItsWhatsAppMessageType(String mimeType, String type) {
        assertEquals(type, WhatsAppReplyBody.mediaType(mimeType));
    }

    @Test
    void aCustomersImageIsDownloadedThroughTheDocumentedStubs() throws Exception {
        Interaction image = ((ParsedItem.Accepted) connector().parser()
                .parse(WhatsAppFixtures.fixture("image.json")).get(0)).interaction();
        MediaFetcher fetcher = connector().mediaFetcher().orElseThrow();
        Attachment a = image.attachments().get(0);
        assertTrue(fetcher.canFetch(a));
        MediaFetcher.MediaResult.Fetched f = assertInstanceOf(MediaFetcher.MediaResult.Fetched.class,
                fetcher.fetch(image.accountId(), a, 1_000_000));
        assertArrayEquals(Files.readAllBytes(Path.of("test-fixtures/wiremock/whatsapp/__files/media-image.jpg")), f.bytes());
        assertEquals("image/jpeg", f.mimeType());
        assertEquals("image-1003383421387256.jpeg", f.fileName());
    }

    @Test
    void ownAccountsAreThePhoneNumberIds() {
        assertEquals(Set.of(WhatsAppFixtures.SHOP, WhatsAppFixtures.SANDBOX), connector().ownAccountIds());
    }

    @Test
    void theMetaAppSecretAndVerifyTokenAreRequiredOnceANumberIsConfigured() {
        SettingValues values = WhatsAppFixtures.values(WhatsAppFixtures.settings("http://127.0.0.1:1"), Map.of());
        List<String> problems = new ArrayList<>();
        factory().validate(values, problems);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("socialbridge.meta.app-secret: is required (WhatsApp webhooks are signed"
                + " with the Meta app secret)"), problems.get(0));
        assertTrue(problems.get(1).startsWith("socialbridge.meta.verify-token: is required"), problems.get(1));
        List<String> none = new ArrayList<>();
        factory().validate(WhatsAppFixtures.values(Map.of(), Map.of()), none);
        assertEquals(List.of(), none, "an unconfigured connector requires nothing");
    }

    @Test
    void aPhoneNumberIdConfiguredTwiceIsAProblem() {
        Map<String, String> s = new HashMap<>(WhatsAppFixtures.settings("http://127.0.0.1:1"));
        s.put("accounts.sandbox.phone-number-id", WhatsAppFixtures.SHOP);
        List<String> problems = new ArrayList<>();
        factory().validate(WhatsAppFixtures.values(s, WhatsAppFixtures.shared()), problems);
        assertEquals(List.of("socialbridge.whatsapp.accounts.shop.phone-number-id: duplicate phone number id "
                + WhatsAppFixtures.SHOP + " (also socialbridge.whatsapp.accounts.sandbox.phone-number-id)"), problems);
    }

    @Test
    void theWebhookTakesOnlyWhatsAppObjectsAndAnswersTheHandshake() {
        WebhookIngress ingress = connector().webhookIngress().orElseThrow();
        byte[] page = "{\"object\":\"page\",\"entry\":[]}".getBytes();
        WebhookRejection refused = assertThrows(WebhookRejection.class,
                () -> ingress.accept(request("", authenticHeaders("", page), page)));
        assertEquals(400, refused.status());
        assertEquals("42", ingress.handshake(handshake(WhatsAppFixtures.VERIFY_TOKEN)));
        assertEquals(403, assertThrows(WebhookRejection.class,
                () -> ingress.handshake(handshake("wrong"))).status());
    }

    @Test
    void withoutTheMetaAppSecretThereIsNoWebhook() {
        Connector c = factory().create(new ConnectorContext(
                WhatsAppFixtures.values(WhatsAppFixtures.settings("http://127.0.0.1:1"), Map.of()), Clock.systemUTC(), 1000));
        assertFalse(c.webhookIngress().isPresent());
        c.close();
    }

    private static WebhookRequest handshake(String token) {
        Map<String, String> query = Map.of("hub.mode", "subscribe", "hub.challenge", "42", "hub.verify_token", token);
        return new WebhookRequest() {
            @Override
            public String endpoint() {
                return "";
            }

            @Override
            public String header(String name) {
                return null;
            }

            @Override
            public String query(String name) {
                return query.get(name);
            }

            @Override
            public byte[] body() {
                return new byte[0];
            }
        };
    }
}
