package dev.socialbridge.connector.meta;

import dev.socialbridge.config.Secret;
import dev.socialbridge.config.SettingValues;
import dev.socialbridge.connector.spi.ActionPolicy;
import dev.socialbridge.connector.spi.AuthorAudienceLookup;
import dev.socialbridge.connector.spi.AuthorProfileLookup;
import dev.socialbridge.connector.spi.Connector;
import dev.socialbridge.connector.spi.ConnectorContext;
import dev.socialbridge.connector.spi.InteractionFetcher;
import dev.socialbridge.connector.spi.MediaFetcher;
import dev.socialbridge.connector.spi.PlatformClient;
import dev.socialbridge.connector.spi.WebhookIngress;
import dev.socialbridge.connector.spi.WebhookParser;
import dev.socialbridge.interaction.Platform;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Instagram, Facebook Pages and Messenger: signed webhooks on {@code /webhooks/meta} (a WhatsApp object posted
 * there goes to the WhatsApp connector), the Graph API for replies, private replies, DMs, replies under @mentions,
 * hiding and deleting comments, blocking Messenger users, @mention read-back, follower counts, and attachment
 * downloads.
 */
final class MetaConnector implements Connector {
    /** Meta {@code object} values the app's webhook carries, and the connector that parses each. */
    static final Map<String, String> OBJECT_ROUTES = Map.of(
            "instagram", MetaConnectorFactory.ID,
            "page", MetaConnectorFactory.ID,
            "whatsapp_business_account", "whatsapp");

    private final MetaAccounts accounts;
    private final MetaGraphClient graph;
    private final MetaWebhookParser parser;
    private final Optional<WebhookIngress> ingress;
    private final MetaMediaFetcher media;
    private final ActionPolicy policy = new MetaActionPolicy();

    MetaConnector(ConnectorContext context) {
        SettingValues s = context.settings();
        this.accounts = MetaAccounts.from(s);
        this.graph = new MetaGraphClient(accounts, new MetaAccountHealth(context.clock()), MetaGraphClient.Settings.defaults()
                .withBaseUrl(s.get(MetaSettings.GRAPH_BASE_URL)).withVersion(s.get(MetaSettings.GRAPH_VERSION)));
        this.parser = MetaWebhookParser.forAccounts(accounts);
        Optional<Secret> appSecret = s.secret(MetaSettings.APP_SECRET);
        this.ingress = appSecret.map(secret -> new MetaWebhookIngress(OBJECT_ROUTES, new MetaSignatureVerifier(secret.reveal()),
                s.secret(MetaSettings.VERIFY_TOKEN).orElse(null), s.fullKey(MetaSettings.VERIFY_TOKEN)));
        this.media = new MetaMediaFetcher(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL).build());
    }

    @Override
    public String id() {
        return MetaConnectorFactory.ID;
    }

    @Override
    public Set<Platform> platforms() {
        return Set.of(Platform.INSTAGRAM, Platform.FACEBOOK, Platform.MESSENGER);
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
        return graph;
    }

    @Override
    public Set<String> ownAccountIds() {
        return accounts.ownIds();
    }

    @Override
    public ActionPolicy actionPolicy() {
        return policy;
    }

    @Override
    public Optional<InteractionFetcher> interactionFetcher() {
        return Optional.of(graph);
    }

    @Override
    public Optional<AuthorAudienceLookup> audienceLookup() {
        return Optional.of(graph);
    }

    @Override
    public Optional<AuthorProfileLookup> profileLookup() {
        return Optional.of(graph);
    }

    @Override
    public Optional<MediaFetcher> mediaFetcher() {
        return Optional.of(media);
    }

    @Override
    public String toString() {
        return "MetaConnector[" + accounts.all().size() + " account(s)]";
    }
}
