package dev.socialbridge.connector.meta;

import dev.socialbridge.config.SettingSpec;
import dev.socialbridge.config.SettingValues;
import dev.socialbridge.connector.spi.Connector;
import dev.socialbridge.connector.spi.ConnectorContext;
import dev.socialbridge.connector.spi.ConnectorFactory;
import dev.socialbridge.interaction.Platform;
import java.util.List;
import java.util.Set;

/**
 * Instagram, Facebook Pages and Messenger through one Meta app ({@code socialbridge.meta.*}). Configured as soon
 * as one account is: the app secret and verify token alone (shared with WhatsApp) do not start it.
 */
public final class MetaConnectorFactory implements ConnectorFactory {
    public static final String ID = "meta";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<Platform> platforms() {
        return Set.of(Platform.INSTAGRAM, Platform.FACEBOOK, Platform.MESSENGER);
    }

    @Override
    public List<SettingSpec> settings() {
        return MetaSettings.SPECS;
    }

    @Override
    public boolean isConfigured(SettingValues settings) {
        return !settings.instances(MetaSettings.ACCOUNTS).isEmpty();
    }

    @Override
    public void validate(SettingValues settings, List<String> problems) {
        problems.addAll(MetaAccounts.from(settings).problems());
    }

    @Override
    public Connector create(ConnectorContext context) {
        return new MetaConnector(context);
    }
}
