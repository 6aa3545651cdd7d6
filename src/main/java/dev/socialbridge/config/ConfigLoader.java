package dev.socialbridge.config;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidatorImpl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Builds the configuration from, by increasing priority: defaults shipped in the jar,
 * {@code <home>/config/application.properties}, the {@code --config FILE}, environment variables
 * (standard MicroProfile mapping, e.g. {@code SOCIALBRIDGE_HOST_RT_BASE_URL}) and system properties.
 * Collects every problem (conversion, Bean Validation) before failing.
 */
public final class ConfigLoader {
    private static final java.util.regex.Pattern SRCFG_CODE = java.util.regex.Pattern.compile("SRCFG\\d+: ");
    private static final java.util.regex.Pattern PROPERTY_IN_MESSAGE =
            java.util.regex.Pattern.compile("property (socialbridge\\.[A-Za-z0-9.\\-\\[\\]\"]+)");

    private ConfigLoader() {
    }

    /**
     * @param configFile an explicit properties file, or null
     * @param home       bundle home (for {@code config/application.properties}), or null for the working directory
     */
    public static LoadedConfig load(Path configFile, Path home) {
        List<String> problems = new ArrayList<>();
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .addDefaultSources()
                .addDefaultInterceptors()
                .withConverter(Secret.class, 100, Secret::new)
                .withMapping(SocialBridgeConfig.class)
                .withMappingIgnore("socialbridge.host.*.**")
                .withMappingIgnore("socialbridge.meta.accounts.**")
                .withMappingIgnore("socialbridge.test.**")
                .withValidator(new BeanValidationConfigValidatorImpl());
        Path base = home == null ? Path.of(".") : home;
        Path appProps = base.resolve("config").resolve("application.properties");
        if (Files.isRegularFile(appProps)) {
            builder.withSources(properties(appProps, 250));
        }
        if (configFile != null) {
            if (!Files.isRegularFile(configFile)) {
                throw new ConfigProblemsException(List.of("--config: file not found: " + configFile));
            }
            builder.withSources(properties(configFile, 270));
        }
        SmallRyeConfig config;
        try {
            config = builder.build();
        } catch (ConfigValidationException e) {
            for (int i = 0; i < e.getProblemCount(); i++) {
                problems.add(readable(e.getProblem(i).getMessage()));
            }
            throw new ConfigProblemsException(problems);
        } catch (RuntimeException e) {
            throw new ConfigProblemsException(List.of(readable(String.valueOf(e.getMessage()))));
        }
        return new LoadedConfig(config, config.getConfigMapping(SocialBridgeConfig.class));
    }

    private static PropertiesConfigSource properties(Path file, int ordinal) {
        try {
            return new PropertiesConfigSource(file.toUri().toURL(), ordinal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Turns SmallRye's messages into "key: problem" where the key can be found. */
    static String readable(String message) {
        String m = SRCFG_CODE.matcher(message).replaceAll("");
        Matcher k = PROPERTY_IN_MESSAGE.matcher(m);
        if (k.find() && !m.startsWith(k.group(1))) {
            return k.group(1) + ": " + m;
        }
        return m;
    }

    /** Adds "key: is required" when an optional-typed but needed value is absent. */
    public static void require(List<String> problems, String key, Optional<?> value, String why) {
        if (value.isEmpty()) {
            problems.add(key + ": is required " + why);
        }
    }

    /** Adds a problem for every entry of {@code group} whose suffix is not in {@code allowed}. */
    public static void rejectUnknown(List<String> problems, String prefix, Map<String, String> group, List<String> allowed) {
        group.keySet().stream().filter(k -> !allowed.contains(k)).sorted()
                .forEach(k -> problems.add(prefix + k + ": unknown setting (known: " + String.join(", ", allowed) + ")"));
    }
}
