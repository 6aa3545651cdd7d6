package dev.socialbridge.connector.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialbridge.connector.meta.MetaAccountHealth;
import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.connector.spi.OutboundMessage;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.support.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replies through the Cloud API: the 24 h window, templates, buttons, files by link, BSUID recipients and each error
 * code; blocks
 * through the Block Users API; deletes and hides refused.
 */
class WhatsAppClientTest {
    static final String MESSAGES = "/v25.0/" + WhatsAppFixtures.SHOP + "/messages";
    static final String BLOCK_USERS = "/v25.0/" + WhatsAppFixtures.SHOP + "/block_users";
    static final Instant NOW = Instant.parse("2026-09-01T10:00:00Z");
    static final String SENT_ID = "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI2RDM5QTcwNjlEMUMwQjFDNzgA";

    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

    private WhatsAppClient client;

    @BeforeEach
    void setUp() {
        WhatsAppGraph api = new WhatsAppGraph(graph.baseUrl(), "v25.0",
                WhatsAppGraph.newHttpClient(HttpClient.Redirect.NEVER), Duration.ofSeconds(3));
        client = new WhatsAppClient(WhatsAppFixtures.accounts(graph.baseUrl()), api, new MetaAccountHealth(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static void answer(int status, String body) {
        graph.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static void sent() {
        graph.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(okJson("{\"messaging_product\":\"whatsapp\","
                + "\"contacts\":[{\"input\":\"16505551234\",\"wa_id\":\"16505551234\"}],\"messages\":[{\"id\":\""
                + SENT_ID + "\"}]}")));
    }

    private static JsonNode sentBody() {
        try {
            return Json.MAPPER.readTree(graph.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))).get(0).getBodyAsString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private DeliveryResult replyInWindow(OutboundMessage message) {
        return client.deliver(WhatsAppFixtures.reply(WhatsAppFixtures.CUSTOMER, NOW.minus(Duration.ofHours(23)), message));
    }

    @Nested
    class InsideTheWindow {
        @Test
        void aTextQuotesTheCustomersMessageAndReturnsTheMessageId() {
            sent();
            DeliveryResult r = replyInWindow(WhatsAppFixtures.text("Bonjour !"));
            assertEquals(new DeliveryResult.Delivered(SENT_ID), r);
            graph.verify(postRequestedFor(urlPathEqualTo(MESSAGES))
                    .withHeader("Authorization", equalTo("Bearer " + WhatsAppFixtures.SHOP_TOKEN)));
            JsonNode body = sentBody();
            assertEquals("whatsapp", body.path("messaging_product").asText());
            assertEquals("individual", body.path("recipient_type").asText());
            assertEquals(WhatsAppFixtures.CUSTOMER, body.path("to").asText());
            assertEquals("text", body.path("type").asText());
            assertFalse(body.path("text").path("preview_url").asBoolean(true));
            assertEquals("Bonjour !", body.path("text").path("body").asText());
            assertEquals(WhatsAppFixtures.CUSTOMER_MESSAGE, body.path("context").path("message_id").asText());
            assertFalse(graph.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))).get(0).getUrl().contains("token"),
                    "the token travels in the Authorization header only");
        }

        @Test
        void quickRepliesBecomeAtMostThreeReplyButtonsOfTwentyCharacters() {
            sent();
            replyInWindow(WhatsAppFixtures.withButtons("Que souhaitez-vous ?", "Suivre ma commande",
                    "Parler à un conseiller humain", "Retour", "Autre"));
            JsonNode interactive = sentBody().path("interactive");
            assertEquals("interactive", sentBody().path("type").asText());
            assertEquals("button", interactive.path("type").asText());
            assertEquals("Que souhaitez-vous ?", interactive.path("body").path("text").asText());
            JsonNode buttons = interactive.path("action").path("buttons");
            assertEquals(3, buttons.size());
            assertEquals("Suivre ma commande", buttons.get(0).path("reply").path("title").asText());
            assertEquals("Parler à un conseil…", buttons.get(1).path("reply").path("title").asText());
            assertEquals("qr-3", buttons.get(2).path("reply").path("id").asText());
            assertEquals("reply", buttons.get(2).path("type").asText());
        }

        @Test
        void aTextTooLongForButtonsIsSentWithoutThem() {
            sent();
            replyInWindow(WhatsAppFixtures.withButtons("x".repeat(1500), "Oui", "Non"));
            assertEquals("text", sentBody().path("type").asText());
        }

        @Test
        void aCustomerKnownOnlyByBusinessScopedIdIsAddressedAsRecipient() {
            sent();
            client.deliver(WhatsAppFixtures.reply(WhatsAppFixtures.BSUID, NOW.minusSeconds(60),
                    WhatsAppFixtures.text("Bonjour !")));
            JsonNode body = sentBody();
            assertEquals(WhatsAppFixtures.BSUID, body.path("recipient").asText());
            assertFalse(body.has("to"));
        }

        @Test
        void aRecipientThatIsNeitherPhoneNorBusinessScopedIdFailsWithoutHttp() {
            DeliveryResult r = client.deliver(WhatsAppFixtures.reply("../../me", NOW, WhatsAppFixtures.text("x")));
            assertInstanceOf(DeliveryResult.Failed.class, r);
        }
    }

