package dev.socialbridge.connector.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.connector.spi.OutboundMessage;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.interaction.ReplyChannel;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TelegramClientTest {
    private static final String SEND = "/bot" + TelegramFixtures.SHOP_TOKEN + "/sendMessage";
    private static final String CHAT = "5512340001";
    private static final String GROUP = TelegramConnectorTest.GROUP_CHAT;
    private static final String HELPDESK = "/bot" + TelegramFixtures.HELPDESK_TOKEN;
    private static final String SHOP = "/bot" + TelegramFixtures.SHOP_TOKEN;
    private static final String LINK = "https://bridge.example.com/socialbridge/files/7f3a9c?exp=1788256800&sig=Zm9vYmFy";
    private static final String BAD_LINK = "the file's link is not an absolute http(s) URL Telegram could download";

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("test-fixtures/wiremock/telegram"))
            .failOnUnmatchedRequests(true).build();

    private TelegramClient client() {
        return new TelegramClient(TelegramFixtures.bots(), api.baseUrl(), HttpClient.newHttpClient(), Duration.ofMillis(800));
    }

    private static OutboundAction.Reply dm(OutboundMessage message) {
        return TelegramConnectorTest.reply("shop", ReplyChannel.DM, InteractionKind.DM, CHAT + ":412", CHAT, message);
    }

    private static void answer(int status, String body) {
        api.stubFor(post(urlPathEqualTo(SEND)).atPriority(1)
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static void answer(String path, int status, String body) {
        api.stubFor(post(urlPathEqualTo(path)).atPriority(1)
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static OutboundAction.Delete delete(String bot, String itemId, String chat) {
        return new OutboundAction.Delete(Platform.TELEGRAM, bot, itemId, chat);
    }

    private static OutboundAction.Block block(String userId, String chat) {
        return new OutboundAction.Block(Platform.TELEGRAM, TelegramFixtures.HELPDESK, userId, chat);
    }

    private static void assertNoToken(DeliveryResult r) {
        String token = TelegramFixtures.SHOP_TOKEN;
        assertFalse(r.reason().contains(token) || r.reason().contains(token.substring(token.indexOf(':') + 1)),
                "token in " + r.reason());
    }

    @Test
    void aReplyQuotesTheCustomersMessageAndIsIdentifiedByChatAndMessageId() {
        DeliveryResult r = client().deliver(dm(OutboundMessage.text("Bonjour !")));
        assertEquals(new DeliveryResult.Delivered(CHAT + ":4711"), r);
        api.verify(postRequestedFor(urlPathEqualTo(SEND)).withRequestBody(equalToJson("{\"chat_id\":5512340001,"
                + "\"text\":\"Bonjour !\",\"reply_parameters\":{\"message_id\":412,\"allow_sending_without_reply\":true}}")));
    }

    @Test
    void quickRepliesAreAnInlineKeyboardWithOneButtonPerRow() {
        String longLabel = "Je préfère être rappelée demain matin entre neuf heures et midi, merci";
        client().deliver(dm(new OutboundMessage("Comment vous aider ?", List.of("Suivre ma commande", longLabel), null)));
        String data = TelegramCall.callbackData(longLabel);
        assertTrue(data.getBytes(StandardCharsets.UTF_8).length <= 64 && longLabel.startsWith(data), data);
        api.verify(postRequestedFor(urlPathEqualTo(SEND)).withRequestBody(equalToJson("{\"chat_id\":5512340001,"
                + "\"text\":\"Comment vous aider ?\",\"reply_parameters\":{\"message_id\":412,"
                + "\"allow_sending_without_reply\":true},\"reply_markup\":{\"inline_keyboard\":["
                + "[{\"text\":\"Suivre ma commande\",\"callback_data\":\"Suivre ma commande\"}],"
                + "[{\"text\":\"" + longLabel + "\",\"callback_data\":\"" + data + "\"}]]}}")));
    }

    @Test
    void callbackDataNeverSplitsACharacter() {
        String emoji = "👍".repeat(20);
        String data = TelegramCall.callbackData(emoji);
        assertEquals("👍".repeat(16), data);
    }

    @Test
    void anAnswerToAButtonPressIsAPlainMessageInTheChat() {
        client().deliver(TelegramConnectorTest.reply("shop", ReplyChannel.DM, InteractionKind.POSTBACK,
                "callback:2367512398412734811", CHAT, OutboundMessage.text("Parfait")));
        api.verify(postRequestedFor(urlPathEqualTo(SEND))
                .withRequestBody(equalToJson("{\"chat_id\":5512340001,\"text\":\"Parfait\"}")));
    }

    /** A file an agent sends from the helpdesk: Telegram downloads it from the link. */
    static OutboundMessage file(String url, String mimeType) {
        return OutboundMessage.fileByAgent(new OutboundMessage.MediaLink(url, mimeType, "piece-jointe"), "lea.support");
    }

    @ParameterizedTest
    @CsvSource({"image/jpeg, sendPhoto, photo, 4712", "image/png, sendPhoto, photo, 4712",
                "image/webp, sendPhoto, photo, 4712", "'IMAGE/JPEG; q=1', sendPhoto, photo, 4712",
                "image/gif, sendDocument, document, 4715", "video/mp4, sendVideo, video, 4713",
                "video/quicktime, sendVideo, video, 4713", "audio/mpeg, sendAudio, audio, 4714",
                "audio/mp4, sendAudio, audio, 4714", "audio/ogg, sendDocument, document, 4715",
                "audio/wav, sendDocument, document, 4715", "application/pdf, sendDocument, document, 4715",
                "text/csv, sendDocument, document, 4715"})
    void aFileIsSentByUrlWithTheMethodOfItsTypeQuotingTheCustomersMessage(String mimeType, String method, String field,
                                                                         long sentId) {
        DeliveryResult r = client().deliver(dm(file(LINK, mimeType)));
        assertEquals(new DeliveryResult.Delivered(CHAT + ":" + sentId), r);
        api.verify(1, postRequestedFor(urlPathEqualTo(SHOP + "/" + method))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("{\"chat_id\":5512340001,\"" + field + "\":\"" + LINK + "\","
                        + "\"reply_parameters\":{\"message_id\":412,\"allow_sending_without_reply\":true}}")));
        api.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void aFileInAGroupAnswersTheMessageThereAndIsIdentifiedInTheGroup() {
        DeliveryResult r = client().deliver(TelegramConnectorTest.reply(TelegramFixtures.HELPDESK, ReplyChannel.PUBLIC,
                InteractionKind.GROUP_MESSAGE, GROUP + ":1183", GROUP, file("http://127.0.0.1:8080/f/1", "image/png")));
        assertEquals(new DeliveryResult.Delivered(GROUP + ":4712"), r);
        api.verify(1, postRequestedFor(urlPathEqualTo(HELPDESK + "/sendPhoto")).withRequestBody(equalToJson(
                "{\"chat_id\":-1001987654321,\"photo\":\"http://127.0.0.1:8080/f/1\",\"reply_parameters\":"
                        + "{\"message_id\":1183,\"allow_sending_without_reply\":true}}")));
        api.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void aFileAfterAButtonPressQuotesNothing() {
        DeliveryResult r = client().deliver(TelegramConnectorTest.reply("shop", ReplyChannel.DM, InteractionKind.POSTBACK,
                "callback:2367512398412734811", CHAT, file(LINK, "application/pdf")));
        assertEquals(new DeliveryResult.Delivered(CHAT + ":4715"), r);
        api.verify(1, postRequestedFor(urlPathEqualTo(SHOP + "/sendDocument")).withRequestBody(equalToJson(
                "{\"chat_id\":5512340001,\"document\":\"" + LINK + "\"}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/socialbridge/files/7f3a9c", "bridge.example.com/files/7f3a9c",
        "ftp://bridge.example.com/files/7f3a9c", "file:///etc/passwd", "https:///files/7f3a9c",
        "https://bridge example.com/files", "attach://file0", "javascript:alert(1)"})
    void aLinkThatIsNotAnAbsoluteHttpUrlFailsWithoutACall(String url) {
        DeliveryResult r = client().deliver(dm(file(url, "image/jpeg")));
        assertEquals(new DeliveryResult.Failed(BAD_LINK), r);
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "400 | Bad Request: wrong type of the web page content | Failed | sendPhoto for bot shop: 400 Bad Request: wrong"
            + " type of the web page content",
        "400 | Bad Request: failed to get HTTP URL content | Failed | sendPhoto for bot shop: 400 Bad Request: failed"
            + " to get HTTP URL content",
        "400 | Bad Request: file is too big | NotSendable | sendPhoto for bot shop: 400 Bad Request: file is too big",
        "400 | Bad Request: chat not found | NotSendable | sendPhoto for bot shop: 400 Bad Request: chat not found",
        "403 | Forbidden: bot was blocked by the user | Unreachable | Forbidden: bot was blocked by the user",
        "500 | Internal Server Error | Retry | sendPhoto for bot shop: 500 Internal Server Error"})
    void errorsAreClassifiedAsForMessages(int status, String description, String expected, String reason) {
        String body = "{\"ok\":false,\"error_code\":" + status + ",\"description\":\"" + description + "\"}";
        answer(SHOP + "/sendPhoto", status, body);
        answer(status, body);
        DeliveryResult r = client().deliver(dm(file(LINK, "image/jpeg")));
        assertEquals(expected, r.getClass().getSimpleName(), r.toString());
        assertEquals(reason, r.reason());
        DeliveryResult asText = client().deliver(dm(OutboundMessage.text("x")));
        assertEquals(r.getClass(), asText.getClass(), "a file fails as a message would");
        assertEquals(reason.replace("sendPhoto", "sendMessage"), asText.reason());
    }

    @Test
    void aRateLimitOnAFileIsRetriedAfterTelegramsRetryAfter() {
        answer(SHOP + "/sendVideo", 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests:"
                + " retry after 17\",\"parameters\":{\"retry_after\":17}}");
        DeliveryResult r = client().deliver(dm(file(LINK, "video/mp4")));
        assertEquals(new DeliveryResult.Retry("Telegram rate limit, sendVideo for bot shop: 429 Too Many Requests:"
                + " retry after 17", Duration.ofSeconds(17)), r);
    }

    @Test
    void aRateLimitIsRetriedAfterTelegramsRetryAfter() {
        answer(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 17\","
                + "\"parameters\":{\"retry_after\":17}}");
        DeliveryResult.Retry r = assertInstanceOf(DeliveryResult.Retry.class, client().deliver(dm(OutboundMessage.text("x"))));
        assertEquals(Duration.ofSeconds(17), r.retryAfter());
        assertTrue(r.reason().contains("Too Many Requests"), r.reason());
        assertNoToken(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Forbidden: bot was blocked by the user", "Forbidden: user is deactivated",
        "Forbidden: bot was kicked from the supergroup chat"})
    void someoneWhoBlockedOrRemovedTheBotIsUnreachable(String description) {
        answer(403, "{\"ok\":false,\"error_code\":403,\"description\":\"" + description + "\"}");
        DeliveryResult r = client().deliver(dm(OutboundMessage.text("x")));
        assertEquals(new DeliveryResult.Unreachable(description), r);
    }

    @ParameterizedTest
    @CsvSource({"401, Unauthorized", "404, Not Found"})
    void aTokenTelegramRefusesMakesTheAccountInvalidNamingTheSetting(int status, String description) {
        answer(status, "{\"ok\":false,\"error_code\":" + status + ",\"description\":\"" + description + "\"}");
        DeliveryResult r = assertInstanceOf(DeliveryResult.AccountInvalid.class, client().deliver(dm(OutboundMessage.text("x"))));
        assertTrue(r.reason().contains("socialbridge.telegram.bots.shop.token"), r.reason());
        assertNoToken(r);
    }

    @Test
    void aChatNotFoundIsNotSendableAndOtherBadRequestsFail() {
        answer(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}");
        assertInstanceOf(DeliveryResult.NotSendable.class, client().deliver(dm(OutboundMessage.text("x"))));
        answer(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message text is empty\"}");
        DeliveryResult r = assertInstanceOf(DeliveryResult.Failed.class, client().deliver(dm(OutboundMessage.text("x"))));
        assertTrue(r.reason().contains("message text is empty"), r.reason());
    }

    @Test
    void aGroupThatBecameASupergroupIsNotSendableWithItsNewId() {
        answer(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: group chat was upgraded to a "
                + "supergroup chat\",\"parameters\":{\"migrate_to_chat_id\":-1001234567890}}");
        DeliveryResult r = assertInstanceOf(DeliveryResult.NotSendable.class, client().deliver(dm(OutboundMessage.text("x"))));
        assertTrue(r.reason().contains("-1001234567890"), r.reason());
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503})
    void serverErrorsAreRetried(int status) {
        answer(status, status == 502 ? "<html>Bad Gateway</html>"
                : "{\"ok\":false,\"error_code\":" + status + ",\"description\":\"Internal Server Error\"}");
        DeliveryResult r = assertInstanceOf(DeliveryResult.Retry.class, client().deliver(dm(OutboundMessage.text("x"))));
        assertNoToken(r);
    }

    @Test
    void timeoutsAndBrokenConnectionsAreRetriedWithoutTheToken() {
        api.stubFor(post(urlPathEqualTo(SEND)).atPriority(1).willReturn(aResponse().withFixedDelay(2_000).withBody("{}")));
        DeliveryResult timeout = assertInstanceOf(DeliveryResult.Retry.class, client().deliver(dm(OutboundMessage.text("x"))));
        assertNoToken(timeout);
        api.stubFor(post(urlPathEqualTo(SEND)).atPriority(1).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        DeliveryResult reset = assertInstanceOf(DeliveryResult.Retry.class, client().deliver(dm(OutboundMessage.text("x"))));
        assertNoToken(reset);
    }

    @Test
    void aDescriptionQuotingTheTokenIsScrubbed() {
        answer(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: odd url /bot"
                + TelegramFixtures.SHOP_TOKEN + "/sendMessage\"}");
        DeliveryResult r = client().deliver(dm(OutboundMessage.text("x")));
        assertNoToken(r);
        assertTrue(r.reason().contains("/bot****/sendMessage"), r.reason());
    }

    @Test
    void whatTelegramCannotDoIsRefusedWithoutACall() {
        TelegramClient c = client();
        assertInstanceOf(DeliveryResult.AccountInvalid.class, c.deliver(TelegramConnectorTest.reply("retired",
                ReplyChannel.DM, InteractionKind.DM, CHAT + ":412", CHAT, OutboundMessage.text("x"))));
        DeliveryResult hide = c.deliver(new OutboundAction.SetHidden(Platform.TELEGRAM, "shop", CHAT + ":412", true));
        assertEquals(new DeliveryResult.NotSendable("Telegram messages cannot be hidden by a bot: delete the message"
                + " instead (a bot can delete a message for 48 hours; in a group only as an administrator allowed to"
                + " delete messages)"), hide);
        assertInstanceOf(DeliveryResult.Failed.class, c.deliver(new OutboundAction.Acknowledge(Platform.TELEGRAM, "shop",
                CHAT + ":412")));
        assertInstanceOf(DeliveryResult.Failed.class, c.deliver(TelegramConnectorTest.reply("shop", ReplyChannel.DM,
                InteractionKind.DM, CHAT + ":412", CHAT, OutboundMessage.text("  "))));
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aGroupMessageIsDeletedInItsChat() {
        DeliveryResult r = client().deliver(delete(TelegramFixtures.HELPDESK, GROUP + ":1183", GROUP));
        assertEquals(new DeliveryResult.Delivered(null), r);
        api.verify(1, postRequestedFor(urlPathEqualTo(HELPDESK + "/deleteMessage"))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("{\"chat_id\":-1001987654321,\"message_id\":1183}")));
        api.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void anEditedMessageInAPrivateChatIsDeletedByItsMessageId() {
        assertInstanceOf(DeliveryResult.Delivered.class,
                client().deliver(delete(TelegramFixtures.SHOP, CHAT + ":412:edit:1767611500", CHAT)));
        api.verify(1, postRequestedFor(urlPathEqualTo(SEND.replace("sendMessage", "deleteMessage")))
                .withRequestBody(equalToJson("{\"chat_id\":5512340001,\"message_id\":412}")));
    }

    @Test
    void aMessageTelegramWillNotDeleteFailsLikeOtherBadRequestsWithTelegramsDescription() {
        answer(HELPDESK + "/deleteMessage", 400,
                "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message can't be deleted\"}");
        DeliveryResult r = client().deliver(delete(TelegramFixtures.HELPDESK, GROUP + ":1183", GROUP));
        assertEquals(new DeliveryResult.Failed("deleteMessage for bot helpdesk: 400 Bad Request: message can't be"
                + " deleted"), r);
    }

    @ParameterizedTest
    @CsvSource(value = {"callback:2367512398412734811, 5512340001", "5512340001:412, NULL", "5512340001:412, chat",
        "-1001987654321:1183, 5512340001", "NULL, 5512340001", "5512340001:abc, 5512340001"}, nullValues = "NULL")
    void aDeleteNamingNoMessageOfTheChatFailsWithoutACall(String itemId, String chat) {
        assertInstanceOf(DeliveryResult.Failed.class, client().deliver(delete(TelegramFixtures.SHOP, itemId, chat)));
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aPersonIsBannedFromAGroup() {
        DeliveryResult r = client().deliver(block("5512340001", GROUP));
        assertEquals(new DeliveryResult.Delivered(null), r);
        api.verify(1, postRequestedFor(urlPathEqualTo(HELPDESK + "/banChatMember"))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("{\"chat_id\":-1001987654321,\"user_id\":5512340001}")));
        api.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void aBanTelegramRefusesFailsWithTelegramsDescription() {
        answer(HELPDESK + "/banChatMember", 400, "{\"ok\":false,\"error_code\":400,\"description\":"
                + "\"Bad Request: not enough rights to restrict/ban chat member\"}");
        DeliveryResult r = client().deliver(block("5512340001", GROUP));
        assertEquals(new DeliveryResult.Failed("banChatMember for bot helpdesk: 400 Bad Request: not enough rights to"
                + " restrict/ban chat member"), r);
    }

    @ParameterizedTest
    @CsvSource(value = {"5512340001", "NULL"}, nullValues = "NULL")
    void noOneCanBeBlockedInAPrivateChatAndNothingIsCalled(String chat) {
        DeliveryResult r = client().deliver(block("5512340001", chat));
        assertEquals(new DeliveryResult.NotSendable("a Telegram bot cannot block a person in a private chat: only the"
                + " person can block the bot; ignore their messages or close the ticket instead"), r);
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aChannelSpeakingInAGroupCannotBeBannedAndNothingIsCalled() {
        DeliveryResult r = client().deliver(block("-1001555000111", GROUP));
        assertEquals(new DeliveryResult.NotSendable("this message was sent on behalf of a channel or of the group"
                + " itself, not by a person: the bot cannot ban it; ask a group administrator to remove it"), r);
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @CsvSource(value = {"NULL, -1001987654321", "camille_m, -1001987654321", "5512340001, -100x"},
        nullValues = "NULL")
    void anInvalidUserOrChatIdFailsWithoutACall(String userId, String chat) {
        assertInstanceOf(DeliveryResult.Failed.class, client().deliver(block(userId, chat)));
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void itsDescriptionNamesNoToken() {
        String s = client().toString() + TelegramFixtures.shop();
        assertFalse(s.contains(TelegramFixtures.SHOP_TOKEN.substring(11)), s);
        assertFalse(s.contains(TelegramFixtures.SHOP_SECRET), s);
    }
}
