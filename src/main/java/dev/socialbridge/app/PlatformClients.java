package dev.socialbridge.app;

import dev.socialbridge.config.SocialBridgeConfig;
import dev.socialbridge.connector.meta.MetaAccountHealth;
import dev.socialbridge.connector.meta.MetaAccounts;
import dev.socialbridge.connector.meta.MetaGraphClient;
import dev.socialbridge.connector.spi.PlatformClient;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.pipeline.AccountStatusStore;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/** The outbound platform clients per platform. */
final class PlatformClients {
    private PlatformClients() {
    }

    /**
     * One Graph client serves Instagram, Facebook and Messenger. Accounts flagged invalid in the store
     * (e.g. after Graph error 190) stay flagged across restarts until their token is fixed.
     */
    static Map<Platform, PlatformClient> build(SocialBridgeConfig config, MetaAccounts accounts, AccountStatusStore status) {
        MetaAccountHealth health = new MetaAccountHealth(Clock.systemUTC(), (id, reason) -> { });
        status.invalidAccounts().forEach(health::markInvalid);
        MetaGraphClient graph = new MetaGraphClient(accounts, health, MetaGraphClient.Settings.defaults()
                .withBaseUrl(config.meta().graphBaseUrl()).withVersion(config.meta().graphVersion()));
        Map<Platform, PlatformClient> out = new EnumMap<>(Platform.class);
        out.put(Platform.INSTAGRAM, graph);
        out.put(Platform.FACEBOOK, graph);
        out.put(Platform.MESSENGER, graph);
        return out;
    }
}
