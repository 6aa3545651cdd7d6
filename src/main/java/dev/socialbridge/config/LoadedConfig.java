package dev.socialbridge.config;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import java.util.List;
import org.eclipse.microprofile.config.spi.ConfigSource;
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
     * Every property under {@code prefix} (which must end with '.') given in a file or as a system property, with
     * the prefix stripped, at its effective value (an environment variable may override it).
     */
    public Map<String, String> group(String prefix) {
        Map<String, String> out = new TreeMap<>();
        for (ConfigSource source : raw.getConfigSources()) {
            if (source instanceof EnvConfigSource) {
                continue;
            }
            for (String name : source.getPropertyNames()) {
                if (name.startsWith(prefix)) {
                    raw.getOptionalValue(name, String.class).ifPresent(v -> out.put(name.substring(prefix.length()), v));
                }
            }
        }
        return out;
    }

    /**
     * The settings of one owner: {@link #group(String)} plus the environment variables that name one of its
     * declared settings ({@code SOCIALBRIDGE_TELEGRAM_BOTS_SHOP_TOKEN} for {@code bots.<name>.token}; an instance
     * name given this way is lower-case). Environment variables that name nothing declared are left alone: the
     * environment is shared with other programs.
     */
    public Map<String, String> group(String prefix, List<SettingSpec> specs) {
        Map<String, String> out = group(prefix);
        String envPrefix = envName(prefix);
        for (Map.Entry<String, String> e : System.getenv().entrySet()) {
            if (!e.getKey().startsWith(envPrefix)) {
                continue;
            }
            String rest = e.getKey().substring(envPrefix.length());
            for (SettingSpec spec : specs) {
                String key = envKey(spec, rest);
                if (key != null && !out.containsKey(key)) {
                    out.put(key, e.getValue());
                }
            }
        }
        return out;
    }

    /** The relative key {@code rest} (an environment variable name without the owner's prefix) stands for, or null. */
    private static String envKey(SettingSpec spec, String rest) {
        if (!spec.keyed()) {
            return envName(spec.key()).equals(rest) ? spec.key() : null;
        }
        String group = envName(spec.group());
        String attribute = envName(spec.attribute());
        if (!rest.startsWith(group) || !rest.endsWith(attribute) || rest.length() <= group.length() + attribute.length()) {
            return null;
        }
        String name = rest.substring(group.length(), rest.length() - attribute.length()).toLowerCase(java.util.Locale.ROOT);
        return SettingSpec.INSTANCE_NAME.matcher(name).matches() ? spec.group() + name + spec.attribute() : null;
    }

    /** MicroProfile's environment variable form: upper case, every non-alphanumeric character as '_'. */
    static String envName(String key) {
        StringBuilder b = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "LoadedConfig[secrets redacted]";
    }
}
