package dev.socialbridge.app;

import dev.socialbridge.config.ConfigLoader;
import dev.socialbridge.config.LoadedConfig;
import dev.socialbridge.config.SocialBridgeConfig;
import dev.socialbridge.store.Database;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that need configuration. */
final class CommonOptions {
    static final int H2_QUERY_CACHE = 128;
    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with settings (overrides config/application.properties; environment variables override it).")
    Path config;

    LoadedConfig load() {
        String home = System.getProperty("socialbridge.home");
        return ConfigLoader.load(config, home == null ? null : Path.of(home));
    }

    /** Opens (and migrates) the configured store with a pool of {@code poolSize} connections. */
    static Database openStore(SocialBridgeConfig.Store s, int poolSize) {
        return Database.open(tuned(s.jdbcUrl()), s.user().orElse(null), s.password().map(p -> p.reveal()).orElse(null),
                poolSize);
    }

    /**
     * {@code jdbcUrl} with the store settings the plugin needs: an H2 URL gets a parsed-statement cache of
     * {@value #H2_QUERY_CACHE} per connection unless it sets one (H2 keeps 8; the pipeline runs ~30 distinct statements
     * per message, so each was parsed again every time). Other URLs are unchanged.
     */
    static String tuned(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:") || jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains(";QUERY_CACHE_SIZE=")) {
            return jdbcUrl;
        }
        return jdbcUrl + ";QUERY_CACHE_SIZE=" + H2_QUERY_CACHE;
    }

    /** The configured store, with the two connections a command needs. */
    static Database openStore(LoadedConfig config) {
        return openStore(config.typed().store(), 2);
    }
}
