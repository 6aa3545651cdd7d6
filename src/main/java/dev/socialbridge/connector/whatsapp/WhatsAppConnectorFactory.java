package dev.socialbridge.connector.whatsapp;

import dev.socialbridge.config.SettingSpec;
import dev.socialbridge.config.SettingValues;
import dev.socialbridge.connector.spi.Connector;
import dev.socialbridge.connector.spi.ConnectorContext;
import dev.socialbridge.connector.spi.ConnectorFactory;
import dev.socialbridge.interaction.Platform;
import java.util.List;
import java.util.Set;

/**
 * WhatsApp Cloud API ({@code socialbridge.whatsapp.*}): configured as soon as one phone number is. Its webhooks are
 * signed by the Meta app, so the Meta app secret and verify token must then be set too.
 */
public final class WhatsAppConnectorFactory implements ConnectorFactory {
    public static final String ID = "whatsapp";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<Platform> platforms() {
        return Set.of(Platform.WHATSAPP);
    }

    @Override
    public List<SettingSpec> settings() {
        return WhatsAppSettings.SPECS;
    }

    @Override
    public boolean isConfigured(SettingValues settings) {
        return !settings.instances(WhatsAppSettings.ACCOUNTS).isEmpty();
    }

    @Override
    public void validate(SettingValues settings, List<String> problems) {
        if (!isConfigured(settings)) {
            return;
        }
        if (settings.global(WhatsAppSettings.META_APP_SECRET).isEmpty()) {
            problems.add(WhatsAppSettings.META_APP_SECRET
                    + ": is required (WhatsApp webhooks are signed with the Meta app secret)");
        }
        if (settings.global(WhatsAppSettings.META_VERIFY_TOKEN).isEmpty()) {
            problems.add(WhatsAppSettings.META_VERIFY_TOKEN
                    + ": is required (the WhatsApp webhook subscription handshake checks the Meta verify token)");
        }
        problems.addAll(WhatsAppAccounts.from(settings).problems());
    }

    @Override
    public Connector create(ConnectorContext context) {
        return new WhatsAppConnector(context);
    }
}
