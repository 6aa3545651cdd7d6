package dev.socialbridge.connector.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialbridge.connector.spi.AuthorAudienceLookup;
import dev.socialbridge.connector.spi.AuthorProfileLookup;
import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.connector.spi.InteractionFetcher;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.connector.spi.PlatformClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graph API client for Instagram, Facebook Page comments and Messenger: public replies, private replies,
 * DMs (text, or one file as a Send API attachment Meta downloads from its URL), replies to @mentions, hide/unhide and deletion of comments, blocking Messenger users, and lookups of
 * an @mention's text and author of an author's follower count and of a DM sender's name; one attempt per call (the outbox owns
 * retries). Thread-safe. Tokens travel as the
 * {@code access_token} form field (form POSTs) or query parameter (JSON {@code /messages} calls, DELETEs) and
 * never reach logs or results. Accounts marked in {@link MetaAccountHealth} are refused without HTTP.
 */
public final class MetaGraphClient implements PlatformClient, InteractionFetcher, AuthorAudienceLookup,
        AuthorProfileLookup {

    public static final String DEFAULT_BASE_URL = "https://graph.facebook.com";
    public static final String DEFAULT_VERSION = "v25.0";

    private static final Logger LOG = LoggerFactory.getLogger(MetaGraphClient.class);
    private static final ObjectMapper LOOKUP_JSON = new ObjectMapper();
    /** Lookups hold an interaction back: they get less time than the configured request timeout. */
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);

    /**
     * @param baseUrl        scheme + host (+ port), no version; WireMock in tests
     * @param version        Graph version segment, e.g. {@code v25.0}
     * @param connectTimeout TCP/TLS connect timeout
     * @param requestTimeout whole-request timeout
     */
    public record Settings(String baseUrl, String version, Duration connectTimeout, Duration requestTimeout) {
        public Settings {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
            String scheme = URI.create(baseUrl).getScheme();
            if (!"https".equals(scheme) && !"http".equals(scheme)) {
                throw new IllegalArgumentException("Graph base URL must be http(s): " + baseUrl);
            }
            if (version.isBlank() || version.contains("/")) {
                throw new IllegalArgumentException("Graph version must be a single path segment such as v25.0: " + version);
            }
        }

        public static Settings defaults() {
            return new Settings(DEFAULT_BASE_URL, DEFAULT_VERSION, Duration.ofSeconds(5), Duration.ofSeconds(20));
        }

        public Settings withBaseUrl(String url) {
            return new Settings(url, version, connectTimeout, requestTimeout);
        }

        public Settings withVersion(String v) {
            return new Settings(baseUrl, v, connectTimeout, requestTimeout);
        }

        public Settings withTimeouts(Duration connect, Duration request) {
            return new Settings(baseUrl, version, connect, request);
        }
    }

    private final MetaAccounts accounts;
    private final MetaAccountHealth health;
    private final Settings settings;
    private final HttpClient http;
    private final Clock clock;

    public MetaGraphClient(MetaAccounts accounts, MetaAccountHealth health, Settings settings) {
        this(accounts, health, settings, HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build(), Clock.systemUTC());
    }

    MetaGraphClient(MetaAccounts accounts, MetaAccountHealth health, Settings settings, HttpClient http, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.health = Objects.requireNonNull(health, "health");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws IllegalArgumentException for an action the platform has no call for (e.g. a public reply on
     *                                  MESSENGER, a non-Meta platform): a programming error
     */
    @Override
    public DeliveryResult deliver(OutboundAction action) {
        Objects.requireNonNull(action, "action");
        Acting acting = acting(action.accountId());
        if (acting.refusal() != null) {
            return acting.refusal();
        }
        MetaGraphCall call = MetaGraphCall.of(action, acting.account(), clock.instant());
        if (call.problem() != null) {
            return call.refused() ? new DeliveryResult.NotSendable(call.problem()) : new DeliveryResult.Failed(call.problem());
        }
        DeliveryResult result = send(call, acting.account());
        LOG.debug("{} for account {} -> {}", call.describe(), action.accountId(), result);
        return result;
    }

    @Override
    public boolean canFetch(Interaction partial) {
        return MetaMentions.isPartialMention(partial);
    }

    @Override
    public boolean needsFetch(Interaction interaction) {
        return MetaMentions.isPartialMention(interaction) && interaction.attachments().isEmpty();
    }

    /**
     * Reads an Instagram @mention back ({@code mentioned_comment} / {@code mentioned_media}).
     *
     * @throws IllegalArgumentException when {@link #canFetch} is false for {@code partial}
     */
    @Override
    public FetchResult fetch(Interaction partial) {
        if (!canFetch(partial)) {
            throw new IllegalArgumentException("the Meta client cannot look up a " + partial.kind().id() + " on "
                    + partial.platform().id());
        }
        String commentId = MetaMentions.commentIdOf(partial);
        if (!MetaGraphCall.isId(partial.postId()) || (commentId != null && !MetaGraphCall.isId(commentId))) {
            return notFetched(new DeliveryResult.Failed("invalid id in mention " + partial.itemId()));
        }
        GraphGet answer = get(partial.accountId(), MetaMentions.lookupPathAndQuery(partial), "GET /" + partial.accountId()
                + " mentioned_" + (commentId != null ? "comment " + commentId : "media " + partial.postId()));
        if (answer.failure() != null) {
            return notFetched(answer.failure());
        }
        Interaction complete = MetaMentions.complete(partial, answer.json());
        return complete != null ? new FetchResult.Fetched(complete)
                : notFetched(new DeliveryResult.NotSendable("the mention is no longer visible: " + answer.describe()));
    }

    @Override
    public boolean canLookUp(Interaction interaction) {
        return MetaAudience.canLookUp(interaction);
    }

    /**
     * The author's follower count through Business Discovery ({@code business_discovery.username(...)}), which
     * only knows business and creator accounts: any other author is {@link AudienceResult.Unavailable}.
     */
    @Override
    public AudienceResult lookUp(Interaction interaction) {
        if (!canLookUp(interaction)) {
            throw new IllegalArgumentException("no audience lookup for this author on " + interaction.platform().id());
        }
        String handle = interaction.author().handle();
        GraphGet answer = get(interaction.accountId(), MetaAudience.lookupPathAndQuery(interaction),
                "GET /" + interaction.accountId() + " business_discovery " + handle);
        if (answer.failure() instanceof DeliveryResult.Retry || answer.failure() instanceof DeliveryResult.AccountInvalid) {
            return new AudienceResult.NotLookedUp(answer.failure());
        }
        if (answer.failure() != null) {
            return new AudienceResult.Unavailable(reasonOf(answer.failure()));
        }
        Long followers = MetaAudience.followers(answer.json());
        return followers != null ? new AudienceResult.Found(followers)
                : new AudienceResult.Unavailable("no follower count for @" + handle);
    }

    @Override
    public boolean canLookUpProfile(Interaction interaction) {
        return MetaProfiles.canLookUp(interaction);
    }

    /**
     * The sender's name (and Instagram username) through the Messenger User Profile API or the Instagram user
     * profile: a refusal (e.g. {@code (#100)} without permission, a deleted user) is {@link ProfileResult.Unavailable};
     * a timeout, a server error or a rate limit is {@link ProfileResult.NotLookedUp}.
     */
    @Override
    public ProfileResult lookUpProfile(Interaction interaction) {
        if (!canLookUpProfile(interaction)) {
            throw new IllegalArgumentException("no profile lookup for this author on " + interaction.platform().id());
        }
        GraphGet answer = get(interaction.accountId(), MetaProfiles.lookupPathAndQuery(interaction),
                "GET /" + interaction.author().id() + " profile");
        if (answer.failure() instanceof DeliveryResult.Retry || answer.failure() instanceof DeliveryResult.AccountInvalid) {
            return new ProfileResult.NotLookedUp(answer.failure());
        }
        if (answer.failure() != null) {
            return new ProfileResult.Unavailable(reasonOf(answer.failure()));
        }
        String name = MetaProfiles.displayName(answer.json());
        String handle = MetaProfiles.handle(answer.json());
        return name == null && handle == null ? new ProfileResult.Unavailable("the profile names nobody")
                : new ProfileResult.Found(name, handle);
    }

    /** A GET answer: the JSON object of a 2xx answer, or the classified failure. */
    private record GraphGet(JsonNode json, DeliveryResult failure, String describe) { }

    private GraphGet get(String accountId, String pathAndQuery, String describe) {
        Acting acting = acting(accountId);
        if (acting.refusal() != null) {
            return new GraphGet(null, acting.refusal(), describe);
        }
        if (!MetaGraphCall.isId(accountId)) {
            return new GraphGet(null, new DeliveryResult.Failed("invalid account id " + accountId), describe);
        }
        String token = acting.account().accessToken();
        HttpRequest request = HttpRequest.newBuilder()
                .uri(URI.create(settings.baseUrl() + "/" + settings.version() + "/" + pathAndQuery + "&access_token="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .timeout(settings.requestTimeout().compareTo(LOOKUP_TIMEOUT) < 0 ? settings.requestTimeout() : LOOKUP_TIMEOUT)
                .header("Accept", "application/json").GET().build();
        Exchange exchange = exchange(request, describe, acting.account());
        if (exchange.failure() != null) {
            return new GraphGet(null, exchange.failure(), describe);
        }
        HttpResponse<String> response = exchange.response();
        JsonNode json = parseObject(response.body());
        if (response.statusCode() / 100 == 2 && json != null && !json.has("error")) {
            return new GraphGet(json, null, describe);
        }
        DeliveryResult result = classify(response, acting.account());
        return new GraphGet(null, result instanceof DeliveryResult.Delivered
                ? new DeliveryResult.Failed("unexpected answer to " + describe) : result, describe);
    }

    /** The account to act for, or the {@link DeliveryResult.AccountInvalid} that refuses the call without HTTP. */
    private record Acting(MetaAccount account, DeliveryResult refusal) { }

    private Acting acting(String accountId) {
        Optional<MetaAccountHealth.InvalidAccount> invalid = health.get(accountId);
        if (invalid.isPresent()) {
            return new Acting(null, new DeliveryResult.AccountInvalid("account " + accountId + " is marked invalid: "
                    + invalid.get().reason()));
        }
        return accounts.find(accountId).map(a -> new Acting(a, null)).orElseGet(() ->
                new Acting(null, new DeliveryResult.AccountInvalid("no Meta account configured with id " + accountId)));
    }

    /** One HTTP exchange: the response, or the {@link DeliveryResult.Retry} for a timeout or an I/O error. */
    private record Exchange(HttpResponse<String> response, DeliveryResult failure) { }

    private Exchange exchange(HttpRequest request, String describe, MetaAccount account) {
        try {
            return new Exchange(http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)), null);
        } catch (HttpTimeoutException e) {
            return new Exchange(null, new DeliveryResult.Retry("timeout: " + describe, null));
        } catch (IOException e) {
            DeliveryResult failure = new DeliveryResult.Retry("I/O error on " + describe + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), null);
            return new Exchange(null, failure.redacted(account.accessToken()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exchange(null, new DeliveryResult.Retry("interrupted: " + describe, null));
        }
    }

    /** What a Graph answer means for the outbox; a rejected token flags the account. */
    private DeliveryResult classify(HttpResponse<String> response, MetaAccount account) {
        DeliveryResult result = MetaGraphResponses.classify(response.statusCode(), response.body(),
                response.headers(), clock.instant()).redacted(account.accessToken());
        if (result instanceof DeliveryResult.AccountInvalid ai) {
            health.markInvalid(account.id(), ai.reason());
            LOG.warn("Meta account {} marked invalid: {}", account.id(), ai.reason());
        }
        return result;
    }

    private static String reasonOf(DeliveryResult r) {
        return r instanceof DeliveryResult.NotSendable n ? n.reason()
                : r instanceof DeliveryResult.Failed f ? f.reason() : r.toString();
    }

    private static FetchResult notFetched(DeliveryResult status) {
        return new FetchResult.NotFetched(status);
    }

    private static JsonNode parseObject(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : LOOKUP_JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private DeliveryResult send(MetaGraphCall call, MetaAccount account) {
        String token = URLEncoder.encode(account.accessToken(), StandardCharsets.UTF_8);
        String uri = settings.baseUrl() + "/" + settings.version() + "/" + call.path();
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(settings.requestTimeout())
                .header("Accept", "application/json");
        if (call.method() == MetaGraphCall.Method.DELETE) {
            request.uri(URI.create(uri + "?access_token=" + token)).DELETE();
        } else if (call.json()) {
            request.uri(URI.create(uri + "?access_token=" + token)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
        } else {
            request.uri(URI.create(uri)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(call.body() + "&access_token=" + token,
                            StandardCharsets.UTF_8));
        }
        Exchange exchange = exchange(request.build(), call.describe(), account);
        if (exchange.failure() != null) {
            return exchange.failure();
        }
        if (call.method() == MetaGraphCall.Method.DELETE
                && MetaGraphResponses.isGone(exchange.response().statusCode(), exchange.response().body())) {
            return new DeliveryResult.Delivered(null);   // a retried deletion: the first one went through
        }
        DeliveryResult result = classify(exchange.response(), account);
        return call.confirmedBy() == null ? result : MetaGraphResponses.confirmed(result, exchange.response().body(),
                call.confirmedBy(), call.describe()).redacted(account.accessToken());
    }

    @Override
    public String toString() {
        return "MetaGraphClient[" + settings.baseUrl() + "/" + settings.version() + ", accounts=" + accounts.all().size() + "]";
    }
}
