package dev.socialbridge.connector.spi;

import dev.socialbridge.config.SettingValues;
import java.time.Clock;
import java.util.Objects;

/**
 * What a connector is built from.
 *
 * @param settings      its settings ({@code socialbridge.<id>.*}), already validated when it is configured
 * @param clock         the clock to use for windows, rate limits and timestamps
 * @param maxMediaBytes largest attachment the connector downloads for the host ({@code socialbridge.media.max-bytes})
 */
public record ConnectorContext(SettingValues settings, Clock clock, long maxMediaBytes) {
    public ConnectorContext {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
    }
}
