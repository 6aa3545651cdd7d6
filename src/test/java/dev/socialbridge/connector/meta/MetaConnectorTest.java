package dev.socialbridge.connector.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.connector.ConnectorContractTest;
import dev.socialbridge.connector.spi.ActionPolicy;
import dev.socialbridge.connector.spi.ConnectorFactory;
import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.connector.spi.OutboundMessage;
import dev.socialbridge.connector.spi.ParsedItem;
import dev.socialbridge.connector.spi.ReplyTo;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.interaction.ReplyChannel;
import dev.socialbridge.interaction.TextLimit;
import dev.socialbridge.support.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Meta connector against the connector contract, plus what only Meta does. */
class MetaConnectorTest extends ConnectorContractTest {
    static final String SECRET = "contract-app-secret";
    static final String IG = "17841400000000001";
    static final String PAGE = "100000000000001";

    @Override
    protected String id() {
        return "meta";
    }

    @Override
    protected ConnectorFactory factory() {
        return new MetaConnectorFactory();
    }

    @Override
    protected List<String> expectedSettingKeys() {
        return List.of("app-secret", "verify-token", "graph-base-url", "graph-version", "accounts.<name>.id",
                "accounts.<name>.platform", "accounts.<name>.page-id", "accounts.<name>.access-token");
    }

