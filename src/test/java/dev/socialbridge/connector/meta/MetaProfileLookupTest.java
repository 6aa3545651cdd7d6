package dev.socialbridge.connector.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialbridge.connector.spi.AuthorProfileLookup.ProfileResult;
import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Names of DM senders through the Messenger User Profile API and the Instagram user profile, against the WireMock
 * stand-in's documented answers ({@code test-fixtures/wiremock/meta}): found, {@code (#100)} refusals, timeouts.
 */
class MetaProfileLookupTest {

    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("test-fixtures/wiremock/meta"))
            .failOnUnmatchedRequests(true)
            .build();

    private static final String PAGE_TOKEN = "EAAG-page-test-token";
    private static final String IG_TOKEN = "EAAG-ig-test-token";
    private static final String PAGE = MetaFixtures.PAGE;
    private static final String IG_ACCOUNT = MetaFixtures.IG_ACCOUNT;
    private static final String PSID = "7010000000000001";
    private static final String IGSID = "6541230000000003";

    private MetaGraphClient client;

    @BeforeEach
    void setUp() {
        client = client(Duration.ofSeconds(10));
    }

    private MetaGraphClient client(Duration requestTimeout) {
        MetaAccounts accounts = new MetaAccounts(List.of(
                new MetaAccount(IG_ACCOUNT, Platform.INSTAGRAM, PAGE, IG_TOKEN),
                new MetaAccount(PAGE, Platform.FACEBOOK, null, PAGE_TOKEN)));
        return new MetaGraphClient(accounts, new MetaAccountHealth(), MetaGraphClient.Settings.defaults()
                .withBaseUrl(graph.baseUrl()).withTimeouts(Duration.ofSeconds(2), requestTimeout));
    }

    private static Interaction dm(Platform platform, String account, Author author) {
        return new Interaction(platform, InteractionKind.DM, account, platform.id() + ":dm:" + account + ":" + author.id(),
                "m_1", null, null, author, "Bonjour, ma commande n'est pas arrivée", List.of(), null, null,
                Instant.parse("2026-11-22T09:12:30Z"), false, null, null, 0L);
    }

    @Test
    void messengerUserProfileGivesTheName() {
        ProfileResult r = client.lookUpProfile(dm(Platform.MESSENGER, PAGE, Author.of(PSID)));
        assertEquals(new ProfileResult.Found("Camille Martin", null), r);
        graph.verify(1, getRequestedFor(urlPathEqualTo("/v25.0/" + PSID))
                .withQueryParam("fields", equalTo("name,first_name,last_name"))
                .withQueryParam("access_token", equalTo(PAGE_TOKEN)));
    }

    @Test
    void instagramUserProfileGivesNameAndUsername() {
        ProfileResult r = client.lookUpProfile(dm(Platform.INSTAGRAM, IG_ACCOUNT, Author.of(IGSID)));
        assertEquals(new ProfileResult.Found("Léa Dubois", "lea.dubois"), r);
        graph.verify(1, getRequestedFor(urlPathEqualTo("/v25.0/" + IGSID))
                .withQueryParam("fields", equalTo("name,username"))
                .withQueryParam("access_token", equalTo(IG_TOKEN)));
    }

    @Test
    void aGraphRefusalIsUnavailableSoThatItIsCachedAsSuch() {
        ProfileResult r = client.lookUpProfile(dm(Platform.MESSENGER, PAGE, Author.of("7010000000000002")));
        ProfileResult.Unavailable u = assertInstanceOf(ProfileResult.Unavailable.class, r);
        assertTrue(u.reason().contains("(#100)"), u.reason());
        assertFalse(u.reason().contains(PAGE_TOKEN));
    }

    @Test
    void onlyFirstAndLastNameMakeTheName() {
        graph.stubFor(get(urlPathEqualTo("/v25.0/7010000000000009")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"first_name\":\"Zoé\",\"last_name\":\"Faure\",\"id\":\"7010000000000009\"}")));
        assertEquals(new ProfileResult.Found("Zoé Faure", null),
                client.lookUpProfile(dm(Platform.MESSENGER, PAGE, Author.of("7010000000000009"))));
    }

    @Test
    void anAnswerWithoutNameIsUnavailable() {
        graph.stubFor(get(urlPathEqualTo("/v25.0/7010000000000008")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"7010000000000008\"}")));
        assertInstanceOf(ProfileResult.Unavailable.class,
                client.lookUpProfile(dm(Platform.MESSENGER, PAGE, Author.of("7010000000000008"))));
    }

    @Test
    void aTimeoutIsNotLookedUpAndLeftToARetry() {
        graph.stubFor(get(urlPathEqualTo("/v25.0/" + PSID)).atPriority(1).willReturn(aResponse().withFixedDelay(1500)
                .withHeader("Content-Type", "application/json").withBody("{\"name\":\"Camille Martin\"}")));
        ProfileResult r = client(Duration.ofMillis(300)).lookUpProfile(dm(Platform.MESSENGER, PAGE, Author.of(PSID)));
        assertInstanceOf(DeliveryResult.Retry.class, assertInstanceOf(ProfileResult.NotLookedUp.class, r).status());
    }

    @Test
    void aServerErrorIsNotLookedUp() {
        graph.stubFor(get(urlPathEqualTo("/v25.0/" + IGSID)).atPriority(1).willReturn(aResponse().withStatus(503)));
        ProfileResult r = client.lookUpProfile(dm(Platform.INSTAGRAM, IG_ACCOUNT, Author.of(IGSID)));
        assertInstanceOf(DeliveryResult.Retry.class, assertInstanceOf(ProfileResult.NotLookedUp.class, r).status());
    }

    @Test
    void onlyUnnamedDmSendersWithAPlausibleIdAreLookedUp() {
        assertTrue(client.canLookUpProfile(dm(Platform.MESSENGER, PAGE, Author.of(PSID))));
        assertFalse(client.canLookUpProfile(dm(Platform.MESSENGER, PAGE, new Author(PSID, null, "Camille", null, false))));
        assertFalse(client.canLookUpProfile(dm(Platform.INSTAGRAM, IG_ACCOUNT, new Author(IGSID, "lea", null, null, false))));
        assertFalse(client.canLookUpProfile(dm(Platform.MESSENGER, PAGE, Author.of("7010?fields=x"))));
        assertFalse(client.canLookUpProfile(dm(Platform.FACEBOOK, PAGE, Author.of(PSID))));
        assertThrows(IllegalArgumentException.class, () -> client.lookUpProfile(dm(Platform.FACEBOOK, PAGE, Author.of(PSID))));
    }
}
