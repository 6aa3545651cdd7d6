package dev.socialbridge.config;

import io.smallrye.config.SmallRyeConfig;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The validated configuration: the typed mapping plus raw access for keyed groups
 * ({@code socialbridge.host.<type>.*}, {@code socialbridge.meta.accounts.<name>.*}).
 */
public final class LoadedConfig {
    private final SmallRyeConfig raw;
    private final SocialBridgeConfig typed;

    LoadedConfig(SmallRyeConfig raw, SocialBridgeConfig typed) {
        this.raw = raw;
        this.typed = typed;
    }

    public SocialBridgeConfig typed() {
        return typed;
    }

    public Optional<String> value(String key) {
        return raw.getOptionalValue(key, String.class);
    }

    /**
     * Every property under {@code prefix} (which must end with '.'), with the prefix stripped. Looks up
     * the {@code known} suffixes explicitly too, so values given as environment variables are found.
     */
    public Map<String, String> group(String prefix, String... known) {
        Map<String, String> out = new TreeMap<>();
        for (String name : raw.getPropertyNames()) {
            if (name.startsWith(prefix)) {
                raw.getOptionalValue(name, String.class).ifPresent(v -> out.put(name.substring(prefix.length()), v));
            }
        }
        for (String k : known) {
            raw.getOptionalValue(prefix + k, String.class).ifPresent(v -> out.put(k, v));
        }
        return out;
    }

    @Override
    public String toString() {
        return "LoadedConfig[secrets redacted]";
    }
}