    @Override
    protected Map<String, String> validSettings(String baseUrl) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("app-secret", SECRET);
        s.put("verify-token", "contract-verify");
        s.put("graph-base-url", baseUrl);
        s.put("accounts.brand-ig.id", IG);
        s.put("accounts.brand-ig.platform", "instagram");
        s.put("accounts.brand-ig.page-id", PAGE);
        s.put("accounts.brand-ig.access-token", "ig-token");
        s.put("accounts.brand-page.id", PAGE);
        s.put("accounts.brand-page.platform", "facebook");
        s.put("accounts.brand-page.access-token", "page-token");
        return s;
    }

    @Override
    protected Map<String, String> authenticHeaders(String endpoint, byte[] body) {
        return Map.of(MetaSignatureVerifier.HEADER, new MetaSignatureVerifier(SECRET).sign(body));
    }

    @Override
    protected List<OutboundCase> outboundCases() {
        String igComment = "17890000000000011";
        String fbComment = "122100000000000101_1234500000000002";
        return List.of(
                new OutboundCase("instagram public reply", reply(Platform.INSTAGRAM, IG, ReplyChannel.PUBLIC,
                        InteractionKind.COMMENT, igComment, null, null, "Merci !"),
                        postRequestedFor(urlPathEqualTo("/v25.0/" + igComment + "/replies"))
                                .withFormParam("message", equalTo("Merci !")), DeliveryResult.Delivered.class),
                new OutboundCase("facebook public reply", reply(Platform.FACEBOOK, PAGE, ReplyChannel.PUBLIC,
                        InteractionKind.COMMENT, fbComment, null, null, "Thanks!"),
                        postRequestedFor(urlPathEqualTo("/v25.0/" + fbComment + "/comments")), DeliveryResult.Delivered.class),
                new OutboundCase("private reply", reply(Platform.INSTAGRAM, IG, ReplyChannel.PRIVATE,
                        InteractionKind.COMMENT, igComment, null, null, "On vous écrit"),
                        postRequestedFor(urlPathEqualTo("/v25.0/" + PAGE + "/messages"))
                                .withRequestBody(matchingJsonPath("$.recipient.comment_id", equalTo(igComment))),
                        DeliveryResult.Delivered.class),
                new OutboundCase("dm", reply(Platform.MESSENGER, PAGE, ReplyChannel.DM, InteractionKind.DM, "m_1",
                        null, "7010000000000001", "Bonjour"),
                        postRequestedFor(urlPathEqualTo("/v25.0/" + PAGE + "/messages"))
                                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo("7010000000000001"))),
                        DeliveryResult.Delivered.class),
                new OutboundCase("messenger image dm", new OutboundAction.Reply(Platform.MESSENGER, PAGE, ReplyChannel.DM,
                        new ReplyTo(InteractionKind.DM, "t", "m_2", null, null, "7010000000000001", "7010000000000001",
                                Instant.now()), OutboundMessage.fileByAgent(new OutboundMessage.MediaLink(
                                "https://rt.example.com/socialbridge/files/9/1?sig=x", "image/jpeg", "photo.jpg"), "sam")),
                        postRequestedFor(urlPathEqualTo("/v25.0/" + PAGE + "/messages"))
                                .withQueryParam("access_token", equalTo("page-token"))
                                .withRequestBody(matchingJsonPath("$.message.attachment.type", equalTo("image")))
                                .withRequestBody(matchingJsonPath("$.message.attachment.payload.url",
                                        equalTo("https://rt.example.com/socialbridge/files/9/1?sig=x"))),
                        DeliveryResult.Delivered.class),
                new OutboundCase("reply under a mention", reply(Platform.INSTAGRAM, IG, ReplyChannel.PUBLIC,
                        InteractionKind.MENTION, "17890000000000099", "17910000000000077", null, "Merci !"),
                        postRequestedFor(urlPathEqualTo("/v25.0/" + IG + "/mentions"))
                                .withFormParam("media_id", equalTo("17910000000000077"))
                                .withFormParam("comment_id", equalTo("17890000000000099")), DeliveryResult.Delivered.class),
                new OutboundCase("hide", new OutboundAction.SetHidden(Platform.INSTAGRAM, IG, igComment, true),
                        postRequestedFor(urlPathEqualTo("/v25.0/" + igComment)).withFormParam("hide", equalTo("true")),
                        DeliveryResult.Delivered.class),
                new OutboundCase("instagram comment delete", new OutboundAction.Delete(Platform.INSTAGRAM, IG, igComment, null),
                        deleteRequestedFor(urlPathEqualTo("/v25.0/" + igComment))
                                .withQueryParam("access_token", equalTo("ig-token")), DeliveryResult.Delivered.class),
                new OutboundCase("facebook comment delete", new OutboundAction.Delete(Platform.FACEBOOK, PAGE, fbComment, null),
                        deleteRequestedFor(urlPathEqualTo("/v25.0/" + fbComment))
                                .withQueryParam("access_token", equalTo("page-token")), DeliveryResult.Delivered.class),
                new OutboundCase("messenger block", new OutboundAction.Block(Platform.MESSENGER, PAGE, "7010000000000001", null),
                        postRequestedFor(urlPathEqualTo("/v25.0/" + PAGE + "/blocked"))
                                .withFormParam("psid", equalTo("[\"7010000000000001\"]"))
                                .withFormParam("access_token", equalTo("page-token")), DeliveryResult.Delivered.class));
    }

    private static OutboundAction reply(Platform platform, String account, ReplyChannel channel, InteractionKind kind,
                                        String itemId, String postId, String conversation, String text) {
        return new OutboundAction.Reply(platform, account, channel, new ReplyTo(kind, "t", itemId, null, postId,
                conversation, conversation != null ? conversation : "author", Instant.now()), OutboundMessage.text(text));
    }

    private static Interaction interaction(Platform platform, InteractionKind kind) {
        return new Interaction(platform, kind, IG, "t", "i", null, "p", Author.of("a"), "hi", List.of(), null, null,
                Instant.EPOCH, false, null, null, 0);
    }

    @Test
    void aMentionCanOnlyBeAnsweredPubliclyAndNeverHidden() {
        ActionPolicy policy = connector().actionPolicy();
        Interaction mention = interaction(Platform.INSTAGRAM, InteractionKind.MENTION);
        assertTrue(policy.replyRefusal(mention, ReplyChannel.PUBLIC).isEmpty());
        assertTrue(policy.replyRefusal(mention, ReplyChannel.PRIVATE).orElseThrow().contains("publicly"));
        assertTrue(policy.hideRefusal(mention).isPresent());
        assertTrue(policy.hideRefusal(interaction(Platform.FACEBOOK, InteractionKind.COMMENT)).isEmpty());
    }

    @Test
    void filesGoInConversationsButNotUnderComments() {
        ActionPolicy policy = connector().actionPolicy();
        assertTrue(policy.mediaRefusal(Platform.MESSENGER, InteractionKind.DM, ReplyChannel.DM, "application/pdf").isEmpty());
        assertTrue(policy.mediaRefusal(Platform.INSTAGRAM, InteractionKind.STORY_REPLY, ReplyChannel.DM, "image/jpeg")
                .isEmpty());
        assertEquals("Instagram messages take images, videos and audio, not application/pdf", policy.mediaRefusal(
                Platform.INSTAGRAM, InteractionKind.DM, ReplyChannel.DM, "application/pdf").orElseThrow());
        assertTrue(policy.mediaRefusal(Platform.FACEBOOK, InteractionKind.COMMENT, ReplyChannel.PUBLIC, "image/jpeg")
                .orElseThrow().startsWith("a comment reply takes text only"));
        assertTrue(policy.mediaRefusal(Platform.INSTAGRAM, InteractionKind.COMMENT, ReplyChannel.PRIVATE, "image/jpeg")
                .orElseThrow().startsWith("a private reply to a comment takes text only"));
    }

    @Test
    void instagramDmsAreLimitedInUtf8BytesAndCommentsInCharacters() {
        ActionPolicy policy = connector().actionPolicy();
        assertEquals(TextLimit.bytes(1000), policy.textLimit(Platform.INSTAGRAM, ReplyChannel.DM));
        assertEquals(TextLimit.chars(2200), policy.textLimit(Platform.INSTAGRAM, ReplyChannel.PUBLIC));
        assertEquals(TextLimit.chars(2000), policy.textLimit(Platform.MESSENGER, ReplyChannel.DM));
    }

    @Test
    void standbyItemsAreTicketedButAutomationIsBlocked() throws IOException {
        List<ParsedItem> items = connector().parser().parse(Json.MAPPER.readTree(
                Path.of("test-fixtures/inbound/meta/messenger-standby.json").toFile()), "");
        Interaction standby = items.stream().filter(ParsedItem.Accepted.class::isInstance)
                .map(i -> ((ParsedItem.Accepted) i).interaction()).findFirst().orElseThrow();
        assertFalse(standby.automationAllowed());
        assertTrue(standby.automationBlockedBy().startsWith("standby"), standby.automationBlockedBy());
    }

    @Test
    void aWhatsAppObjectOnTheMetaWebhookIsRoutedToTheWhatsAppConnector() {
        byte[] body = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes();
        assertEquals("whatsapp", connector().webhookIngress().orElseThrow()
                .accept(request("", authenticHeaders("", body), body)));
    }
}
