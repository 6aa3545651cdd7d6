package dev.socialbridge.app;

import dev.socialbridge.config.ConfigLoader;
import dev.socialbridge.config.LoadedConfig;
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
}
