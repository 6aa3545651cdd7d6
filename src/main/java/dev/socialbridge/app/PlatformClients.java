package dev.socialbridge.app;

import dev.socialbridge.config.SocialBridgeConfig;
import dev.socialbridge.connector.meta.MetaAccounts;
import dev.socialbridge.connector.spi.PlatformClient;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.pipeline.AccountStatusStore;
import java.util.EnumMap;
import java.util.Map;

/** The outbound platform clients per platform. */
final class PlatformClients {
    private PlatformClients() {
    }

    static Map<Platform, PlatformClient> build(SocialBridgeConfig config, MetaAccounts accounts, AccountStatusStore status) {
        Map<Platform, PlatformClient> out = new EnumMap<>(Platform.class);
        return out;
    }
}
