package dev.socialbridge.connector.whatsapp;

import dev.socialbridge.config.Secret;
import dev.socialbridge.config.SettingValues;
import dev.socialbridge.connector.meta.MetaAccountHealth;
import dev.socialbridge.connector.meta.MetaSignatureVerifier;
import dev.socialbridge.connector.meta.MetaWebhookIngress;
import dev.socialbridge.connector.spi.ActionPolicy;
import dev.socialbridge.connector.spi.Connector;
import dev.socialbridge.connector.spi.ConnectorContext;
import dev.socialbridge.connector.spi.MediaFetcher;
import dev.socialbridge.connector.spi.PlatformClient;
import dev.socialbridge.connector.spi.WebhookIngress;
import dev.socialbridge.connector.spi.WebhookParser;
import dev.socialbridge.interaction.Platform;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * WhatsApp Cloud API: webhooks signed by the Meta app on {@code /webhooks/whatsapp} (and on {@code /webhooks/meta},
 * where the Meta connector routes them here), replies through {@code /{phone-number-id}/messages}, blocks through
 * {@code /{phone-number-id}/block_users}, and downloads of the customers' media. Messages cannot be deleted or hidden.
 */
final class WhatsAppConnector implements Connector {
    /** The only Meta {@code object} this connector's webhook takes. */
    static final Map<String, String> OBJECT_ROUTES = Map.of(WhatsAppChange.OBJECT, WhatsAppConnectorFactory.ID);

    private final WhatsAppAccounts accounts;
    private final WhatsAppWebhookParser parser;
    private final WhatsAppClient client;
    private final WhatsAppMediaFetcher media;
    private final Optional<WebhookIngress> ingress;
    private final ActionPolicy policy = new WhatsAppActionPolicy();

    WhatsAppConnector(ConnectorContext context) {
        SettingValues s = context.settings();
        this.accounts = WhatsAppAccounts.from(s);
        this.parser = new WhatsAppWebhookParser(accounts);
        String baseUrl = s.get(WhatsAppSettings.GRAPH_BASE_URL);
        String version = s.get(WhatsAppSettings.GRAPH_VERSION);
        WhatsAppGraph graph = new WhatsAppGraph(baseUrl, version,
                WhatsAppGraph.newHttpClient(HttpClient.Redirect.NEVER));
        this.client = new WhatsAppClient(accounts, graph, new MetaAccountHealth(context.clock()), context.clock());
        this.media = new WhatsAppMediaFetcher(accounts, graph, WhatsAppGraph.newHttpClient(HttpClient.Redirect.NORMAL));
        Secret verifyToken = s.global(WhatsAppSettings.META_VERIFY_TOKEN).map(Secret::new).orElse(null);
        this.ingress = s.global(WhatsAppSettings.META_APP_SECRET).map(secret -> new MetaWebhookIngress(OBJECT_ROUTES,
                new MetaSignatureVerifier(secret), verifyToken, WhatsAppSettings.META_VERIFY_TOKEN));
    }

    @Override
    public String id() {
        return WhatsAppConnectorFactory.ID;
    }

    @Override
    public Set<Platform> platforms() {
        return Set.of(Platform.WHATSAPP);
    }

    @Override
    public Optional<WebhookIngress> webhookIngress() {
        return ingress;
    }

    @Override
    public WebhookParser parser() {
        return parser;
    }

    @Override
    public PlatformClient client() {
        return client;
    }

    @Override
    public Set<String> ownAccountIds() {
        return accounts.phoneNumberIds();
    }

    @Override
    public ActionPolicy actionPolicy() {
        return policy;
    }

    @Override
    public Optional<MediaFetcher> mediaFetcher() {
        return Optional.of(media);
    }

    @Override
    public String toString() {
        return "WhatsAppConnector[" + accounts.all().size() + " number(s)]";
    }
}
