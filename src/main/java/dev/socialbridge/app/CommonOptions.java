package dev.socialbridge.app;

import dev.socialbridge.config.ConfigLoader;
import dev.socialbridge.config.LoadedConfig;
import dev.socialbridge.config.SocialBridgeConfig;
import dev.socialbridge.store.Database;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that need configuration. */
final class CommonOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with settings (overrides config/application.properties; environment variables override it).")
    Path config;

    LoadedConfig load() {
        String home = System.getProperty("socialbridge.home");
        return ConfigLoader.load(config, home == null ? null : Path.of(home));
    }

    /** Opens (and migrates) the configured store with a pool of {@code poolSize} connections. */
    static Database openStore(SocialBridgeConfig.Store s, int poolSize) {
        return Database.open(s.jdbcUrl(), s.user().orElse(null), s.password().map(p -> p.reveal()).orElse(null), poolSize);
    }

    /** The configured store, with the two connections a command needs. */
    static Database openStore(LoadedConfig config) {
        return openStore(config.typed().store(), 2);
    }
}
