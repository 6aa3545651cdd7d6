package dev.socialbridge.connector.spi;

import dev.socialbridge.config.SettingSpec;
import dev.socialbridge.config.SettingValues;
import dev.socialbridge.interaction.Platform;
import java.util.List;
import java.util.Set;

/**
 * Creates the {@link Connector} of one platform family (Meta, WhatsApp, Telegram...). Discovered with
 * {@link java.util.ServiceLoader} from {@code META-INF/services/dev.socialbridge.connector.spi.ConnectorFactory};
 * ids must be unique. Only one instance of a factory exists per process; it is stateless and thread-safe.
 *
 * <p><b>Settings.</b> A connector's settings live under {@code socialbridge.<id>.} and are declared once, as data,
 * by {@link #settings()}: the configuration check, the README settings table, the example configuration and
 * the descriptor are all derived from that list. Unknown keys under the prefix are rejected.
 *
 * <p><b>Lifecycle.</b> {@code serve} starts only the connectors whose {@link #isConfigured} is true: their
 * declared settings are then checked (required ones included) and {@link #validate} adds the cross-field
 * checks; with no problem, {@link #create} builds the connector, which the caller owns and closes. A connector
 * must also be creatable from empty settings (dry runs such as {@code simulate}): it then knows no account and
 * refuses every delivery.
 */
public interface ConnectorFactory {

    /** Stable id: the config segment ({@code socialbridge.<id>.}), the webhook path ({@code /webhooks/<id>}) and the fixture folder. */
    String id();

    /** The platforms its connector speaks for; no two factories share one. */
    Set<Platform> platforms();

    /** Every setting under {@code socialbridge.<id>.}; keys are relative to that prefix. */
    List<SettingSpec> settings();

    /** Whether the admin set this connector up (then it is started and its required settings are required). */
    default boolean isConfigured(SettingValues settings) {
        return !settings.isEmpty();
    }

    /**
     * Checks that need several settings at once (the declared types, defaults and required keys are checked by
     * the caller); appends one problem per fault, each starting with the full key. Never throws for bad input.
     */
    default void validate(SettingValues settings, List<String> problems) {
    }

    /** Builds the connector; no I/O (the platform may be unreachable at startup). */
    Connector create(ConnectorContext context);

    /**
     * Command-line subcommands this connector adds under {@code bin/social-bridge <id> ...} (picocli command
     * objects), e.g. registering a webhook with the platform. Empty by default.
     */
    default List<Object> commands() {
        return List.of();
    }
}
