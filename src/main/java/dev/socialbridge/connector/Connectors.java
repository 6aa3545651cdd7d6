package dev.socialbridge.connector;

import dev.socialbridge.config.LoadedConfig;
import dev.socialbridge.config.SettingValues;
import dev.socialbridge.connector.spi.ActionPolicy;
import dev.socialbridge.connector.spi.Connector;
import dev.socialbridge.connector.spi.ConnectorContext;
import dev.socialbridge.connector.spi.ConnectorFactory;
import dev.socialbridge.connector.spi.WebhookIngress;
import dev.socialbridge.connector.spi.WebhookParser;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.interaction.ReplyChannel;
import dev.socialbridge.interaction.TextLimit;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connectors of this process: every {@link ConnectorFactory} registered with {@link ServiceLoader}, and the
 * connectors built from the configured ones. Looks connectors up by id (webhook paths, journal sources) and by
 * platform (outbox actions, automation), and answers for all of them as one {@link ActionPolicy}. Immutable and
 * thread-safe once built; {@link #close()} closes every connector.
 */
public final class Connectors implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Connectors.class);
    /** Configuration prefix of every connector: {@code socialbridge.<id>.}. */
    public static final String PREFIX = "socialbridge.";
    /** Default largest attachment downloaded for the host. */
    public static final long DEFAULT_MAX_MEDIA_BYTES = 10L * 1024 * 1024;
    private static volatile List<ConnectorFactory> discovered;

    private final Map<String, Connector> byId;
    private final Map<Platform, Connector> byPlatform;
    private final ActionPolicy policy = new Policy();

    private Connectors(Collection<Connector> connectors) {
        Map<String, Connector> ids = new LinkedHashMap<>();
        Map<Platform, Connector> platforms = new EnumMap<>(Platform.class);
        for (Connector c : connectors) {
            ids.put(c.id(), c);
            c.platforms().forEach(p -> platforms.put(p, c));
        }
        this.byId = java.util.Collections.unmodifiableMap(ids);
        this.byPlatform = java.util.Collections.unmodifiableMap(platforms);
    }

    /**
     * Every registered factory, in registration order.
     *
     * @throws IllegalStateException when two factories share an id or a platform (a packaging error)
     */
    public static List<ConnectorFactory> factories() {
        List<ConnectorFactory> found = discovered;
        if (found == null) {
            List<ConnectorFactory> list = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            Set<Platform> platforms = java.util.EnumSet.noneOf(Platform.class);
            for (ConnectorFactory f : ServiceLoader.load(ConnectorFactory.class)) {
                if (!ids.add(f.id())) {
                    throw new IllegalStateException("two connector factories have the id '" + f.id() + "'");
                }
                for (Platform p : f.platforms()) {
                    if (!platforms.add(p)) {
                        throw new IllegalStateException("two connector factories speak for " + p.id());
                    }
                }
                list.add(f);
            }
            found = List.copyOf(list);
            discovered = found;
        }
        return found;
    }

    /** The registered factory with that id. */
    public static Optional<ConnectorFactory> factory(String id) {
        return factories().stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The configuration prefix of a connector: {@code socialbridge.<id>.}. */
    public static String prefix(ConnectorFactory factory) {
        return PREFIX + factory.id() + ".";
    }

    /** A factory's settings as configured. */
    public static SettingValues settings(ConnectorFactory factory, LoadedConfig config) {
        String prefix = prefix(factory);
        return SettingValues.of(prefix, factory.settings(), config.group(prefix, factory.settings()), config::value);
    }

    /**
     * Checks every connector's settings and builds the configured ones. Settings of a connector that is not
     * configured must still be known keys with valid values; a configured one must have its required settings and
     * pass its factory's own checks.
     *
     * @param problems receives every problem, each starting with its full key
     * @return the configured connectors, or null when there is any problem (none is built then)
     */
    public static Connectors configure(LoadedConfig config, Clock clock, long maxMediaBytes, List<String> problems) {
        int before = problems.size();
        unknownOwners(config, problems);
        List<ConnectorFactory> configured = new ArrayList<>();
        List<SettingValues> values = new ArrayList<>();
        for (ConnectorFactory f : factories()) {
            SettingValues v = settings(f, config);
            boolean on = f.isConfigured(v);
            problems.addAll(v.problems(on));
            if (on) {
                f.validate(v, problems);
                configured.add(f);
                values.add(v);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        List<Connector> built = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            built.add(configured.get(i).create(new ConnectorContext(values.get(i), clock, maxMediaBytes)));
        }
        LOG.debug("connectors started: {}", built.stream().map(Connector::id).toList());
        return new Connectors(built);
    }

    /** Keys under {@code socialbridge.<x>.} where {@code x} is neither a connector nor a group of the core settings. */
    private static void unknownOwners(LoadedConfig config, List<String> problems) {
        Set<String> owners = new java.util.TreeSet<>(dev.socialbridge.config.ConfigKeys.groups());
        factories().forEach(f -> owners.add(f.id()));
        for (String key : config.group(PREFIX).keySet()) {
            int dot = key.indexOf('.');
            if (dot > 0 && !owners.contains(key.substring(0, dot))) {
                problems.add(PREFIX + key + ": unknown setting (no connector or setting group '" + key.substring(0, dot)
                        + "'; connectors: " + String.join(", ", factories().stream().map(ConnectorFactory::id).toList()) + ")");
            }
        }
    }

    /** Every registered connector built from empty settings: platform knowledge only, for dry runs and tests. */
    public static Connectors unconfigured() {
        List<Connector> built = new ArrayList<>();
        for (ConnectorFactory f : factories()) {
            SettingValues empty = SettingValues.of(prefix(f), f.settings(), Map.of());
            built.add(f.create(new ConnectorContext(empty, Clock.systemUTC(), DEFAULT_MAX_MEDIA_BYTES)));
        }
        return new Connectors(built);
    }

    /** Connectors from explicit instances (tests). */
    public static Connectors of(Collection<Connector> connectors) {
        return new Connectors(connectors);
    }

    public Collection<Connector> all() {
        return byId.values();
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** Ids of the connectors, e.g. for messages naming what is configured. */
    public Set<String> ids() {
        return byId.keySet();
    }

    public Optional<Connector> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Connector> forPlatform(Platform platform) {
        return Optional.ofNullable(byPlatform.get(platform));
    }

    /** Webhook ingress by connector id (the path segment of {@code /webhooks/<id>}). */
    public Map<String, WebhookIngress> ingresses() {
        Map<String, WebhookIngress> out = new LinkedHashMap<>();
        byId.forEach((id, c) -> c.webhookIngress().ifPresent(i -> out.put(id, i)));
        return out;
    }

    /** Webhook parser by connector id (the journal source). */
    public Map<String, WebhookParser> parsers() {
        Map<String, WebhookParser> out = new LinkedHashMap<>();
        byId.forEach((id, c) -> out.put(id, c.parser()));
        return out;
    }

    /** Our own account ids on every platform (loop guard). */
    public Set<String> ownAccountIds() {
        Set<String> ids = new LinkedHashSet<>();
        byId.values().forEach(c -> ids.addAll(c.ownAccountIds()));
        return Set.copyOf(ids);
    }

    /** What automation may do, asked of each interaction's connector; a platform without one refuses everything. */
    public ActionPolicy actionPolicy() {
        return policy;
    }

    @Override
    public void close() {
        for (Connector c : byId.values()) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.warn("closing connector {}: {}", c.id(), e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "Connectors" + byId.keySet();
    }

    private final class Policy implements ActionPolicy {
        @Override
        public Optional<String> replyRefusal(Interaction interaction, ReplyChannel channel) {
            Connector c = byPlatform.get(interaction.platform());
            return c == null ? Optional.of(missing(interaction.platform())) : c.actionPolicy().replyRefusal(interaction, channel);
        }

        @Override
        public TextLimit textLimit(Platform platform, ReplyChannel channel) {
            Connector c = byPlatform.get(platform);
            return c == null ? TextLimit.chars(1000) : c.actionPolicy().textLimit(platform, channel);
        }

        @Override
        public Optional<String> hideRefusal(Interaction interaction) {
            Connector c = byPlatform.get(interaction.platform());
            return c == null ? Optional.of(missing(interaction.platform())) : c.actionPolicy().hideRefusal(interaction);
        }

        @Override
        public Optional<String> mediaRefusal(Platform platform, dev.socialbridge.interaction.InteractionKind kind,
                                             ReplyChannel channel, String mimeType) {
            Connector c = byPlatform.get(platform);
            return c == null ? Optional.of(missing(platform)) : c.actionPolicy().mediaRefusal(platform, kind, channel, mimeType);
        }

        @Override
        public int maxQuickReplies(Platform platform) {
            Connector c = byPlatform.get(platform);
            return c == null ? 0 : c.actionPolicy().maxQuickReplies(platform);
        }

        private String missing(Platform platform) {
            return "no connector for " + platform.id() + " is configured";
        }
    }
}
