package dev.socialbridge.connector.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.socialbridge.connector.meta.MetaFixtures.IG_ACCOUNT;
import static dev.socialbridge.connector.meta.MetaFixtures.PAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialbridge.connector.spi.AuthorAudienceLookup;
import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.connector.spi.InteractionFetcher;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.connector.spi.OutboundMessage;
import dev.socialbridge.connector.spi.ReplyTo;
import dev.socialbridge.interaction.ReplyChannel;
import dev.socialbridge.interaction.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MetaGraphClientTest {

    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("test-fixtures/wiremock/meta"))
            .failOnUnmatchedRequests(true)
            .build();

    private static final String IG_TOKEN = "EAAG-ig-test-token+/=";
    private static final String PAGE_TOKEN = "EAAG-page-test-token";
    private static final String IG_ONLY = "17841400000000002";
    private static final String IG_COMMENT = "17890000000000011";
    private static final String FB_COMMENT = "122100000000000101_1234500000000001";
    private static final String PSID = "7010000000000001";
    private static final String IGSID = "6541230000000003";

    private MetaAccountHealth health;
    private MetaGraphClient client;

    @BeforeEach
    void setUp() {
        health = new MetaAccountHealth();
        MetaAccounts accounts = new MetaAccounts(List.of(
                new MetaAccount(IG_ACCOUNT, Platform.INSTAGRAM, PAGE, IG_TOKEN),
                new MetaAccount(IG_ONLY, Platform.INSTAGRAM, null, IG_TOKEN),
                new MetaAccount(PAGE, Platform.FACEBOOK, null, PAGE_TOKEN)));
        client = new MetaGraphClient(accounts, health, MetaGraphClient.Settings.defaults()
                .withBaseUrl(graph.baseUrl()).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10)));
    }

    @Nested
    class Endpoints {

        @Test
        void instagramPublicReplyPostsToTheRepliesEdge() {
            DeliveryResult r = client.deliver(publicReply(Platform.INSTAGRAM, IG_ACCOUNT, IG_COMMENT,
                    "Bonjour Claire ! Le pack pro est à 49 €/mois, on vous écrit en DM 😊"));
            assertEquals(new DeliveryResult.Delivered("17890000000000101"), r);
            graph.verify(1, postRequestedFor(urlEqualTo("/v25.0/" + IG_COMMENT + "/replies"))
                    .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                    .withFormParam("message", equalTo("Bonjour Claire ! Le pack pro est à 49 €/mois, on vous écrit en DM 😊"))
                    .withFormParam("access_token", equalTo(IG_TOKEN)));
        }

        @Test
        void facebookPublicReplyPostsToTheCommentsEdge() {
            DeliveryResult r = client.deliver(publicReply(Platform.FACEBOOK, PAGE, FB_COMMENT,
                    "Thanks Daniel, glad you like it!"));
            assertEquals(new DeliveryResult.Delivered("122100000000000101_1234500000000099"), r);
            graph.verify(1, postRequestedFor(urlEqualTo("/v25.0/" + FB_COMMENT + "/comments"))
                    .withFormParam("message", equalTo("Thanks Daniel, glad you like it!"))
                    .withFormParam("access_token", equalTo(PAGE_TOKEN)));
        }

        @Test
        void facebookPrivateReplyAddressesTheCommentFromThePage() {
            DeliveryResult r = client.deliver(privateReply(Platform.FACEBOOK, PAGE, FB_COMMENT,
                    "Bonjour, pouvez-vous nous donner votre numéro de commande ?"));
            assertEquals(new DeliveryResult.Delivered("m_Zk9xR0VkT3FhbW1tX2NydWJiZWRfMDAwMDAwMDAwMDAwMDEwMg"), r);
            graph.verify(1, postRequestedFor(urlPathEqualTo("/v25.0/" + PAGE + "/messages"))
                    .withQueryParam("access_token", equalTo(PAGE_TOKEN))
                    .withHeader("Content-Type", containing("application/json"))
                    .withRequestBody(equalToJson("{\"recipient\":{\"comment_id\":\"" + FB_COMMENT + "\"},"
                            + "\"message\":{\"text\":\"Bonjour, pouvez-vous nous donner votre numéro de commande ?\"}}")));
        }

        @Test
        void instagramPrivateReplyGoesThroughTheLinkedPage() {
            client.deliver(privateReply(Platform.INSTAGRAM, IG_ACCOUNT, IG_COMMENT, "On vous répond en DM !"));
            graph.verify(1, postRequestedFor(urlPathEqualTo("/v25.0/" + PAGE + "/messages"))
                    .withQueryParam("access_token", equalTo(IG_TOKEN))
                    .withRequestBody(equalToJson("{\"recipient\":{\"comment_id\":\"" + IG_COMMENT + "\"},"
                            + "\"message\":{\"text\":\"On vous répond en DM !\"}}")));
        }

        @Test
        void instagramAccountWithoutLinkedPageSendsFromItsOwnId() {
            client.deliver(sendMessage(Platform.INSTAGRAM, IG_ONLY, IGSID, "Hello!"));
            graph.verify(1, postRequestedFor(urlPathEqualTo("/v25.0/" + IG_ONLY + "/messages")));
        }

        @Test
        void messengerDirectMessageIsAResponseToTheRecipient() {
            DeliveryResult r = client.deliver(sendMessage(Platform.MESSENGER, PAGE, PSID,
                    "Votre remboursement est en cours, vous le recevrez sous 5 jours."));
            assertEquals(new DeliveryResult.Delivered("m_Zk9xR0VkT3FhbW1tX2NydWJiZWRfMDAwMDAwMDAwMDAwMDEwMQ"), r);
            graph.verify(1, postRequestedFor(urlPathEqualTo("/v25.0/" + PAGE + "/messages"))
                    .withQueryParam("access_token", equalTo(PAGE_TOKEN))
                    .withRequestBody(equalToJson("{\"recipient\":{\"id\":\"" + PSID + "\"},\"messaging_type\":\"RESPONSE\","
                            + "\"message\":{\"text\":\"Votre remboursement est en cours, vous le recevrez sous 5 jours.\"}}")));
        }

        @Test
        void instagramDirectMessageUsesTheLinkedPage() {
            client.deliver(sendMessage(Platform.INSTAGRAM, IG_ACCOUNT, IGSID, "Your order ships today."));
            graph.verify(1, postRequestedFor(urlPathEqualTo("/v25.0/" + PAGE + "/messages"))
                    .withRequestBody(equalToJson("{\"recipient\":{\"id\":\"" + IGSID + "\"},\"messaging_type\":\"RESPONSE\","
                            + "\"message\":{\"text\":\"Your order ships today.\"}}")));
        }

        @Test
        void instagramHideSetsHideOnTheComment() {
            DeliveryResult r = client.deliver(setHidden(Platform.INSTAGRAM, IG_ACCOUNT, IG_COMMENT, true));
            assertEquals(new DeliveryResult.Delivered(null), r);
            graph.verify(1, postRequestedFor(urlEqualTo("/v25.0/" + IG_COMMENT))
                    .withFormParam("hide", equalTo("true"))
                    .withFormParam("access_token", equalTo(IG_TOKEN)));
        }

        @Test
        void facebookUnhideSetsIsHiddenFalse() {
            DeliveryResult r = client.deliver(setHidden(Platform.FACEBOOK, PAGE, FB_COMMENT, false));
            assertEquals(new DeliveryResult.Delivered(null), r);
            graph.verify(1, postRequestedFor(urlEqualTo("/v25.0/" + FB_COMMENT))
                    .withFormParam("is_hidden", equalTo("false"))
                    .withFormParam("access_token", equalTo(PAGE_TOKEN)));
        }

        @Test
        void versionIsConfigurable() {
            MetaGraphClient v26 = new MetaGraphClient(new MetaAccounts(List.of(new MetaAccount(PAGE, Platform.FACEBOOK, null,
                    PAGE_TOKEN))), health, MetaGraphClient.Settings.defaults().withBaseUrl(graph.baseUrl() + "/").withVersion("v26.0"));
            v26.deliver(setHidden(Platform.FACEBOOK, PAGE, FB_COMMENT, true));
            graph.verify(1, postRequestedFor(urlEqualTo("/v26.0/" + FB_COMMENT)));
        }
    }

    @Nested
    class Mentions {
        private static final String MEDIA = "17918195200000041";
        private static final String MENTION_COMMENT = "17894227900000031";

        private Interaction mention(String itemId) {
            return new Interaction(Platform.INSTAGRAM, InteractionKind.MENTION, IG_ACCOUNT,
                    "instagram:mention:" + IG_ACCOUNT + ":" + itemId, itemId, null, MEDIA,
                    Author.of(MetaWebhookParser.UNKNOWN_AUTHOR_ID), "", List.of(), null, null,
                    Instant.parse("2026-11-22T09:12:30Z"), false, null, null, 0L);
        }

        @Test
        void commentMentionIsReadBackWithItsTextAuthorAndLink() {
            Interaction partial = mention(MENTION_COMMENT);
            assertTrue(client.canFetch(partial));
            InteractionFetcher.FetchResult r = client.fetch(partial);
            Interaction done = assertInstanceOf(InteractionFetcher.FetchResult.Fetched.class, r).interaction();
            assertEquals("@acme_shop c'est combien le pack pro ? je veux commander pour mon équipe", done.text());
            assertEquals("17841455500000077", done.author().id());
            assertEquals("claire.dumont", done.author().handle());
            assertEquals("https://www.instagram.com/p/Cx3mPLe0AbC/", done.permalink());
            assertEquals(Instant.parse("2026-11-22T09:12:21Z"), done.occurredAt());
            assertEquals(partial.threadKey(), done.threadKey());
            assertEquals(partial.itemId(), done.itemId());
            graph.verify(1, getRequestedFor(urlPathEqualTo("/v25.0/" + IG_ACCOUNT))
                    .withQueryParam("fields", equalTo("mentioned_comment.comment_id(" + MENTION_COMMENT
                            + "){id,text,timestamp,username,from,media{id,permalink}}"))
                    .withQueryParam("access_token", equalTo(IG_TOKEN)));
        }

        @Test
        void captionMentionIsReadBackFromTheMedia() {
            Interaction done = assertInstanceOf(InteractionFetcher.FetchResult.Fetched.class,
                    client.fetch(mention(MEDIA))).interaction();
            assertEquals("Unboxing my new bag from @acme_shop, obsessed 😍", done.text());
            assertEquals("username:leo.travels", done.author().id());
            assertEquals("leo.travels", done.author().handle());
            graph.verify(1, getRequestedFor(urlPathEqualTo("/v25.0/" + IG_ACCOUNT))
                    .withQueryParam("fields", containing("mentioned_media.media_id(" + MEDIA + ")")));
        }

        @Test
        void onlyIncompleteInstagramMentionsCanBeFetched() {
            Interaction partial = mention(MENTION_COMMENT);
            Interaction withText = new Interaction(Platform.INSTAGRAM, InteractionKind.MENTION, IG_ACCOUNT,
                    partial.threadKey(), MENTION_COMMENT, null, MEDIA, Author.of("1"), "hi", List.of(), null, null,
                    partial.occurredAt(), false, null, null, 0L);
            assertFalse(client.canFetch(withText));
            assertThrows(IllegalArgumentException.class, () -> client.fetch(withText));
        }

        @Test
        void aMentionThatIsGoneIsNotSendable() {
            graph.stubFor(get(urlPathEqualTo("/v25.0/" + IG_ACCOUNT)).atPriority(1).willReturn(aResponse()
                    .withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"id\":\"" + IG_ACCOUNT + "\"}")));
            InteractionFetcher.FetchResult r = client.fetch(mention(MENTION_COMMENT));
            assertInstanceOf(DeliveryResult.NotSendable.class,
                    assertInstanceOf(InteractionFetcher.FetchResult.NotFetched.class, r).status());
        }

        @Test
        void serverErrorIsRetriedAndARejectedTokenFlagsTheAccount() {
            graph.stubFor(get(urlPathEqualTo("/v25.0/" + IG_ACCOUNT)).atPriority(1).willReturn(aResponse()
                    .withStatus(500).withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"message\":\"An unexpected error has occurred.\",\"type\":\"OAuthException\",\"code\":2,\"is_transient\":true}}")));
            assertInstanceOf(DeliveryResult.Retry.class, assertInstanceOf(InteractionFetcher.FetchResult.NotFetched.class,
                    client.fetch(mention(MENTION_COMMENT))).status());
            graph.stubFor(get(urlPathEqualTo("/v25.0/" + IG_ACCOUNT)).atPriority(1).willReturn(aResponse()
                    .withStatus(400).withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"message\":\"Error validating access token\",\"type\":\"OAuthException\",\"code\":190}}")));
            assertInstanceOf(DeliveryResult.AccountInvalid.class, assertInstanceOf(InteractionFetcher.FetchResult.NotFetched.class,
                    client.fetch(mention(MENTION_COMMENT))).status());
            assertTrue(health.get(IG_ACCOUNT).isPresent());
            graph.resetRequests();
            assertInstanceOf(DeliveryResult.AccountInvalid.class, assertInstanceOf(InteractionFetcher.FetchResult.NotFetched.class,
                    client.fetch(mention(MENTION_COMMENT))).status());
            graph.verify(0, anyRequestedFor(anyUrl()));
        }

        @Test
        void replyToACommentMentionPostsToTheMentionsEdge() {
            DeliveryResult r = client.deliver(mentionReply(mention(MENTION_COMMENT), "Merci Claire ! On vous écrit 😊"));
            assertEquals(new DeliveryResult.Delivered("17894227900000099"), r);
            graph.verify(1, postRequestedFor(urlEqualTo("/v25.0/" + IG_ACCOUNT + "/mentions"))
                    .withFormParam("media_id", equalTo(MEDIA))
                    .withFormParam("comment_id", equalTo(MENTION_COMMENT))
                    .withFormParam("message", equalTo("Merci Claire ! On vous écrit 😊"))
                    .withFormParam("access_token", equalTo(IG_TOKEN)));
        }

        @Test
        void replyToACaptionMentionNamesOnlyTheMedia() {
            client.deliver(mentionReply(mention(MEDIA), "Thanks Leo!"));
            graph.verify(1, postRequestedFor(urlEqualTo("/v25.0/" + IG_ACCOUNT + "/mentions"))
                    .withFormParam("media_id", equalTo(MEDIA))
                    .withRequestBody(notContaining("comment_id")));
        }
    }

    @Nested
    class Audience {
        private Interaction commentBy(String handle) {
            return new Interaction(Platform.INSTAGRAM, InteractionKind.COMMENT, IG_ACCOUNT,
                    "instagram:comment:" + IG_ACCOUNT + ":" + IG_COMMENT, IG_COMMENT, null, "17918195200000041",
                    new Author(IGSID, handle, null, null, false), "collab ?", List.of(), null, null,
                    Instant.parse("2026-11-22T09:12:30Z"), false, null, null, 0L);
        }

        @Test
        void businessDiscoveryGivesACreatorsFollowerCount() {
            AuthorAudienceLookup.AudienceResult r = client.lookUp(commentBy("lea.influence"));
            assertEquals(new AuthorAudienceLookup.AudienceResult.Found(248_712), r);
            graph.verify(1, getRequestedFor(urlPathEqualTo("/v25.0/" + IG_ACCOUNT))
                    .withQueryParam("fields", equalTo("business_discovery.username(lea.influence){followers_count,media_count}"))
                    .withQueryParam("access_token", equalTo(IG_TOKEN)));
        }

        @Test
        void aPersonalAccountHasNoAudienceData() {
            assertInstanceOf(AuthorAudienceLookup.AudienceResult.Unavailable.class, client.lookUp(commentBy("claire.dmt")));
        }

        @Test
        void aServerErrorIsNotLookedUpAndRetried() {
            graph.stubFor(get(urlPathEqualTo("/v25.0/" + IG_ACCOUNT)).atPriority(1).willReturn(aResponse().withStatus(503)));
            AuthorAudienceLookup.AudienceResult r = client.lookUp(commentBy("lea.influence"));
            assertInstanceOf(DeliveryResult.Retry.class,
                    assertInstanceOf(AuthorAudienceLookup.AudienceResult.NotLookedUp.class, r).status());
        }

        @Test
        void onlyInstagramAuthorsWithAPlausibleUsernameAreLookedUp() {
            assertTrue(client.canLookUp(commentBy("lea.influence")));
            assertFalse(client.canLookUp(commentBy(null)));
            assertFalse(client.canLookUp(commentBy("lea)&fields=x")));
            assertThrows(IllegalArgumentException.class, () -> client.lookUp(commentBy(null)));
        }
    }

    @Nested
    class Failures {

        private final OutboundAction dm = sendMessage(Platform.MESSENGER, PAGE, PSID, "Bonjour !");

        private void answer(int status, String body) {
            graph.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status)
                    .withHeader("Content-Type", "application/json").withBody(body)));
        }

        private static String error(int code, int subcode, String message) {
            return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                    + (subcode < 0 ? "" : ",\"error_subcode\":" + subcode) + ",\"fbtrace_id\":\"AbCdEfG123\"}}";
        }

        @Test
        void serverErrorIsRetried() {
            answer(500, "{\"error\":{\"message\":\"An unknown error has occurred.\",\"type\":\"OAuthException\",\"code\":1,"
                    + "\"is_transient\":true,\"fbtrace_id\":\"A1\"}}");
            DeliveryResult.Retry r = assertInstanceOf(DeliveryResult.Retry.class, client.deliver(dm));
            assertNull(r.retryAfter());
            assertTrue(r.reason().contains("HTTP 500"), r.reason());
        }

        @Test
        void serverErrorWithoutJsonIsRetried() {
            graph.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));
            assertInstanceOf(DeliveryResult.Retry.class, client.deliver(dm));
        }

        @Test
        void tooManyRequestsHonoursRetryAfter() {
            graph.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
            DeliveryResult.Retry r = assertInstanceOf(DeliveryResult.Retry.class, client.deliver(dm));
            assertEquals(Duration.ofSeconds(7), r.retryAfter());
        }

        @ParameterizedTest
        @ValueSource(ints = {4, 17, 32, 613, 80001, 80002, 80006})
        void throttlingCodesAreRetried(int code) {
            answer(400, error(code, -1, "(#" + code + ") Application request limit reached"));
            DeliveryResult.Retry r = assertInstanceOf(DeliveryResult.Retry.class, client.deliver(dm));
            assertTrue(r.reason().contains("code=" + code), r.reason());
            assertNull(r.retryAfter());
        }

        @Test
        void businessUseCaseHeaderGivesTheWait() {
            graph.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400)
                    .withHeader("X-Business-Use-Case-Usage", "{\"" + PAGE + "\":[{\"type\":\"pages\",\"call_count\":100,"
                            + "\"total_cputime\":25,\"total_time\":25,\"estimated_time_to_regain_access\":19}]}")
                    .withBody(error(80001, -1, "There have been too many calls to this Page account."))));
            DeliveryResult.Retry r = assertInstanceOf(DeliveryResult.Retry.class, client.deliver(dm));
            assertEquals(Duration.ofMinutes(19), r.retryAfter());
        }

        @Test
        void appUsageAtTheLimitTurnsAnErrorIntoARetry() {
            graph.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400)
                    .withHeader("X-App-Usage", "{\"call_count\":100,\"total_cputime\":40,\"total_time\":60}")
                    .withBody(error(100, -1, "Invalid parameter"))));
            assertInstanceOf(DeliveryResult.Retry.class, client.deliver(dm));
        }

        @Test
        void invalidTokenMarksTheAccountAndStopsCallingIt() {
            answer(400, error(190, 463, "Error validating access token: Session has expired on Friday, 20-Nov-26."));
            DeliveryResult.AccountInvalid r = assertInstanceOf(DeliveryResult.AccountInvalid.class, client.deliver(dm));
            assertTrue(r.reason().contains("code=190"), r.reason());
            assertTrue(r.reason().contains("subcode=463"), r.reason());
            assertTrue(r.reason().contains("fbtrace_id=AbCdEfG123"), r.reason());
            assertFalse(r.reason().contains(PAGE_TOKEN));
            assertTrue(health.isInvalid(PAGE));

            DeliveryResult again = client.deliver(setHidden(Platform.FACEBOOK, PAGE, FB_COMMENT, true));
            assertInstanceOf(DeliveryResult.AccountInvalid.class, again);
            graph.verify(1, anyRequestedFor(anyUrl()));
            // other accounts are unaffected
            assertFalse(health.isInvalid(IG_ACCOUNT));
        }

        @Test
        void tokenEchoedByTheRemoteNeverReachesTheReason() {
            answer(400, error(190, 467, "Invalid OAuth access token - Cannot parse access token " + PAGE_TOKEN));
            DeliveryResult.AccountInvalid r = assertInstanceOf(DeliveryResult.AccountInvalid.class, client.deliver(dm));
            assertFalse(r.reason().contains(PAGE_TOKEN), r.reason());
        }

        @Test
        void messageOutsideTheWindowIsNotSendable() {
            answer(400, error(10, 2018278, "(#10) This message is sent outside of allowed window."));
            DeliveryResult.NotSendable r = assertInstanceOf(DeliveryResult.NotSendable.class, client.deliver(dm));
            assertTrue(r.reason().contains("2018278"), r.reason());
            assertTrue(r.reason().contains("outside of allowed window"), r.reason());
        }

        @ParameterizedTest
        @ValueSource(strings = {"10:-1", "551:1545041", "100:2534029", "100:2018001", "10900:-1", "100:33"})
        void refusalsForGoodAreNotSendable(String codes) {
            String[] c = codes.split(":");
            answer(400, error(Integer.parseInt(c[0]), Integer.parseInt(c[1]), "refused"));
            assertInstanceOf(DeliveryResult.NotSendable.class, client.deliver(dm));
        }

        @Test
        void otherBadRequestsFail() {
            answer(400, error(100, -1, "(#100) Param message must be non-empty"));
            DeliveryResult.Failed r = assertInstanceOf(DeliveryResult.Failed.class, client.deliver(dm));
            assertTrue(r.reason().startsWith("HTTP 400 code=100"), r.reason());
        }

        @Test
        void duplicatePostCountsAsDelivered() {
            answer(400, error(506, -1, "Duplicate status message"));
            assertEquals(new DeliveryResult.Delivered(null), client.deliver(dm));
        }

        @Test
        void timeoutIsRetried() {
            graph.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(1_500)
                    .withBody("{\"recipient_id\":\"1\",\"message_id\":\"m_late\"}")));
            MetaGraphClient impatient = new MetaGraphClient(new MetaAccounts(List.of(
                    new MetaAccount(PAGE, Platform.FACEBOOK, null, PAGE_TOKEN))), health, MetaGraphClient.Settings.defaults()
                    .withBaseUrl(graph.baseUrl()).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(250)));
            DeliveryResult.Retry r = assertInstanceOf(DeliveryResult.Retry.class, impatient.deliver(dm));
            assertTrue(r.reason().startsWith("timeout"), r.reason());
        }

        @Test
        void connectionFailureIsRetried() {
            MetaGraphClient unreachable = new MetaGraphClient(new MetaAccounts(List.of(
                    new MetaAccount(PAGE, Platform.FACEBOOK, null, PAGE_TOKEN))), health,
                    MetaGraphClient.Settings.defaults().withBaseUrl("http://127.0.0.1:1"));
            DeliveryResult.Retry r = assertInstanceOf(DeliveryResult.Retry.class, unreachable.deliver(dm));
            assertFalse(r.reason().contains(PAGE_TOKEN), r.reason());
        }

        @Test
        void successWithoutIdIsDeliveredWithNullId() {
            answer(200, "{\"success\":true}");
            assertEquals(new DeliveryResult.Delivered(null), client.deliver(dm));
        }
    }

    @Nested
    class WithoutHttp {

        @Test
        void unknownAccountIsInvalidWithoutACall() {
            DeliveryResult r = client.deliver(sendMessage(Platform.MESSENGER, "999", PSID, "hi"));
            assertInstanceOf(DeliveryResult.AccountInvalid.class, r);
            graph.verify(0, anyRequestedFor(anyUrl()));
        }

        @Test
        void emptyTextAndUnsafeIdsFailWithoutACall() {
            assertInstanceOf(DeliveryResult.Failed.class,
                    client.deliver(publicReply(Platform.INSTAGRAM, IG_ACCOUNT, IG_COMMENT, " ")));
            assertInstanceOf(DeliveryResult.Failed.class,
                    client.deliver(publicReply(Platform.INSTAGRAM, IG_ACCOUNT, "../me/feed", "x")));
            graph.verify(0, anyRequestedFor(anyUrl()));
        }

        @Test
        void actionsThePlatformHasNoCallForAreProgrammingErrors() {
            assertThrows(IllegalArgumentException.class, () -> client.deliver(
                    publicReply(Platform.MESSENGER, PAGE, FB_COMMENT, "x")));
            assertThrows(IllegalArgumentException.class, () -> client.deliver(
                    sendMessage(Platform.TELEGRAM, PAGE, PSID, "x")));
        }
    }

    @Nested
    class DeleteAndBlock {

        private static String error(int code, int subcode, String message) {
            return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                    + (subcode < 0 ? "" : ",\"error_subcode\":" + subcode) + ",\"fbtrace_id\":\"AbCdEfG123\"}}";
        }

        /** The one request WireMock received, after checking that there was exactly one. */
        private com.github.tomakehurst.wiremock.verification.LoggedRequest onlyRequest() {
            graph.verify(1, anyRequestedFor(anyUrl()));
            return graph.getAllServeEvents().get(0).getRequest();
        }

        @Test
        void instagramCommentDeleteSendsOneDeleteWithTheTokenInTheQueryAndNoBody() {
            DeliveryResult r = client.deliver(new OutboundAction.Delete(Platform.INSTAGRAM, IG_ACCOUNT, IG_COMMENT, null));
            assertEquals(new DeliveryResult.Delivered(null), r);
            graph.verify(1, deleteRequestedFor(urlPathEqualTo("/v25.0/" + IG_COMMENT))
                    .withQueryParam("access_token", equalTo(IG_TOKEN)));
            var request = onlyRequest();
            assertEquals("DELETE", request.getMethod().getName());
            assertEquals("/v25.0/" + IG_COMMENT + "?access_token=EAAG-ig-test-token%2B%2F%3D", request.getUrl());
            assertEquals(0, request.getBody().length);
            assertFalse(request.containsHeader("Content-Type"), request.getHeaders().toString());
        }

        @Test
        void facebookCommentDeleteSendsOneDeleteWithThePageToken() {
            DeliveryResult r = client.deliver(new OutboundAction.Delete(Platform.FACEBOOK, PAGE, FB_COMMENT, null));
            assertEquals(new DeliveryResult.Delivered(null), r);
            var request = onlyRequest();
            assertEquals("DELETE", request.getMethod().getName());
            assertEquals("/v25.0/" + FB_COMMENT + "?access_token=" + PAGE_TOKEN, request.getUrl());
            assertEquals(0, request.getBody().length);
        }

        @Test
        void aRetriedDeleteOfACommentAlreadyGoneIsDelivered() {
            graph.stubFor(delete(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(error(100, 33, "Unsupported delete request. Object with ID '" + IG_COMMENT + "' does not exist"))));
            assertEquals(new DeliveryResult.Delivered(null),
                    client.deliver(new OutboundAction.Delete(Platform.INSTAGRAM, IG_ACCOUNT, IG_COMMENT, null)));
        }

        @Test
        void aDeleteGraphAnswersWithSuccessFalseFails() {
            graph.stubFor(delete(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody("{\"success\":false}")));
            DeliveryResult.Failed r = assertInstanceOf(DeliveryResult.Failed.class,
                    client.deliver(new OutboundAction.Delete(Platform.INSTAGRAM, IG_ACCOUNT, IG_COMMENT, null)));
            assertTrue(r.reason().contains("success=false"), r.reason());
        }

        @ParameterizedTest
        @CsvSource({"200,-1,Failed", "10,-1,NotSendable", "100,-1,Failed", "190,463,AccountInvalid",
                "4,-1,Retry", "1,-1,Retry"})
        void graphErrorsOnADeleteAreClassifiedAsForEveryCall(int code, int subcode, String expected) {
            String body = error(code, subcode, "(#" + code + ") refused for " + IG_TOKEN);
            graph.stubFor(delete(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(code == 1 ? 500 : 400)
                    .withHeader("Content-Type", "application/json").withBody(body)));
            DeliveryResult r = client.deliver(new OutboundAction.Delete(Platform.INSTAGRAM, IG_ACCOUNT, IG_COMMENT, null));
            assertEquals(expected, r.getClass().getSimpleName(), r.toString());
            assertTrue(r.reason().contains("code=" + code), r.reason());
            assertFalse(r.reason().contains(IG_TOKEN), r.reason());
            assertEquals(MetaGraphResponses.classify(code == 1 ? 500 : 400, body,
                    java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true), Instant.now())
                    .redacted(IG_TOKEN), r);
            assertEquals(code == 190, health.isInvalid(IG_ACCOUNT));
        }

        @Test
        void messengerBlockPostsThePsidListAndTheTokenToThePagesBlockedEdge() {
            DeliveryResult r = client.deliver(new OutboundAction.Block(Platform.MESSENGER, PAGE, PSID, PSID));
            assertEquals(new DeliveryResult.Delivered(null), r);
            graph.verify(1, postRequestedFor(urlEqualTo("/v25.0/" + PAGE + "/blocked"))
                    .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                    .withFormParam("psid", equalTo("[\"" + PSID + "\"]"))
                    .withFormParam("access_token", equalTo(PAGE_TOKEN))
                    .withRequestBody(equalTo("psid=%5B%22" + PSID + "%22%5D&access_token=" + PAGE_TOKEN)));
            assertEquals("POST", onlyRequest().getMethod().getName());
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"" + PSID + "\":false}", "{\"success\":true}", "{\"7010000000000999\":true}", "[]", ""})
        void aBlockGraphDoesNotConfirmForThePsidFails(String answer) {
            graph.stubFor(post(urlPathEqualTo("/v25.0/" + PAGE + "/blocked")).atPriority(1).willReturn(aResponse()
                    .withStatus(200).withHeader("Content-Type", "application/json").withBody(answer)));
            DeliveryResult r = client.deliver(new OutboundAction.Block(Platform.MESSENGER, PAGE, PSID, null));
            DeliveryResult.Failed failed = assertInstanceOf(DeliveryResult.Failed.class, r);
            assertTrue(failed.reason().startsWith("POST /" + PAGE + "/blocked did not confirm " + PSID), failed.reason());
            assertTrue(failed.reason().contains(answer.isEmpty() ? "(empty)" : answer), failed.reason());
            graph.verify(1, anyRequestedFor(anyUrl()));
        }

        @Test
        void graphErrorsOnABlockKeepTheirClassification() {
            graph.stubFor(post(urlPathEqualTo("/v25.0/" + PAGE + "/blocked")).atPriority(1).willReturn(aResponse()
                    .withStatus(400).withHeader("Content-Type", "application/json")
                    .withBody(error(100, -1, "(#100) Invalid parameter"))));
            DeliveryResult.Failed r = assertInstanceOf(DeliveryResult.Failed.class,
                    client.deliver(new OutboundAction.Block(Platform.MESSENGER, PAGE, PSID, null)));
            assertTrue(r.reason().startsWith("HTTP 400 code=100"), r.reason());
            graph.stubFor(post(urlPathEqualTo("/v25.0/" + PAGE + "/blocked")).atPriority(1).willReturn(aResponse()
                    .withStatus(403).withHeader("Content-Type", "application/json")
                    .withBody(error(10, -1, "(#10) Permission denied"))));
            assertInstanceOf(DeliveryResult.NotSendable.class,
                    client.deliver(new OutboundAction.Block(Platform.MESSENGER, PAGE, PSID, null)));
        }

        @Test
        void instagramBlockIsNotSendableWithoutACall() {
            DeliveryResult.NotSendable r = assertInstanceOf(DeliveryResult.NotSendable.class,
                    client.deliver(new OutboundAction.Block(Platform.INSTAGRAM, IG_ACCOUNT, IGSID, IGSID)));
            assertTrue(r.reason().startsWith("Instagram's API cannot block a person"), r.reason());
            assertTrue(r.reason().contains("Instagram app") && r.reason().contains("Meta Business Suite"), r.reason());
            graph.verify(0, anyRequestedFor(anyUrl()));
        }

        @Test
        void facebookCommenterBlockIsNotSendableWithoutACall() {
            DeliveryResult.NotSendable r = assertInstanceOf(DeliveryResult.NotSendable.class,
                    client.deliver(new OutboundAction.Block(Platform.FACEBOOK, PAGE, "1234500000000077", null)));
            assertTrue(r.reason().contains("blocks only Messenger users"), r.reason());
            assertTrue(r.reason().contains("block the commenter from the Page in Meta Business Suite"), r.reason());
            graph.verify(0, anyRequestedFor(anyUrl()));
        }

        @Test
        void messengerDeleteIsNotSendableWithoutACall() {
            DeliveryResult.NotSendable r = assertInstanceOf(DeliveryResult.NotSendable.class,
                    client.deliver(new OutboundAction.Delete(Platform.MESSENGER, PAGE, "m_Zk9xR0VkT3FhbW1t", PSID)));
            assertTrue(r.reason().contains("cannot be deleted by the Page"), r.reason());
            graph.verify(0, anyRequestedFor(anyUrl()));
        }

        @Test
        void invalidIdsFailWithoutACall() {
            DeliveryResult.Failed badComment = assertInstanceOf(DeliveryResult.Failed.class, client.deliver(
                    new OutboundAction.Delete(Platform.INSTAGRAM, IG_ACCOUNT, "../me/feed", null)));
            assertEquals("invalid comment id '../me/feed'", badComment.reason());
            assertInstanceOf(DeliveryResult.Failed.class, client.deliver(
                    new OutboundAction.Delete(Platform.FACEBOOK, PAGE, null, null)));
            DeliveryResult.Failed badPsid = assertInstanceOf(DeliveryResult.Failed.class, client.deliver(
                    new OutboundAction.Block(Platform.MESSENGER, PAGE, "1\"],\"x", null)));
            assertTrue(badPsid.reason().startsWith("invalid PSID"), badPsid.reason());
            assertInstanceOf(DeliveryResult.Failed.class, client.deliver(
                    new OutboundAction.Block(Platform.MESSENGER, PAGE, "", null)));
            graph.verify(0, anyRequestedFor(anyUrl()));
        }

        @Test
        void callsDescribeTheirMethodTruthfully() {
            MetaAccount page = new MetaAccount(PAGE, Platform.FACEBOOK, null, PAGE_TOKEN);
            assertEquals("DELETE /" + FB_COMMENT, MetaGraphCall.of(
                    new OutboundAction.Delete(Platform.FACEBOOK, PAGE, FB_COMMENT, null), page).describe());
            assertEquals("POST /" + PAGE + "/blocked", MetaGraphCall.of(
                    new OutboundAction.Block(Platform.MESSENGER, PAGE, PSID, null), page).describe());
            assertEquals("POST /" + FB_COMMENT, MetaGraphCall.of(setHidden(Platform.FACEBOOK, PAGE, FB_COMMENT, true), page)
                    .describe());
        }

        @Test
        void deleteAndBlockOnOtherPlatformsAreProgrammingErrors() {
            assertThrows(IllegalArgumentException.class, () -> client.deliver(
                    new OutboundAction.Delete(Platform.TELEGRAM, PAGE, "1", null)));
            assertThrows(IllegalArgumentException.class, () -> client.deliver(
                    new OutboundAction.Block(Platform.TELEGRAM, PAGE, PSID, null)));
        }
    }

    static OutboundAction publicReply(Platform platform, String account, String commentId, String text) {
        return reply(platform, account, ReplyChannel.PUBLIC, InteractionKind.COMMENT, commentId, null, text);
    }

    static OutboundAction privateReply(Platform platform, String account, String commentId, String text) {
        return reply(platform, account, ReplyChannel.PRIVATE, InteractionKind.COMMENT, commentId, null, text);
    }

    static OutboundAction sendMessage(Platform platform, String account, String recipient, String text) {
        return reply(platform, account, ReplyChannel.DM, InteractionKind.DM, "m1", recipient, text);
    }

    static OutboundAction setHidden(Platform platform, String account, String commentId, boolean hidden) {
        return new OutboundAction.SetHidden(platform, account, commentId, hidden);
    }

    static OutboundAction mentionReply(Interaction mention, String text) {
        return OutboundAction.Reply.to(mention, ReplyChannel.PUBLIC, OutboundMessage.text(text));
    }

    private static OutboundAction reply(Platform platform, String account, ReplyChannel channel, InteractionKind kind,
                                        String itemId, String conversation, String text) {
        return new OutboundAction.Reply(platform, account, channel, new ReplyTo(kind, "t", itemId, null, null,
                conversation, conversation == null ? "author" : conversation, Instant.now()), OutboundMessage.text(text));
    }

    private static OutboundAction dmWrittenAgo(Duration age, OutboundMessage message) {
        return new OutboundAction.Reply(Platform.MESSENGER, PAGE, ReplyChannel.DM, new ReplyTo(InteractionKind.DM, "t",
                "m1", null, null, PSID, PSID, Instant.now().minus(age)), message);
    }

    @Nested
    class MessagingWindow {
        @Test
        void aPersonAnswering25HoursLaterSendsWithTheHumanAgentTag() {
            graph.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                            com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v25.0/" + PAGE + "/messages"))
                    .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.tag"))
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                            "{\"recipient_id\":\"" + PSID + "\",\"message_id\":\"m_human\"}")));
            DeliveryResult r = client.deliver(dmWrittenAgo(Duration.ofHours(25), OutboundMessage.byAgent("Bonjour !", "sam")));
            assertInstanceOf(DeliveryResult.Delivered.class, r, r.toString());
            graph.verify(postRequestedFor(urlEqualTo("/v25.0/" + PAGE + "/messages?access_token=" + PAGE_TOKEN))
                    .withRequestBody(equalToJson("{\"recipient\":{\"id\":\"" + PSID + "\"},\"messaging_type\":\"MESSAGE_TAG\","
                            + "\"message\":{\"text\":\"Bonjour !\"},\"tag\":\"HUMAN_AGENT\"}")));
        }

        @Test
        void automationNeverAnswersAfter24Hours() {
            DeliveryResult r = client.deliver(dmWrittenAgo(Duration.ofHours(25), OutboundMessage.text("Automated")));
            assertTrue(r instanceof DeliveryResult.NotSendable n && n.reason().contains("24 h"), r.toString());
            graph.verify(0, postRequestedFor(urlEqualTo("/v25.0/" + PAGE + "/messages?access_token=" + PAGE_TOKEN)));
        }

        @Test
        void nothingIsSentAfter7DaysAndTheReasonSaysWhatToDo() {
            DeliveryResult r = client.deliver(dmWrittenAgo(Duration.ofDays(8), OutboundMessage.byAgent("Hello", "sam")));
            assertTrue(r instanceof DeliveryResult.NotSendable n && n.reason().contains("7 days")
                    && n.reason().contains("wait for the customer"), r.toString());
            graph.verify(0, postRequestedFor(urlEqualTo("/v25.0/" + PAGE + "/messages?access_token=" + PAGE_TOKEN)));
        }
    }

    @Nested
    class Media {
        private static final String FILES = "https://rt.example.com/socialbridge/files/42/7?exp=1796000000&sig=Zm9vYmFy";
        private static final String DELIVERED_ID = "m_QXR0YWNobWVudF9zY3J1YmJlZF8wMDAwMDAwMDAwMDAwMjAx";

        private OutboundAction fileDm(Platform platform, String account, String recipient, Duration age,
                                      OutboundMessage message) {
            return new OutboundAction.Reply(platform, account, ReplyChannel.DM, new ReplyTo(InteractionKind.DM, "t",
                    "m1", null, null, recipient, recipient, Instant.now().minus(age)), message);
        }

        private OutboundMessage file(String url, String mimeType, String name) {
            return OutboundMessage.fileByAgent(new OutboundMessage.MediaLink(url, mimeType, name), "sam");
        }

        private String attachmentBody(String recipient, String messagingType, String type, String url, String tag) {
            return "{\"recipient\":{\"id\":\"" + recipient + "\"},\"messaging_type\":\"" + messagingType + "\","
                    + "\"message\":{\"attachment\":{\"type\":\"" + type + "\",\"payload\":{\"url\":\"" + url
                    + "\",\"is_reusable\":false}}}" + (tag == null ? "" : ",\"tag\":\"" + tag + "\"") + "}";
        }

        /** The one request WireMock received, after checking that there was exactly one. */
        private com.github.tomakehurst.wiremock.verification.LoggedRequest onlyRequest() {
            graph.verify(1, anyRequestedFor(anyUrl()));
            return graph.getAllServeEvents().get(0).getRequest();
        }

        @Test
        void messengerImageIsAnAttachmentTheRecipientGetsByUrl() {
            DeliveryResult r = client.deliver(fileDm(Platform.MESSENGER, PAGE, PSID, Duration.ofMinutes(5),
                    file(FILES, "image/jpeg", "receipt.jpg")));
            assertEquals(new DeliveryResult.Delivered(DELIVERED_ID), r);
            var request = onlyRequest();
            assertEquals("POST", request.getMethod().getName());
            assertEquals("/v25.0/" + PAGE + "/messages?access_token=" + PAGE_TOKEN, request.getUrl());
            assertTrue(request.getHeader("Content-Type").contains("application/json"), request.getHeader("Content-Type"));
            graph.verify(1, postRequestedFor(urlPathEqualTo("/v25.0/" + PAGE + "/messages"))
                    .withQueryParam("access_token", equalTo(PAGE_TOKEN))
                    .withRequestBody(equalToJson(attachmentBody(PSID, "RESPONSE", "image", FILES, null))));
            assertFalse(request.getBodyAsString().contains(PAGE_TOKEN), request.getBodyAsString());
            assertFalse(request.getBodyAsString().contains("\"text\""), request.getBodyAsString());
        }

        @Test
        void messengerPdfGoesAsAFile() {
            DeliveryResult r = client.deliver(fileDm(Platform.MESSENGER, PAGE, PSID, Duration.ofHours(2),
                    file(FILES, "application/pdf", "invoice-2026-118.pdf")));
            assertEquals(new DeliveryResult.Delivered(DELIVERED_ID), r);
            graph.verify(1, postRequestedFor(urlEqualTo("/v25.0/" + PAGE + "/messages?access_token=" + PAGE_TOKEN))
                    .withRequestBody(equalToJson(attachmentBody(PSID, "RESPONSE", "file", FILES, null))));
        }

        @Test
        void instagramVideoGoesThroughTheLinkedPageWithTheInstagramToken() {
            DeliveryResult r = client.deliver(fileDm(Platform.INSTAGRAM, IG_ACCOUNT, IGSID, Duration.ofHours(1),
                    file(FILES, "video/mp4", "unboxing.mp4")));
            assertEquals(new DeliveryResult.Delivered(DELIVERED_ID), r);
            graph.verify(1, postRequestedFor(urlPathEqualTo("/v25.0/" + PAGE + "/messages"))
                    .withQueryParam("access_token", equalTo(IG_TOKEN))
                    .withRequestBody(equalToJson(attachmentBody(IGSID, "RESPONSE", "video", FILES, null))));
        }

        @Test
        void anAgentsFile25HoursLaterGoesWithTheHumanAgentTag() {
            graph.stubFor(post(urlPathEqualTo("/v25.0/" + PAGE + "/messages")).atPriority(1)
                    .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                            "$[?(@.tag == 'HUMAN_AGENT')]"))
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                            "{\"recipient_id\":\"" + PSID + "\",\"message_id\":\"m_human_file\"}")));
            DeliveryResult r = client.deliver(fileDm(Platform.MESSENGER, PAGE, PSID, Duration.ofHours(25),
                    file(FILES, "image/png", "screenshot.png")));
            assertEquals(new DeliveryResult.Delivered("m_human_file"), r);
            graph.verify(1, postRequestedFor(urlEqualTo("/v25.0/" + PAGE + "/messages?access_token=" + PAGE_TOKEN))
                    .withRequestBody(equalToJson(attachmentBody(PSID, "MESSAGE_TAG", "image", FILES, "HUMAN_AGENT"))));
            graph.verify(1, anyRequestedFor(anyUrl()));
        }

        @Test
        void automationSendsNoFileAfter24Hours() {
            OutboundMessage automated = new OutboundMessage("", List.of(), null, null,
                    new OutboundMessage.MediaLink(FILES, "image/png", "a.png"));
            DeliveryResult.NotSendable r = assertInstanceOf(DeliveryResult.NotSendable.class, client.deliver(
                    fileDm(Platform.MESSENGER, PAGE, PSID, Duration.ofHours(25), automated)));
            assertTrue(r.reason().startsWith("outside the 24 h messaging window"), r.reason());
            graph.verify(0, anyRequestedFor(anyUrl()));
        }

        @Test
        void nothingIsSentAfter7Days() {
            DeliveryResult.NotSendable r = assertInstanceOf(DeliveryResult.NotSendable.class, client.deliver(
                    fileDm(Platform.MESSENGER, PAGE, PSID, Duration.ofDays(8), file(FILES, "image/png", "a.png"))));
            assertEquals("more than 7 days since the customer last wrote (8 days ago): messenger allows no reply;"
                    + " wait for the customer to write again", r.reason());
            graph.verify(0, anyRequestedFor(anyUrl()));
        }

        @Test
        void aFileUnderACommentIsNotSendableWithThePolicysReasonAndNoCall() {
            OutboundMessage pdf = file(FILES, "application/pdf", "a.pdf");
            for (Platform platform : List.of(Platform.INSTAGRAM, Platform.FACEBOOK)) {
                String account = platform == Platform.INSTAGRAM ? IG_ACCOUNT : PAGE;
                String comment = platform == Platform.INSTAGRAM ? IG_COMMENT : FB_COMMENT;
                for (ReplyChannel channel : List.of(ReplyChannel.PUBLIC, ReplyChannel.PRIVATE)) {
                    DeliveryResult r = client.deliver(new OutboundAction.Reply(platform, account, channel,
                            new ReplyTo(InteractionKind.COMMENT, "t", comment, null, null, null, "author", Instant.now()),
                            pdf));
                    String expected = channel == ReplyChannel.PUBLIC
                            ? "a comment reply takes text only: send a private reply, then the file in the conversation"
                                    + " once the customer answers"
                            : "a private reply to a comment takes text only (the Messenger/Instagram private-reply API"
                                    + " sends one text message): send the file in the conversation once the customer answers";
                    assertEquals(new DeliveryResult.NotSendable(expected), r, platform + " " + channel);
                    assertEquals(new MetaActionPolicy().mediaRefusal(platform, InteractionKind.COMMENT, channel,
                            "application/pdf").orElseThrow(), r.reason());
                }
            }
            graph.verify(0, anyRequestedFor(anyUrl()));
        }

        @Test
        void anInstagramPdfReachingTheClientIsNotSendableWithoutACall() {
            DeliveryResult r = client.deliver(fileDm(Platform.INSTAGRAM, IG_ACCOUNT, IGSID, Duration.ofMinutes(1),
                    file(FILES, "application/pdf", "a.pdf")));
            assertEquals(new DeliveryResult.NotSendable(
                    "Instagram messages take images, videos and audio, not application/pdf"), r);
            graph.verify(0, anyRequestedFor(anyUrl()));
        }

        @ParameterizedTest
        @ValueSource(strings = {"/socialbridge/files/42/7?sig=abc", "files/42", "ftp://rt.example.com/f.pdf",
                "file:///etc/passwd", "javascript:alert(1)", "https://", "https:///nohost", "https://rt.example.com/a b",
                "mailto:support@example.com", " "})
        void aLinkMetaCannotDownloadFailsWithoutACall(String url) {
            DeliveryResult r = client.deliver(fileDm(Platform.MESSENGER, PAGE, PSID, Duration.ofMinutes(1),
                    file(url, "image/png", "a.png")));
            assertEquals(new DeliveryResult.Failed(
                    "the file's link is not an absolute http(s) URL that Meta can download from"), r);
            graph.verify(0, anyRequestedFor(anyUrl()));
        }

        @Test
        void aPlainHttpLinkIsAccepted() {
            String http = "http://127.0.0.1:8080/socialbridge/files/42/7?sig=abc";
            assertEquals(new DeliveryResult.Delivered(DELIVERED_ID), client.deliver(fileDm(Platform.MESSENGER, PAGE, PSID,
                    Duration.ofMinutes(1), file(http, "audio/mpeg", "voice.mp3"))));
            graph.verify(1, postRequestedFor(urlPathEqualTo("/v25.0/" + PAGE + "/messages"))
                    .withRequestBody(equalToJson(attachmentBody(PSID, "RESPONSE", "audio", http, null))));
        }

        @Test
        void aGraphErrorOnAFileIsClassifiedAndNeverQuotesTheToken() {
            graph.stubFor(post(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"message\":\"(#100) Upload attachment failure for " + PAGE_TOKEN
                            + "\",\"type\":\"OAuthException\",\"code\":100,\"error_subcode\":2018047}}")));
            DeliveryResult.Failed r = assertInstanceOf(DeliveryResult.Failed.class, client.deliver(
                    fileDm(Platform.MESSENGER, PAGE, PSID, Duration.ofMinutes(1), file(FILES, "image/png", "a.png"))));
            assertTrue(r.reason().contains("subcode=2018047"), r.reason());
            assertFalse(r.reason().contains(PAGE_TOKEN), r.reason());
        }

        @Test
        void aConversationMessageOffersItsQuickRepliesAPrivateReplyDoesNot() {
            MetaAccount page = new MetaAccount(PAGE, Platform.FACEBOOK, null, PAGE_TOKEN);
            OutboundMessage question = new OutboundMessage("How many?", java.util.List.of("10", "More than 10 pieces!!"),
                    null);
            MetaGraphCall dm = MetaGraphCall.of(new OutboundAction.Reply(Platform.MESSENGER, PAGE, ReplyChannel.DM,
                    new ReplyTo(InteractionKind.DM, "t", "m1", null, null, PSID, PSID, Instant.now()), question), page);
            assertTrue(dm.body().contains("\"message\":{\"text\":\"How many?\",\"quick_replies\":["
                    + "{\"content_type\":\"text\",\"title\":\"10\",\"payload\":\"10\"},"
                    + "{\"content_type\":\"text\",\"title\":\"More than 10 pieces!\",\"payload\":\"More than 10 pieces!\"}]}"),
                    dm.body());
            MetaGraphCall privateReply = MetaGraphCall.of(new OutboundAction.Reply(Platform.FACEBOOK, PAGE,
                    ReplyChannel.PRIVATE, new ReplyTo(InteractionKind.COMMENT, "t", FB_COMMENT, null, null, null, PSID,
                    Instant.now()), question), page);
            assertFalse(privateReply.body().contains("quick_replies"), privateReply.body());
        }

        @Test
        void theCallDescribesItselfAsTheSendApiCallWithoutTheToken() {
            MetaAccount page = new MetaAccount(PAGE, Platform.FACEBOOK, null, PAGE_TOKEN);
            MetaGraphCall call = MetaGraphCall.of(fileDm(Platform.MESSENGER, PAGE, PSID, Duration.ofMinutes(1),
                    file(FILES, "image/png", "a.png")), page);
            assertEquals("POST /" + PAGE + "/messages", call.describe());
            assertTrue(call.json());
            assertNull(call.problem());
            assertFalse(call.body().contains(PAGE_TOKEN), call.body());
        }
    }
}