    @Nested
    class OutsideTheWindow {
        private final Instant old = NOW.minus(Duration.ofHours(24)).minusSeconds(1);

        @Test
        void freeTextIsNeverSent() {
            DeliveryResult r = client.deliver(WhatsAppFixtures.reply(WhatsAppFixtures.CUSTOMER, old,
                    WhatsAppFixtures.withButtons("Bonjour", "Oui")));
            assertEquals(new DeliveryResult.NotSendable("outside WhatsApp's 24 h customer-service window: only an"
                    + " approved template can be sent (set outsideWindow on the rule) — or wait for the customer to"
                    + " write"), r);
            assertEquals(0, graph.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))).size());
        }

        @Test
        void theRulesApprovedTemplateIsSentInstead() {
            answer(200, "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.T\",\"message_status\":\"accepted\"}]}");
            DeliveryResult r = client.deliver(WhatsAppFixtures.reply(WhatsAppFixtures.CUSTOMER, old,
                    WhatsAppFixtures.withTemplate("Bonjour", "order_follow_up", "fr")));
            assertEquals(new DeliveryResult.Delivered("wamid.T"), r);
            graph.verify(postRequestedFor(urlPathEqualTo(MESSAGES))
                    .withRequestBody(matchingJsonPath("$.type", equalTo("template")))
                    .withRequestBody(matchingJsonPath("$.template.name", equalTo("order_follow_up")))
                    .withRequestBody(matchingJsonPath("$.template.language.code", equalTo("fr"))));
            assertFalse(sentBody().has("text"));
        }
    }

    @Nested
    class Errors {
        private String graphError(int code, String message, String details) {
            return "{\"error\":{\"message\":\"(#" + code + ") " + message + "\",\"type\":\"OAuthException\",\"code\":"
                    + code + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"" + details + "\"},"
                    + "\"fbtrace_id\":\"AbCdEfGh\"}}";
        }

        @Test
        void reEngagementIsNotSendableWithTheTemplateAdvice() {
            answer(400, graphError(131047, "Re-engagement message", "Message failed to send because more than 24"
                    + " hours have passed since the customer last replied to this number."));
            DeliveryResult r = replyInWindow(WhatsAppFixtures.text("Bonjour"));
            DeliveryResult.NotSendable n = assertInstanceOf(DeliveryResult.NotSendable.class, r);
            assertTrue(n.reason().startsWith("more than 24 h since the customer's last message: send an approved"
                    + " template (rule outsideWindow) or wait for the customer to write"), n.reason());
            assertTrue(n.reason().contains("error 131047") && n.reason().contains("fbtrace_id AbCdEfGh"), n.reason());
        }

        @ParameterizedTest
        @CsvSource({"131026, message undeliverable", "131051, unsupported message type",
                    "131049, not delivered by WhatsApp", "131030, not in the allowed list"})
        void customerSideRefusalsAreNotSendable(int code, String advice) {
            answer(400, graphError(code, "Refused", "details"));
            DeliveryResult.NotSendable n = assertInstanceOf(DeliveryResult.NotSendable.class,
                    replyInWindow(WhatsAppFixtures.text("Bonjour")));
            assertTrue(n.reason().contains(advice), n.reason());
        }

        @ParameterizedTest
        @CsvSource({"130429, 400", "131056, 400", "80007, 400", "4, 400", "131000, 500", "0, 503"})
        void rateLimitsAndServerErrorsAreRetriedHonouringRetryAfter(int code, int status) {
            graph.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(status)
                    .withHeader("Retry-After", "30").withBody(graphError(code, "Slow down", "too many"))));
            DeliveryResult.Retry r = assertInstanceOf(DeliveryResult.Retry.class, replyInWindow(WhatsAppFixtures.text("x")));
            assertEquals(Duration.ofSeconds(30), r.retryAfter());
        }

        @Test
        void aTimeoutIsRetried() {
            graph.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(okJson("{}").withFixedDelay(6000)));
            assertInstanceOf(DeliveryResult.Retry.class, replyInWindow(WhatsAppFixtures.text("x")));
        }

        @Test
        void aRejectedTokenInvalidatesTheNumberUntilRestartAndIsNeverQuoted() {
            answer(401, "{\"error\":{\"message\":\"Error validating access token: token "
                    + WhatsAppFixtures.SHOP_TOKEN + " has expired\",\"type\":\"OAuthException\",\"code\":190,"
                    + "\"error_subcode\":463,\"fbtrace_id\":\"X\"}}");
            DeliveryResult.AccountInvalid first = assertInstanceOf(DeliveryResult.AccountInvalid.class,
                    replyInWindow(WhatsAppFixtures.text("x")));
            assertFalse(first.reason().contains(WhatsAppFixtures.SHOP_TOKEN), first.reason());
            assertTrue(first.reason().contains("access token was rejected"), first.reason());
            assertInstanceOf(DeliveryResult.AccountInvalid.class, replyInWindow(WhatsAppFixtures.text("x")));
            assertEquals(1, graph.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))).size(), "no second call");
        }

        @Test
        void aTemplateProblemIsAPermanentFailure() {
            answer(400, graphError(132001, "Template name does not exist in the translation", "template name"));
            DeliveryResult.Failed f = assertInstanceOf(DeliveryResult.Failed.class, client.deliver(
                    WhatsAppFixtures.reply(WhatsAppFixtures.CUSTOMER, NOW.minus(Duration.ofDays(3)),
                            WhatsAppFixtures.withTemplate("x", "no_such_template", "fr"))));
            assertTrue(f.reason().contains("outsideWindow name and language"), f.reason());
        }
    }

    /** Files an agent attached: a message WhatsApp downloads from the link, by type. */
    @Nested
    class Files {
        private static final String OUTSIDE = "outside WhatsApp's 24 h customer-service window: a file cannot be sent,"
                + " only an approved template (set outsideWindow on a rule) — wait for the customer to write, then send"
                + " the file again";
        private static final String BAD_LINK = "the file's link is not an absolute http(s) URL WhatsApp could download";

        /** The whole body of a file message to the customer, quoting their message. */
        private String expectedBody(String type, String media) {
            return "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\""
                    + WhatsAppFixtures.CUSTOMER + "\",\"type\":\"" + type + "\",\"" + type + "\":" + media
                    + ",\"context\":{\"message_id\":\"" + WhatsAppFixtures.CUSTOMER_MESSAGE + "\"}}";
        }

        private void assertSentOnce(String json) {
            graph.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES))
                    .withHeader("Authorization", equalTo("Bearer " + WhatsAppFixtures.SHOP_TOKEN))
                    .withHeader("Content-Type", containing("application/json"))
                    .withRequestBody(equalToJson(json, false, false)));
            assertEquals(1, graph.findAll(anyRequestedFor(anyUrl())).size());
        }

        @ParameterizedTest
        @CsvSource({"image/jpeg, image", "image/png, image", "video/mp4, video", "video/3gpp, video",
                    "audio/aac, audio", "audio/mp4, audio", "audio/mpeg, audio", "audio/amr, audio", "audio/ogg, audio",
                    "'audio/ogg; codecs=opus', audio", "IMAGE/PNG, image"})
        void anImageVideoOrAudioIsSentByLinkQuotingTheCustomersMessage(String mimeType, String type) {
            sent();
            DeliveryResult r = replyInWindow(WhatsAppFixtures.file(WhatsAppFixtures.FILE_LINK, mimeType, "piece.bin"));
            assertEquals(new DeliveryResult.Delivered(SENT_ID), r);
            assertSentOnce(expectedBody(type, "{\"link\":\"" + WhatsAppFixtures.FILE_LINK + "\"}"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"application/pdf", "image/gif", "image/webp", "video/quicktime", "audio/wav",
            "text/csv", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"})
        void anyOtherTypeIsADocumentWithItsFileName(String mimeType) {
            sent();
            DeliveryResult r = replyInWindow(WhatsAppFixtures.file(WhatsAppFixtures.FILE_LINK, mimeType,
                    "facture 2026-0142.pdf"));
            assertEquals(new DeliveryResult.Delivered(SENT_ID), r);
            assertSentOnce(expectedBody("document", "{\"link\":\"" + WhatsAppFixtures.FILE_LINK
                    + "\",\"filename\":\"facture 2026-0142.pdf\"}"));
        }

        @Test
        void aDocumentWithoutANameHasNoFileName() {
            sent();
            replyInWindow(WhatsAppFixtures.file(WhatsAppFixtures.FILE_LINK, "application/pdf", null));
            assertSentOnce(expectedBody("document", "{\"link\":\"" + WhatsAppFixtures.FILE_LINK + "\"}"));
        }

        @Test
        void aCustomerKnownOnlyByBusinessScopedIdGetsTheFileAsRecipient() {
            sent();
            DeliveryResult r = client.deliver(WhatsAppFixtures.reply(WhatsAppFixtures.BSUID, NOW.minusSeconds(60),
                    WhatsAppFixtures.file("http://127.0.0.1:8080/files/1", "image/png", "a.png")));
            assertEquals(new DeliveryResult.Delivered(SENT_ID), r);
            assertSentOnce("{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"recipient\":\""
                    + WhatsAppFixtures.BSUID + "\",\"type\":\"image\",\"image\":{\"link\":"
                    + "\"http://127.0.0.1:8080/files/1\"},\"context\":{\"message_id\":\""
                    + WhatsAppFixtures.CUSTOMER_MESSAGE + "\"}}");
        }

        @Test
        void outsideTheWindowAFileIsNotSendableAndNothingIsCalled() {
            DeliveryResult r = client.deliver(WhatsAppFixtures.reply(WhatsAppFixtures.CUSTOMER,
                    NOW.minus(Duration.ofHours(24)).minusSeconds(1),
                    WhatsAppFixtures.file(WhatsAppFixtures.FILE_LINK, "image/jpeg", "photo.jpg")));
            assertEquals(new DeliveryResult.NotSendable(OUTSIDE), r);
            assertEquals(0, graph.findAll(anyRequestedFor(anyUrl())).size());
        }

        @Test
        void aTemplateNeverReplacesAFileOutsideTheWindow() {
            OutboundMessage withTemplate = new OutboundMessage("", List.of(),
                    new OutboundMessage.PlatformTemplate("order_follow_up", "fr"), WhatsAppFixtures.AGENT,
                    new OutboundMessage.MediaLink(WhatsAppFixtures.FILE_LINK, "application/pdf", "facture.pdf"));
            DeliveryResult r = client.deliver(WhatsAppFixtures.reply(WhatsAppFixtures.CUSTOMER,
                    NOW.minus(Duration.ofDays(3)), withTemplate));
            assertEquals(new DeliveryResult.NotSendable(OUTSIDE), r);
            assertEquals(0, graph.findAll(anyRequestedFor(anyUrl())).size());
        }

        @Test
        void withoutTheCustomersMessageTimeTheWindowIsClosed() {
            DeliveryResult r = client.deliver(WhatsAppFixtures.reply(WhatsAppFixtures.CUSTOMER, null,
                    WhatsAppFixtures.file(WhatsAppFixtures.FILE_LINK, "image/jpeg", "photo.jpg")));
            assertEquals(new DeliveryResult.NotSendable(OUTSIDE), r);
            assertEquals(0, graph.findAll(anyRequestedFor(anyUrl())).size());
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "/socialbridge/files/7f3a9c", "bridge.example.com/files/7f3a9c",
            "ftp://bridge.example.com/files/7f3a9c", "file:///etc/passwd", "https:///files/7f3a9c",
            "https://bridge example.com/files", "mailto:lea@example.com", "javascript:alert(1)"})
        void aLinkThatIsNotAnAbsoluteHttpUrlFailsWithoutACall(String url) {
            DeliveryResult r = replyInWindow(WhatsAppFixtures.file(url, "image/jpeg", "photo.jpg"));
            assertEquals(new DeliveryResult.Failed(BAD_LINK), r);
            assertEquals(0, graph.findAll(anyRequestedFor(anyUrl())).size());
        }

        @ParameterizedTest
        @CsvSource({"400, 131047, NotSendable", "400, 131051, NotSendable", "400, 131053, Failed",
                    "400, 100, Failed", "429, 130429, Retry", "500, 131000, Retry", "401, 190, AccountInvalid"})
        void errorsAreClassifiedAsForTexts(int status, int code, String expected) {
            answer(status, "{\"error\":{\"message\":\"(#" + code + ") Refused\",\"type\":\"OAuthException\","
                    + "\"code\":" + code + ",\"error_data\":{\"details\":\"the details\"},\"fbtrace_id\":\"Tr4ce\"}}");
            DeliveryResult r = replyInWindow(WhatsAppFixtures.file(WhatsAppFixtures.FILE_LINK, "image/jpeg", "a.jpg"));
            DeliveryResult asText = replyInWindow(WhatsAppFixtures.text("Bonjour"));
            assertEquals(expected, r.getClass().getSimpleName(), r.toString());
            assertTrue(r.reason().contains("error " + code) && r.reason().contains("fbtrace_id Tr4ce"), r.reason());
            if (!(r instanceof DeliveryResult.AccountInvalid)) {
                assertEquals(asText, r, "a file fails as a text would");
            }
        }

        @Test
        void aMediaUploadErrorTellsTheAgentToCheckTheFile() {
            answer(400, "{\"error\":{\"message\":\"(#131053) Media upload error\",\"type\":\"OAuthException\","
                    + "\"code\":131053,\"error_data\":{\"details\":\"Unable to download the media from the link\"},"
                    + "\"fbtrace_id\":\"Tr4ce\"}}");
            DeliveryResult r = replyInWindow(WhatsAppFixtures.file(WhatsAppFixtures.FILE_LINK, "video/mp4", "v.mp4"));
            assertEquals(new DeliveryResult.Failed("the media could not be uploaded: check its type and size ((#131053)"
                    + " Media upload error: Unable to download the media from the link) [HTTP 400, error 131053,"
                    + " fbtrace_id Tr4ce]"), r);
        }
    }

    /** Blocking a customer: {@code POST /{phone-number-id}/block_users}. */
    @Nested
    class Blocks {
        private static final String BLOCKED = "{\"messaging_product\":\"whatsapp\",\"block_users\":{\"added_users\":"
                + "[{\"input\":\"16505551234\",\"wa_id\":\"16505550000\"}]}}";

        private DeliveryResult block(String userId, String conversationId) {
            return client.deliver(new OutboundAction.Block(Platform.WHATSAPP, WhatsAppFixtures.SHOP, userId,
                    conversationId));
        }

        private void answerBlock(int status, String body) {
            graph.stubFor(post(urlPathEqualTo(BLOCK_USERS)).willReturn(aResponse().withStatus(status)
                    .withHeader("Content-Type", "application/json").withBody(body)));
        }

        /** What WhatsApp answers when it blocked nobody: the per-user errors and error 139100. */
        private String failedUsers(int code, String message, String details) {
            return "{\"messaging_product\":\"whatsapp\",\"block_users\":{\"failed_users\":[{\"input\":\""
                    + WhatsAppFixtures.CUSTOMER + "\",\"wa_id\":\"" + WhatsAppFixtures.CUSTOMER + "\",\"errors\":[{"
                    + "\"message\":\"" + message + "\",\"code\":" + code + ",\"error_data\":{\"details\":\"" + details
                    + "\"}}]}]},\"error\":{\"message\":\"(#139100) Failed to block/unblock users\",\"type\":"
                    + "\"OAuthException\",\"code\":139100,\"error_data\":{\"details\":\"Failed to block some users, see"
                    + " the block_users response list for details\"},\"fbtrace_id\":\"AbCdEfGh\"}}";
        }

        @Test
        void aCustomerIsBlockedWithTheNumbersTokenAndIdentifiedByTheWaIdWhatsAppReturns() {
            answerBlock(200, BLOCKED);
            DeliveryResult r = block(WhatsAppFixtures.CUSTOMER, WhatsAppFixtures.CUSTOMER);
            assertEquals(new DeliveryResult.Delivered("16505550000"), r);
            graph.verify(1, postRequestedFor(urlPathEqualTo(BLOCK_USERS))
                    .withHeader("Authorization", equalTo("Bearer " + WhatsAppFixtures.SHOP_TOKEN))
                    .withHeader("Content-Type", containing("application/json"))
                    .withRequestBody(equalToJson("{\"messaging_product\":\"whatsapp\",\"block_users\":"
                            + "[{\"user\":\"16505551234\"}]}", false, false)));
            assertEquals(1, graph.findAll(anyRequestedFor(anyUrl())).size());
            assertFalse(graph.findAll(anyRequestedFor(anyUrl())).get(0).getUrl().contains("token"));
        }

        @Test
        void aCustomerWithAUsernameIsBlockedByThePhoneNumberOfTheConversation() {
            answerBlock(200, BLOCKED);
            assertInstanceOf(DeliveryResult.Delivered.class, block(WhatsAppFixtures.BSUID, WhatsAppFixtures.CUSTOMER));
            graph.verify(1, postRequestedFor(urlPathEqualTo(BLOCK_USERS)).withRequestBody(equalToJson(
                    "{\"messaging_product\":\"whatsapp\",\"block_users\":[{\"user\":\"16505551234\"}]}")));
        }

        @Test
        void aCustomerWhoDidNotWriteInTheLast24HoursIsNotSendableWithWhatsAppsReason() {
            answerBlock(400, failedUsers(131047, "Re-engagement required", "User has not messaged in the last 24 hours"));
            DeliveryResult.NotSendable n = assertInstanceOf(DeliveryResult.NotSendable.class,
                    block(WhatsAppFixtures.CUSTOMER, WhatsAppFixtures.CUSTOMER));
            assertEquals("WhatsApp only blocks people who messaged this number in the last 24 hours: block them right"
                    + " after their next message, or ignore their messages (WhatsApp did not block 16505551234:"
                    + " Re-engagement required: User has not messaged in the last 24 hours [error 131047])", n.reason());
        }

        @Test
        void aFailedUserInAnyAnswerIsNotSendableWithWhatsAppsMessageAndDetails() {
            String body = failedUsers(139103, "Invalid user", "The user cannot be blocked");
            answerBlock(200, body.substring(0, body.indexOf(",\"error\":")) + "}");
            DeliveryResult.NotSendable n = assertInstanceOf(DeliveryResult.NotSendable.class,
                    block(WhatsAppFixtures.CUSTOMER, null));
            assertEquals("WhatsApp did not block 16505551234: Invalid user: The user cannot be blocked [error 139103]",
                    n.reason());
        }

        @Test
        void aRejectedTokenInvalidatesTheNumberAsForRepliesAndIsNeverQuoted() {
            answerBlock(401, "{\"error\":{\"message\":\"Error validating access token: "
                    + WhatsAppFixtures.SHOP_TOKEN + "\",\"type\":\"OAuthException\",\"code\":190,\"fbtrace_id\":\"X\"}}");
            DeliveryResult.AccountInvalid first = assertInstanceOf(DeliveryResult.AccountInvalid.class,
                    block(WhatsAppFixtures.CUSTOMER, WhatsAppFixtures.CUSTOMER));
            assertTrue(first.reason().contains("access token was rejected"), first.reason());
            assertFalse(first.reason().contains(WhatsAppFixtures.SHOP_TOKEN), first.reason());
            DeliveryResult.AccountInvalid second = assertInstanceOf(DeliveryResult.AccountInvalid.class,
                    block(WhatsAppFixtures.CUSTOMER, WhatsAppFixtures.CUSTOMER));
            assertTrue(second.reason().contains("is marked invalid"), second.reason());
            assertEquals(1, graph.findAll(anyRequestedFor(anyUrl())).size(), "no second call");
        }

        @ParameterizedTest
        @CsvSource({"429, 130429, Retry", "400, 80007, Retry", "500, 131000, Retry", "503, 0, Retry",
                    "400, 100, Failed", "400, 139101, Failed"})
        void otherErrorsAreClassifiedAsForReplies(int status, int code, String expected) {
            graph.stubFor(post(urlPathEqualTo(BLOCK_USERS)).willReturn(aResponse().withStatus(status)
                    .withHeader("Retry-After", "30").withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"message\":\"(#" + code + ") Refused\",\"type\":\"OAuthException\",\"code\":"
                            + code + ",\"error_data\":{\"details\":\"the details\"},\"fbtrace_id\":\"Tr4ce\"}}")));
            DeliveryResult r = block(WhatsAppFixtures.CUSTOMER, WhatsAppFixtures.CUSTOMER);
            assertEquals(expected, r.getClass().getSimpleName(), r.toString());
            assertTrue(r.reason().contains("error " + code) && r.reason().contains("fbtrace_id Tr4ce"), r.reason());
            if (r instanceof DeliveryResult.Retry retry) {
                assertEquals(Duration.ofSeconds(30), retry.retryAfter());
            }
        }

        @Test
        void aCustomerKnownOnlyByUsernameCannotBeBlockedAndNothingIsCalled() {
            DeliveryResult r = block(WhatsAppFixtures.BSUID, WhatsAppFixtures.BSUID);
            assertEquals(new DeliveryResult.NotSendable("this customer is known to WhatsApp by username only (no phone"
                    + " number) and WhatsApp blocks phone numbers only: ignore their messages or close the ticket"
                    + " instead"), r);
            assertEquals(0, graph.findAll(anyRequestedFor(anyUrl())).size());
        }

        @ParameterizedTest
        @CsvSource(value = {"../../me, NULL", "NULL, NULL", "'', 16505551234/block"}, nullValues = "NULL")
        void anInvalidUserFailsWithoutACall(String userId, String conversationId) {
            DeliveryResult.Failed f = assertInstanceOf(DeliveryResult.Failed.class, block(userId, conversationId));
            assertTrue(f.reason().startsWith("invalid WhatsApp user"), f.reason());
            assertEquals(0, graph.findAll(anyRequestedFor(anyUrl())).size());
        }

        @Test
        void anUnknownNumberCannotBlockAndNothingIsCalled() {
            DeliveryResult r = client.deliver(new OutboundAction.Block(Platform.WHATSAPP, "555",
                    WhatsAppFixtures.CUSTOMER, WhatsAppFixtures.CUSTOMER));
            assertEquals(new DeliveryResult.AccountInvalid("no WhatsApp number configured with phone number id 555"), r);
            assertEquals(0, graph.findAll(anyRequestedFor(anyUrl())).size());
        }
    }

    /** Deliveries refused without calling WhatsApp. */
    // nested like the others: a top-level test run after the nested classes finds the static WireMock stopped
    @Nested
    class Refusals {
        private static final String CANNOT = "WhatsApp messages cannot be deleted or hidden by the business: the"
                + " message stays in the customer's chat; to stop them writing, block them (possible within 24 hours"
                + " of their last message)";

        @Test
        void anUnknownNumberIsAnInvalidAccount() {
            OutboundAction.Reply r = WhatsAppFixtures.reply(WhatsAppFixtures.CUSTOMER, NOW, WhatsAppFixtures.text("x"));
            DeliveryResult result = client.deliver(new OutboundAction.Reply(Platform.WHATSAPP, "555", r.channel(), r.to(),
                    r.message()));
            assertInstanceOf(DeliveryResult.AccountInvalid.class, result);
        }

        @Test
        void deletingACustomersMessageIsNotSendableWithoutACall() {
            DeliveryResult r = client.deliver(new OutboundAction.Delete(Platform.WHATSAPP, WhatsAppFixtures.SHOP,
                    WhatsAppFixtures.CUSTOMER_MESSAGE, WhatsAppFixtures.CUSTOMER));
            assertEquals(new DeliveryResult.NotSendable(CANNOT), r);
            assertEquals(0, graph.findAll(anyRequestedFor(anyUrl())).size());
        }

        @Test
        void hidingIsNotSendableWithoutACall() {
            DeliveryResult r = client.deliver(new OutboundAction.SetHidden(Platform.WHATSAPP, WhatsAppFixtures.SHOP,
                    "wamid.X", true));
            assertEquals(new DeliveryResult.NotSendable(CANNOT), r);
            assertEquals(0, graph.findAll(anyRequestedFor(anyUrl())).size());
        }

        @Test
        void anAcknowledgementOrAnotherPlatformIsAProgrammingError() {
            assertThrows(IllegalArgumentException.class, () -> client.deliver(
                    new OutboundAction.Acknowledge(Platform.WHATSAPP, WhatsAppFixtures.SHOP, "wamid.X")));
            assertThrows(IllegalArgumentException.class, () -> client.deliver(new OutboundAction.Block(
                    Platform.TELEGRAM, WhatsAppFixtures.SHOP, WhatsAppFixtures.CUSTOMER, null)));
        }
    }
}
