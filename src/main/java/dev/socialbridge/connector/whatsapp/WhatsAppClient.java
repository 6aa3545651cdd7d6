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
 * Sends replies (texts, and files WhatsApp downloads from their link) through the WhatsApp Cloud API
 * ({@code POST /{phone-number-id}/messages}, Bearer token) and blocks customers
 * ({@code POST /{phone-number-id}/block_users}), one attempt per call. What WhatsApp refuses is a result, never an
 * exception; deleting or hiding a message is refused without HTTP (WhatsApp offers neither to the business).
 * A number whose token was rejected is refused without HTTP until the process restarts with a new token. Reasons
 * never hold the token. Thread-safe.
 */
final class WhatsAppClient implements PlatformClient {
    static final String CANNOT_DELETE_OR_HIDE = "WhatsApp messages cannot be deleted or hidden by the business: the"
            + " message stays in the customer's chat; to stop them writing, block them (possible within 24 hours of"
            + " their last message)";
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
     * Sends a reply, blocks a customer, or refuses a delete or hide ({@link DeliveryResult.NotSendable}, no HTTP).
     *
     * @throws IllegalArgumentException for an acknowledgement or an action on another platform: never planned here
     */
    @Override
    public DeliveryResult deliver(OutboundAction action) {
        if (action.platform() != Platform.WHATSAPP || action instanceof OutboundAction.Acknowledge) {
            throw new IllegalArgumentException("the WhatsApp client only sends replies and blocks on WhatsApp, not "
                    + action.getClass().getSimpleName() + " on " + action.platform());
        }
        if (action instanceof OutboundAction.Delete || action instanceof OutboundAction.SetHidden) {
            return new DeliveryResult.NotSendable(CANNOT_DELETE_OR_HIDE);
        }
        Optional<MetaAccountHealth.InvalidAccount> invalid = health.get(action.accountId());
        if (invalid.isPresent()) {
            return new DeliveryResult.AccountInvalid("WhatsApp number " + action.accountId() + " is marked invalid: "
                    + invalid.get().reason());
        }
        Optional<WhatsAppAccount> account = accounts.find(action.accountId());
        if (account.isEmpty()) {
            return new DeliveryResult.AccountInvalid("no WhatsApp number configured with phone number id "
                    + action.accountId());
        }
        DeliveryResult result;
        if (action instanceof OutboundAction.Reply reply) {
            WhatsAppReplyBody body = WhatsAppReplyBody.of(reply, clock.instant());
            result = body.refusal() != null ? body.refusal() : send(account.get(), body.json());
        } else {
            WhatsAppBlock block = WhatsAppBlock.of((OutboundAction.Block) action);
            result = block.refusal() != null ? block.refusal() : block(account.get(), block);
        }
        LOG.debug("WhatsApp {} from {} -> {}", action.getClass().getSimpleName(), action.accountId(), result);
        return result;
    }

    private DeliveryResult send(WhatsAppAccount account, String json) {
        WhatsAppGraph.Exchange exchange = post(account, "messages", json);
        if (exchange.failure() != null) {
            return exchange.failure();
        }
        HttpResponse<String> response = exchange.response();
        return classified(account, response);
    }

    /** A block: WhatsApp's per-user refusal first (it comes with HTTP 400), then the errors replies have. */
    private DeliveryResult block(WhatsAppAccount account, WhatsAppBlock block) {
        WhatsAppGraph.Exchange exchange = post(account, "block_users", block.json());
        if (exchange.failure() != null) {
            return exchange.failure();
        }
        HttpResponse<String> response = exchange.response();
        DeliveryResult.NotSendable refused = WhatsAppBlock.refused(block.user(), response.body());
        if (refused != null) {
            return refused.redacted(account.accessToken());
        }
        DeliveryResult result = classified(account, response);
        return result instanceof DeliveryResult.Delivered ? WhatsAppBlock.blocked(block.user(), response.body()) : result;
    }

    /** {@code POST /{phone-number-id}/{edge}} with a JSON body. */
    private WhatsAppGraph.Exchange post(WhatsAppAccount account, String edge, String json) {
        String path = account.phoneNumberId() + "/" + edge;
        HttpRequest request = graph.authorised(graph.uri(path), account.accessToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        return graph.send(request, "POST /" + path);
    }

    /** The answer as a result (Cloud API error codes); a rejected token marks the number invalid. */
    private DeliveryResult classified(WhatsAppAccount account, HttpResponse<String> response) {
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
