package dev.socialbridge.connector.telegram;

import dev.socialbridge.config.SettingSpec;
import dev.socialbridge.config.SettingValues;
import dev.socialbridge.connector.spi.Connector;
import dev.socialbridge.connector.spi.ConnectorContext;
import dev.socialbridge.connector.spi.ConnectorFactory;
import dev.socialbridge.interaction.Platform;
import java.util.List;
import java.util.Set;

/** Telegram bots through the Bot API ({@code socialbridge.telegram.*}); configured as soon as one bot is. */
public final class TelegramConnectorFactory implements ConnectorFactory {
    public static final String ID = "telegram";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<Platform> platforms() {
        return Set.of(Platform.TELEGRAM);
    }

    @Override
    public List<SettingSpec> settings() {
        return TelegramSettings.SPECS;
    }

    @Override
    public boolean isConfigured(SettingValues settings) {
        return !settings.instances(TelegramSettings.BOTS).isEmpty();
    }

    @Override
    public void validate(SettingValues settings, List<String> problems) {
        TelegramBots.from(settings).problems(settings, problems);
    }

    @Override
    public Connector create(ConnectorContext context) {
        return new TelegramConnector(context);
    }

    /** {@code bin/social-bridge telegram set-webhook}. */
    @Override
    public List<Object> commands() {
        return List.of(new SetWebhookCommand());
    }
}
