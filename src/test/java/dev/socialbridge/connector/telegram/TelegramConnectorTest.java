package dev.socialbridge.connector.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.config.SettingValues;
import dev.socialbridge.connector.ConnectorContractTest;
import dev.socialbridge.connector.spi.ActionPolicy;
import dev.socialbridge.connector.spi.Connector;
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
import java.io.IOException;
import java.nio.file.Path;
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

/** The Telegram connector against the connector contract, plus what only Telegram does. */
class TelegramConnectorTest extends ConnectorContractTest {
    static final String PRIVATE_CHAT = "5512340001";
    static final String GROUP_CHAT = "-1001987654321";
    static final String FILE_LINK = "https://bridge.example.com/socialbridge/files/7f3a9c?exp=1788256800&sig=Zm9vYmFy";

    @Override
    protected String id() {
        return "telegram";
    }

    @Override
    protected ConnectorFactory factory() {
        return new TelegramConnectorFactory();
    }

    @Override
    protected List<String> expectedSettingKeys() {
        return List.of("api-base-url", "bots.<name>.token", "bots.<name>.secret-token", "bots.<name>.username");
    }

    @Override
    protected Map<String, String> validSettings(String baseUrl) {
        return TelegramFixtures.settings(baseUrl);
    }

    @Override
    protected String endpointOf(Path fixture) {
        return TelegramFixtures.endpointOf(fixture);
    }

    @Override
    protected Map<String, String> authenticHeaders(String endpoint, byte[] body) {
        return Map.of(TelegramWebhookIngress.HEADER, TelegramFixtures.secretOf(endpoint));
    }

