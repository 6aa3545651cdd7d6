package dev.socialbridge.connector.whatsapp;

import dev.socialbridge.connector.meta.MetaAccountHealth;
import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.connector.spi.PlatformClient;
import dev.socialbridge.interaction.Platform;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends replies through the WhatsApp Cloud API ({@code POST /{phone-number-id}/messages}, Bearer token), one attempt
 * per call. What WhatsApp refuses is a result, never an exception; a number whose token was rejected is refused
 * without HTTP until the process restarts with a new token. Reasons never hold the token. Thread-safe.
 */
final class WhatsAppClient implements PlatformClient {
    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppClient.class);

    private final WhatsAppAccounts accounts;
    private final WhatsAppGraph graph;
    private final MetaAccountHealth health;
    private final Clock clock;

    WhatsAppClient(WhatsAppAccounts accounts, WhatsAppGraph graph, MetaAccountHealth health, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.graph = Objects.requireNonNull(graph, "graph");
        this.health = Objects.requireNonNull(health, "health");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws IllegalArgumentException for anything but a reply on WhatsApp (hiding, acknowledgements, other
     *                                  platforms): the action policy never plans those
     */
    @Override
    public DeliveryResult deliver(OutboundAction action) {
        if (!(action instanceof OutboundAction.Reply reply) || action.platform() != Platform.WHATSAPP) {
            throw new IllegalArgumentException("the WhatsApp client only sends replies on WhatsApp, not "
                    + action.getClass().getSimpleName() + " on " + action.platform());
        }
        Optional<MetaAccountHealth.InvalidAccount> invalid = health.get(reply.accountId());
        if (invalid.isPresent()) {
            return new DeliveryResult.AccountInvalid("WhatsApp number " + reply.accountId() + " is marked invalid: "
                    + invalid.get().reason());
        }
        Optional<WhatsAppAccount> account = accounts.find(reply.accountId());
        if (account.isEmpty()) {
            return new DeliveryResult.AccountInvalid("no WhatsApp number configured with phone number id "
                    + reply.accountId());
        }
        WhatsAppReplyBody body = WhatsAppReplyBody.of(reply, clock.instant());
        DeliveryResult result = body.refusal() != null ? body.refusal() : send(account.get(), body.json());
        LOG.debug("WhatsApp reply from {} -> {}", reply.accountId(), result);
        return result;
    }

    private DeliveryResult send(WhatsAppAccount account, String json) {
        String describe = "POST /" + account.phoneNumberId() + "/messages";
        HttpRequest request = graph.authorised(graph.uri(account.phoneNumberId() + "/messages"),
                account.accessToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        WhatsAppGraph.Exchange exchange = graph.send(request, describe);
        if (exchange.failure() != null) {
            return exchange.failure();
        }
        HttpResponse<String> response = exchange.response();
        DeliveryResult result = WhatsAppGraphResponses.classify(response.statusCode(),
                response.body(), response.headers()).redacted(account.accessToken());
        if (result instanceof DeliveryResult.AccountInvalid rejected) {
            health.markInvalid(account.phoneNumberId(), rejected.reason());
            LOG.warn("WhatsApp number {} marked invalid: {}", account.phoneNumberId(), rejected.reason());
        }
        return result;
    }

    @Override
    public String toString() {
        return "WhatsAppClient[" + graph + ", numbers=" + accounts.all().size() + "]";
    }
}
