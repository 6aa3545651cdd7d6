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
    /** The prefix of every setting. */
    public static final String PREFIX = "socialbridge.";
    /** SmallRye's "The config property K is defined as the empty String ("") which ... considered to be null". */
    private static final java.util.regex.Pattern EMPTY_VALUE =
            java.util.regex.Pattern.compile("config property (\\S+) is defined as the empty String");
    private static final java.util.regex.Pattern SRCFG_CODE = java.util.regex.Pattern.compile("SRCFG\\d+: ");
    private static final java.util.regex.Pattern LEADING_KEY =
            java.util.regex.Pattern.compile("(socialbridge\\.[A-Za-z0-9.\\-]+) (.*)", java.util.regex.Pattern.DOTALL);
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
                // connectors and hosts own their keys and check them against their declarations;
                // the keys of the mapping's own groups are checked by unknownKeys below
                .withMappingIgnore("socialbridge.*.**")
                .withMappingIgnore("socialbridge.home")
                .withValidator(new BeanValidationConfigValidatorImpl());
        Path base = home == null ? Path.of(".") : home;
        Path appProps = base.resolve("config").resolve("application.properties");
        if (configFile != null && !Files.isRegularFile(configFile)) {
            throw new ConfigProblemsException(List.of("--config: file not found: " + configFile));
        }
        List<PropertiesConfigSource> sources = new ArrayList<>();
        // (added to the builder below, after the conversion pre-check)
        if (Files.isRegularFile(appProps)) {
            sources.add(properties(appProps, 250));
        }
        if (configFile != null) {
            sources.add(properties(configFile, 270));
        }
        Map<String, String> fallback = conversionProblems(sources, problems);
        builder.withSources(sources.toArray(PropertiesConfigSource[]::new));
        if (!fallback.isEmpty()) {
            builder.withSources(new PropertiesConfigSource(fallback, "invalid-values-replaced-by-defaults", 1000));
        }
        SmallRyeConfig config;
        SocialBridgeConfig typed = null;
        try {
            config = builder.build();
            typed = config.getConfigMapping(SocialBridgeConfig.class);
            unknownKeys(config, problems);
        } catch (RuntimeException e) {
            collect(e, problems);
            config = null;
        }
        if (!problems.isEmpty()) {
            throw new ConfigProblemsException(problems);
        }
        return new LoadedConfig(config, typed);
    }

    /**
     * Keys under a group of the mapping ({@code socialbridge.http.}, {@code socialbridge.store.}...) that the
     * mapping does not have: typos. Other groups belong to connectors and hosts, which check their own.
     */
    private static void unknownKeys(SmallRyeConfig config, List<String> problems) {
        java.util.Set<String> known = new java.util.HashSet<>();
        java.util.Set<String> groups = new java.util.HashSet<>();
        for (ConfigKeys.Key k : ConfigKeys.all()) {
            known.add(k.name());
            groups.add(group(k.name()));
        }
        groups.remove("host");
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (org.eclipse.microprofile.config.spi.ConfigSource source : config.getConfigSources()) {
            if (source instanceof io.smallrye.config.EnvConfigSource) {
                continue;   // environment variable names are ambiguous (dashes and dots are both '_')
            }
            for (String name : source.getPropertyNames()) {
                if (name.startsWith(PREFIX) && groups.contains(group(name)) && !known.contains(name)) {
                    seen.add(name);
                }
            }
        }
        seen.forEach(name -> problems.add(name + ": unknown setting"));
    }

    /** The first segment after {@code socialbridge.}, e.g. {@code http}. */
    public static String group(String key) {
        String rest = key.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /**
     * Converts every present value to its mapped type first, so that a bad value does not hide the
     * others; returns key → default for the bad ones, to let Bean Validation check the rest.
     */
    private static Map<String, String> conversionProblems(List<PropertiesConfigSource> files, List<String> problems) {
        SmallRyeConfig raw = new SmallRyeConfigBuilder().addDefaultSources()
                .withConverter(Secret.class, 100, Secret::new).withSources(files.toArray(PropertiesConfigSource[]::new)).build();
        Map<String, String> fallback = new java.util.HashMap<>();
        for (ConfigKeys.Key key : ConfigKeys.all()) {
            Optional<String> value = raw.getOptionalValue(key.name(), String.class);
            if (value.isEmpty() || key.type() == String.class || key.type() == List.class) {
                continue;
            }
            try {
                raw.getValue(key.name(), key.type());
            } catch (RuntimeException e) {
                problems.add(key.name() + ": '" + (key.type() == Secret.class ? "****" : value.get())
                        + "' is not a valid " + typeName(key.type()));
                fallback.put(key.name(), key.defaultValue() == null ? "" : key.defaultValue());
            }
        }
        return fallback;
    }

    private static String typeName(Class<?> type) {
        if (type == int.class || type == long.class) {
            return "whole number";
        }
        if (type == double.class) {
            return "number such as 0.5";
        }
        if (type == boolean.class) {
            return "boolean (true/false)";
        }
        if (type == java.time.Duration.class) {
            return "ISO-8601 duration such as PT30S";
        }
        return type.getSimpleName();
    }

    private static PropertiesConfigSource properties(Path file, int ordinal) {
        try {
            return new PropertiesConfigSource(file.toUri().toURL(), ordinal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void collect(Throwable e, List<String> problems) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigValidationException v) {
                for (int i = 0; i < v.getProblemCount(); i++) {
                    problems.add(readable(v.getProblem(i).getMessage()));
                }
                return;
            }
        }
        String message = String.valueOf(e.getMessage());
        for (String line : message.split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("Configuration validation failed")) {
                problems.add(readable(l));
            }
        }
    }

    /** Turns SmallRye's messages into "key: problem" where the key can be found. */
    static String readable(String message) {
        String m = SRCFG_CODE.matcher(message).replaceAll("");
        Matcher empty = EMPTY_VALUE.matcher(m);
        if (empty.find()) {
            return empty.group(1) + ": is empty; set a value or remove the line to use the default";
        }
        Matcher lead = LEADING_KEY.matcher(m);
        if (lead.matches()) {
            return lead.group(1) + ": " + lead.group(2);
        }
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
