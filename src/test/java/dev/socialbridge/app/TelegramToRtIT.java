package dev.socialbridge.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.host.rt.RtTestSupport;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.TicketRef;
import dev.socialbridge.store.Database;
import dev.socialbridge.support.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Telegram slice end to end: updates POSTed to {@code /webhooks/telegram/<bot>} with the bot's secret token
 * into the real server, a live RT as host, WireMock standing in for the Bot API.
 */
class TelegramToRtIT {
    static final String BOT = "shop";
    static final String TOKEN = "7012345678:AAH3kZ2xQy7VtR9pLmN4bC6dE8fG0hJ1kLsW";
    static final String SECRET = "it-telegram-secret_0123";
    static final String SEND = "/bot" + TOKEN + "/sendMessage";
    static final Duration WAIT = Duration.ofSeconds(40);

    @RegisterExtension
    static WireMockExtension telegram = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("test-fixtures/wiremock/telegram")).build();

    static ServerHarness harness;
    static HostAdapter rt;
    static Database db;

    @BeforeAll
    static void start() throws Exception {
        Descriptor descriptor = RtTestSupport.installedDescriptor();
        harness = ServerHarness.start(descriptor, RtTestSupport.rtUrl(), RtTestSupport.rtToken(), "http://127.0.0.1:9",
                Map.of("socialbridge.telegram.api-base-url", telegram.baseUrl(),
                        "socialbridge.telegram.bots." + BOT + ".token", TOKEN,
                        "socialbridge.telegram.bots." + BOT + ".secret-token", SECRET,
                        "socialbridge.telegram.bots." + BOT + ".username", "acme_shop_bot",
                        "socialbridge.automation.brand", "Maison Lumière"));
        rt = RtTestSupport.adapter(descriptor);
        db = harness.openStore();
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
        if (harness != null) {
            harness.close();
        }
    }

    /** A private-chat fixture moved to a chat (and update ids) of its own, so that tickets of other runs never match. */
    private static String update(String fixture, String chat) throws Exception {
        String json = Files.readString(Path.of("test-fixtures/inbound/telegram", fixture));
        return json.replace("5512340001", chat).replace("8153662", chat.substring(2, 9));
    }

    /** A chat id unique to this run. */
    private static String newChat() {
        return "55" + ServerHarness.newRun() + "01";
    }

    private static String thread(String chat) {
        return "telegram:chat:" + BOT + ":" + chat;
    }

    private static HttpResponse<String> postUpdate(String bot, String secret, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(harness.base.resolve("webhooks/telegram/" + bot))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (secret != null) {
            b.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return ServerHarness.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static TicketRef awaitTicket(String chat) throws InterruptedException {
        ServerHarness.await("ticket for " + thread(chat), WAIT, () -> rt.findTicketByThread(thread(chat)).isPresent());
        return rt.findTicketByThread(thread(chat)).orElseThrow();
    }

    private static RequestPatternBuilder sendMessageTo(String chat) {
        return postRequestedFor(urlPathEqualTo(SEND)).withRequestBody(matchingJsonPath("$.chat_id", equalTo(chat)));
    }

    private static String ticketText(TicketRef t) {
        return RtTestSupport.get("/ticket/" + t.id() + "/attachments?fields=Content,Filename,ContentType&per_page=100")
                .toString();
    }

    private static int countInboxLike(String part) {
        return db.inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM inbox_item WHERE raw_json LIKE ?")) {
                ps.setString(1, "%" + part + "%");
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private static int correspondenceCount(TicketRef t) {
        int n = 0;
        for (JsonNode item : RtTestSupport.get("/ticket/" + t.id() + "/history?fields=Type&per_page=100").path("items")) {
            if ("Correspond".equals(item.path("Type").asText())) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aPrivateBuyingQuestionBecomesAHotLeadTicketAndIsAnsweredAsAReplyToIt() throws Exception {
        String chat = newChat();
        HttpResponse<String> r = postUpdate(BOT, SECRET, update("private-text.json", chat));
        assertEquals(200, r.statusCode(), r.body());
        TicketRef t = awaitTicket(chat);
        Map<String, String> fields = rt.readFields(t);
        assertEquals("telegram", fields.get("social_channel"));
        assertEquals(BOT, fields.get("social_account"));
        assertEquals("@camille_m", fields.get("social_handle"));
        assertEquals(chat + ":412", fields.get("message_id"));
        assertEquals("sales_lead", fields.get("intent"));
        assertTrue(ticketText(t).contains("Combien co"), "the message text is on the ticket");
        ServerHarness.await("automated reply", WAIT, () -> telegram.findAll(sendMessageTo(chat)).size() == 1);
        JsonNode sent = Json.MAPPER.readTree(telegram.findAll(sendMessageTo(chat)).get(0).getBodyAsString());
        assertEquals(412, sent.path("reply_parameters").path("message_id").asInt(), sent.toString());
        assertTrue(sent.path("reply_parameters").path("allow_sending_without_reply").asBoolean(), sent.toString());
        // the default rules' qualifier flow: its first question
        assertTrue(sent.path("text").asText().contains("Pour vous faire une proposition adaptée"), sent.toString());
    }

    @Test
    void aPhotosFileReachesTheTicketAsAnAttachment() throws Exception {
        String chat = newChat();
        assertEquals(200, postUpdate(BOT, SECRET, update("private-photo-caption.json", chat)).statusCode());
        TicketRef t = awaitTicket(chat);
        String attachments = ticketText(t);
        assertTrue(attachments.contains("file_12.jpg") && attachments.contains("image/jpeg"), attachments);
        assertTrue(attachments.contains("Le mug est arriv"), attachments);
        telegram.verify(postRequestedFor(urlPathEqualTo("/bot" + TOKEN + "/getFile"))
                .withRequestBody(matchingJsonPath("$.file_id", equalTo(
                        "AgACAgQAAxkBAAIBn2e4Xq1a9Ck7S0m3rUoQ0l4c2cFhAAJmwjEbZg9JUBqTd1Kx3w0XAQADAgADeQADNgQ"))));
    }

    @Test
    void aReplyToSomeoneWhoBlockedTheBotIsNotedOnTheTicket() throws Exception {
        String chat = newChat();
        telegram.stubFor(post(urlPathEqualTo(SEND)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(chat)))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}")));
        assertEquals(200, postUpdate(BOT, SECRET, update("private-text.json", chat)).statusCode());
        TicketRef t = awaitTicket(chat);
        ServerHarness.await("note about the blocked bot", WAIT, () -> ticketText(t).contains("bot was blocked by the user"));
        assertEquals(1, telegram.findAll(sendMessageTo(chat)).size(), "an unreachable person is not retried");
        assertFalse(ticketText(t).contains(TOKEN.substring(11)), "the token never reaches the ticket");
    }

    @Test
    void theSameUpdateDeliveredTwiceMakesOneTicketMessage() throws Exception {
        String chat = newChat();
        String body = update("private-text.json", chat);
        assertEquals(200, postUpdate(BOT, SECRET, body).statusCode());
        assertEquals(200, postUpdate(BOT, SECRET, body).statusCode());
        TicketRef t = awaitTicket(chat);
        ServerHarness.await("automated reply", WAIT, () -> telegram.findAll(sendMessageTo(chat)).size() == 1);
        Thread.sleep(1500);
        assertEquals(1, countInboxLike(chat));
        assertEquals(0, correspondenceCount(t), "the second delivery added nothing to the ticket");
        assertEquals(1, telegram.findAll(sendMessageTo(chat)).size(), "and was not answered twice");
    }

    @Test
    void aButtonPressIsAcknowledgedAndReachesTheTicket() throws Exception {
        String chat = newChat();
        assertEquals(200, postUpdate(BOT, SECRET, update("callback-query.json", chat)).statusCode());
        TicketRef t = awaitTicket(chat);
        ServerHarness.await("answerCallbackQuery", WAIT, () -> !telegram.findAll(postRequestedFor(
                urlPathEqualTo("/bot" + TOKEN + "/answerCallbackQuery"))
                .withRequestBody(matchingJsonPath("$.callback_query_id", equalTo("2367512398412734811")))).isEmpty());
        assertTrue(ticketText(t).contains("Pour mon"), "the button's label is the message");
    }

    @Test
    void aWrongOrMissingSecretGets401AndNothingIsStored() throws Exception {
        String chat = newChat();
        String body = update("private-text.json", chat);
        HttpResponse<String> wrong = postUpdate(BOT, SECRET + "x", body);
        assertEquals(401, wrong.statusCode());
        assertEquals(401, Json.MAPPER.readTree(wrong.body()).path("code").asInt());
        assertEquals(401, postUpdate(BOT, null, body).statusCode());
        assertEquals(404, postUpdate("nobody", SECRET, body).statusCode());
        assertEquals(400, postUpdate(BOT, SECRET, "{\"message\":{}}").statusCode());
        Thread.sleep(1000);
        assertEquals(0, countInboxLike(chat));
        assertTrue(rt.findTicketByThread(thread(chat)).isEmpty());
    }
}