    @Override
    protected List<OutboundCase> outboundCases() {
        String shopPath = "/bot" + TelegramFixtures.SHOP_TOKEN;
        String helpdeskPath = "/bot" + TelegramFixtures.HELPDESK_TOKEN;
        return List.of(
                new OutboundCase("reply in a private chat", reply(TelegramFixtures.SHOP, ReplyChannel.DM, InteractionKind.DM,
                        PRIVATE_CHAT + ":412", PRIVATE_CHAT, OutboundMessage.text("Bonjour Camille !")),
                        postRequestedFor(urlPathEqualTo(shopPath + "/sendMessage")).withRequestBody(equalToJson(
                                "{\"chat_id\":5512340001,\"text\":\"Bonjour Camille !\",\"reply_parameters\":"
                                        + "{\"message_id\":412,\"allow_sending_without_reply\":true}}")),
                        DeliveryResult.Delivered.class),
                new OutboundCase("reply in a group", reply(TelegramFixtures.HELPDESK, ReplyChannel.PUBLIC,
                        InteractionKind.GROUP_MESSAGE, GROUP_CHAT + ":1183", GROUP_CHAT, OutboundMessage.text("On regarde !")),
                        postRequestedFor(urlPathEqualTo(helpdeskPath + "/sendMessage"))
                                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(GROUP_CHAT)))
                                .withRequestBody(matchingJsonPath("$.reply_parameters.message_id", equalTo("1183"))),
                        DeliveryResult.Delivered.class),
                new OutboundCase("quick replies as an inline keyboard", reply(TelegramFixtures.SHOP, ReplyChannel.DM,
                        InteractionKind.DM, PRIVATE_CHAT + ":412", PRIVATE_CHAT,
                        new OutboundMessage("Pour quel usage ?", List.of("Usage perso", "Pour mon équipe"), null)),
                        postRequestedFor(urlPathEqualTo(shopPath + "/sendMessage"))
                                .withRequestBody(matchingJsonPath("$.reply_markup.inline_keyboard[1][0].callback_data",
                                        equalTo("Pour mon équipe"))),
                        DeliveryResult.Delivered.class),
                new OutboundCase("photo in a private chat", reply(TelegramFixtures.SHOP, ReplyChannel.DM,
                        InteractionKind.DM, PRIVATE_CHAT + ":412", PRIVATE_CHAT, OutboundMessage.fileByAgent(
                                new OutboundMessage.MediaLink(FILE_LINK, "image/jpeg", "colis.jpg"), "lea.support")),
                        postRequestedFor(urlPathEqualTo(shopPath + "/sendPhoto")).withRequestBody(equalToJson(
                                "{\"chat_id\":5512340001,\"photo\":\"" + FILE_LINK + "\",\"reply_parameters\":"
                                        + "{\"message_id\":412,\"allow_sending_without_reply\":true}}")),
                        DeliveryResult.Delivered.class),
                new OutboundCase("document in a group", reply(TelegramFixtures.HELPDESK, ReplyChannel.PUBLIC,
                        InteractionKind.GROUP_MESSAGE, GROUP_CHAT + ":1183", GROUP_CHAT, OutboundMessage.fileByAgent(
                                new OutboundMessage.MediaLink(FILE_LINK, "application/pdf", "facture.pdf"), "lea.support")),
                        postRequestedFor(urlPathEqualTo(helpdeskPath + "/sendDocument")).withRequestBody(equalToJson(
                                "{\"chat_id\":-1001987654321,\"document\":\"" + FILE_LINK + "\",\"reply_parameters\":"
                                        + "{\"message_id\":1183,\"allow_sending_without_reply\":true}}")),
                        DeliveryResult.Delivered.class),
                new OutboundCase("button press acknowledged", new OutboundAction.Acknowledge(Platform.TELEGRAM,
                        TelegramFixtures.SHOP, "callback:2367512398412734811"),
                        postRequestedFor(urlPathEqualTo(shopPath + "/answerCallbackQuery"))
                                .withRequestBody(equalToJson("{\"callback_query_id\":\"2367512398412734811\"}")),
                        DeliveryResult.Delivered.class),
                new OutboundCase("group message deleted", new OutboundAction.Delete(Platform.TELEGRAM,
                        TelegramFixtures.HELPDESK, GROUP_CHAT + ":1183", GROUP_CHAT),
                        postRequestedFor(urlPathEqualTo(helpdeskPath + "/deleteMessage"))
                                .withRequestBody(equalToJson("{\"chat_id\":-1001987654321,\"message_id\":1183}")),
                        DeliveryResult.Delivered.class),
                new OutboundCase("person banned from the group", new OutboundAction.Block(Platform.TELEGRAM,
                        TelegramFixtures.HELPDESK, "5512340001", GROUP_CHAT),
                        postRequestedFor(urlPathEqualTo(helpdeskPath + "/banChatMember"))
                                .withRequestBody(equalToJson("{\"chat_id\":-1001987654321,\"user_id\":5512340001}")),
                        DeliveryResult.Delivered.class));
    }

    static OutboundAction.Reply reply(String bot, ReplyChannel channel, InteractionKind kind, String itemId, String chat,
                                      OutboundMessage message) {
        return new OutboundAction.Reply(Platform.TELEGRAM, bot, channel, new ReplyTo(kind,
                TelegramIds.threadKey(bot, Long.parseLong(chat)), itemId, null, null, chat, "5512340001", Instant.now()),
                message);
    }

    private static Interaction interaction(InteractionKind kind, String itemId) {
        return new Interaction(Platform.TELEGRAM, kind, TelegramFixtures.SHOP, "t", itemId, null, null,
                Author.of("5512340001"), "hi", List.of(), null, null, Instant.EPOCH, false, PRIVATE_CHAT, null, 0);
    }

    @Test
    void aDeliveredReplyIsIdentifiedByChatAndMessageId() {
        DeliveryResult r = connector().client().deliver(outboundCases().get(0).action());
        assertEquals(new DeliveryResult.Delivered(PRIVATE_CHAT + ":4711"), r);
    }

    @Test
    void aGroupMessageIsAnsweredInTheGroupOnly() {
        ActionPolicy policy = connector().actionPolicy();
        Interaction group = interaction(InteractionKind.GROUP_MESSAGE, GROUP_CHAT + ":1183");
        assertTrue(policy.replyRefusal(group, ReplyChannel.PUBLIC).isEmpty());
        assertEquals("Telegram has no private reply", policy.replyRefusal(group, ReplyChannel.PRIVATE).orElseThrow());
        assertEquals("a bot cannot open a private chat with a group member",
                policy.replyRefusal(group, ReplyChannel.DM).orElseThrow());
        Interaction dm = interaction(InteractionKind.DM, PRIVATE_CHAT + ":412");
        assertTrue(policy.replyRefusal(dm, ReplyChannel.PUBLIC.on(dm.kind())).isEmpty());
    }

    @ParameterizedTest
    @CsvSource(value = {
        "DM, DM, image/jpeg, NULL",
        "DM, DM, application/zip, NULL",
        "POSTBACK, DM, video/mp4, NULL",
        "GROUP_MESSAGE, PUBLIC, image/png, NULL",
        "GROUP_MESSAGE, PUBLIC, application/pdf, NULL",
        "GROUP_MESSAGE, PRIVATE, audio/mpeg, Telegram has no private reply",
        "GROUP_MESSAGE, DM, image/png, a bot cannot open a private chat with a group member"}, nullValues = "NULL")
    void filesOfAnyTypeGoInPrivateChatsAndAsAGroupReply(InteractionKind kind, ReplyChannel channel, String mimeType,
                                                        String refusal) {
        assertEquals(Optional.ofNullable(refusal),
                connector().actionPolicy().mediaRefusal(Platform.TELEGRAM, kind, channel.on(kind), mimeType));
    }

    @Test
    void filesGoWhereverTextGoes() {
        ActionPolicy policy = connector().actionPolicy();
        for (InteractionKind kind : InteractionKind.values()) {
            for (ReplyChannel channel : ReplyChannel.values()) {
                assertEquals(policy.replyRefusal(interaction(kind, "x"), channel),
                        policy.mediaRefusal(Platform.TELEGRAM, kind, channel, "application/pdf"), kind + " " + channel);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"image/jpeg, photo", "image/png, photo", "image/webp, photo", "' Image/PNG ; x=1', photo",
                "image/gif, document", "video/mp4, video", "video/webm, video", "audio/mpeg, audio", "audio/mp4, audio",
                "audio/ogg, document", "audio/aac, document", "application/pdf, document", "'', document"})
    void aFilesMimeTypeNamesItsBotApiMethod(String mimeType, String field) {
        assertEquals(field, TelegramCall.mediaField(mimeType));
    }

    @Test
    void nothingCanBeHiddenTextsTake4096CharactersAndTenButtons() {
        ActionPolicy policy = connector().actionPolicy();
        assertEquals("Telegram messages cannot be hidden by a bot",
                policy.hideRefusal(interaction(InteractionKind.GROUP_MESSAGE, "x")).orElseThrow());
        assertEquals(TextLimit.chars(4096), policy.textLimit(Platform.TELEGRAM, ReplyChannel.DM));
        assertEquals(10, policy.maxQuickReplies(Platform.TELEGRAM));
    }

    @Test
    void onlyAButtonPressIsAcknowledged() throws IOException {
        Connector c = connector();
        Interaction press = ((ParsedItem.Accepted) TelegramFixtures.parse("callback-query.json")).interaction();
        assertEquals(new OutboundAction.Acknowledge(Platform.TELEGRAM, TelegramFixtures.SHOP, press.itemId()),
                c.acknowledgement(press).orElseThrow());
        Interaction dm = ((ParsedItem.Accepted) TelegramFixtures.parse("private-text.json")).interaction();
        assertTrue(c.acknowledgement(dm).isEmpty());
    }

    @Test
    void ownAccountIdsAreTheBotNamesAndTheBotIds() {
        assertEquals(Set.of("shop", "helpdesk", TelegramFixtures.SHOP_ID, TelegramFixtures.HELPDESK_ID),
                connector().ownAccountIds());
    }

    @Test
    void oneBotConfiguredTwiceIsAProblemNamingBothKeys() {
        Map<String, String> s = new HashMap<>(validSettings("http://127.0.0.1:1"));
        s.put("bots.helpdesk.token", TelegramFixtures.SHOP_TOKEN);
        SettingValues values = settings(s);
        List<String> problems = new ArrayList<>();
        factory().validate(values, problems);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("socialbridge.telegram.bots.shop.token")
                && problems.get(0).contains("socialbridge.telegram.bots.helpdesk.token"), problems.get(0));
        assertFalse(problems.get(0).contains(TelegramFixtures.SHOP_TOKEN.substring(11)), "the token is never quoted");
    }

    @Test
    void aBadTokenIsReportedWithoutQuotingIt() {
        Map<String, String> s = new HashMap<>(validSettings("http://127.0.0.1:1"));
        s.put("bots.shop.token", "7012345678-short-secret");
        List<String> problems = settings(s).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("socialbridge.telegram.bots.shop.token: '****' must be a bot token"),
                problems.get(0));
    }

    @Test
    void aBotNeedsItsTokenAndSecretToken() {
        List<String> problems = settings(Map.of("bots.shop.username", "acme_shop_bot")).problems();
        assertEquals(List.of("socialbridge.telegram.bots.shop.token", "socialbridge.telegram.bots.shop.secret-token"),
                problems.stream().map(p -> p.substring(0, p.indexOf(':'))).toList());
    }
}
