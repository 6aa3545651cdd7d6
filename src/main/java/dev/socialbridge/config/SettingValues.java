package dev.socialbridge.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The configured values of one owner (a connector under {@code socialbridge.<id>.}, a host under
 * {@code socialbridge.host.<type>.}), read against its declared {@link SettingSpec}s: typed getters that fall
 * back to the declared default, keyed instances ({@code bots.<name>.*}), and {@link #problems()} that names
 * every unknown key, bad value and missing required setting with its full key. Immutable; {@link #toString()}
 * never shows values.
 */
public final class SettingValues {
    private final String prefix;
    private final List<SettingSpec> specs;
    private final Map<String, String> values;
    private final Function<String, Optional<String>> config;

    private SettingValues(String prefix, List<SettingSpec> specs, Map<String, String> values,
                          Function<String, Optional<String>> config) {
        this.prefix = prefix;
        this.specs = List.copyOf(specs);
        Map<String, String> clean = new TreeMap<>();
        values.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                clean.put(k, v.trim());
            }
        });
        this.values = Collections.unmodifiableMap(clean);
        this.config = config;
    }

    /**
     * @param prefix owner prefix with the trailing dot, e.g. {@code socialbridge.telegram.}
     * @param values keys relative to the prefix; blank values count as absent
     * @param config lookup of any full configuration key (for settings shared with another owner)
     */
    public static SettingValues of(String prefix, List<SettingSpec> specs, Map<String, String> values,
                                   Function<String, Optional<String>> config) {
        return new SettingValues(prefix, specs, values, config);
    }

    /** Values without any other configuration to look at (tests, tools). */
    public static SettingValues of(String prefix, List<SettingSpec> specs, Map<String, String> values) {
        return of(prefix, specs, values, k -> Optional.empty());
    }

    public String prefix() {
        return prefix;
    }

    public List<SettingSpec> specs() {
        return specs;
    }

    /** True when nothing is set explicitly. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The relative keys set explicitly. */
    public SortedSet<String> keys() {
        return new TreeSet<>(values.keySet());
    }

    /** The full key of a relative one. */
    public String fullKey(String key) {
        return prefix + key;
    }

    /** The explicit value, if set. */
    public Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The explicit value, else the declared default, else null. */
    public String get(String key) {
        String v = values.get(key);
        return v != null ? v : spec(key).defaultValue();
    }

    public int getInt(String key) {
        return Integer.parseInt(get(key));
    }

    public long getLong(String key) {
        return Long.parseLong(get(key));
    }

    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(get(key));
    }

    public Duration getDuration(String key) {
        String v = get(key);
        return v == null ? null : Duration.parse(v);
    }

    public Optional<Secret> secret(String key) {
        return value(key).map(Secret::new);
    }

    /** Any configuration value by its full key, e.g. {@code socialbridge.meta.app-secret}. */
    public Optional<String> global(String fullKey) {
        return config.apply(fullKey).filter(v -> !v.isBlank()).map(String::trim);
    }

    /** Names of the instances of a keyed group, e.g. {@code instances("bots.")}, sorted. */
    public SortedSet<String> instances(String group) {
        SortedSet<String> names = new TreeSet<>();
        for (String key : values.keySet()) {
            for (SettingSpec s : specs) {
                if (s.keyed() && s.group().equals(group)) {
                    s.instanceOf(key).ifPresent(names::add);
                }
            }
        }
        return names;
    }

    /** One instance of a keyed group: relative keys are the attributes ({@code token} for {@code bots.<name>.token}). */
    public SettingValues instance(String group, String name) {
        String instancePrefix = group + name + ".";
        List<SettingSpec> attributes = new ArrayList<>();
        for (SettingSpec s : specs) {
            if (s.keyed() && s.group().equals(group)) {
                attributes.add(new SettingSpec(s.attribute().substring(1), s.type(), s.defaultValue(), s.required(),
                        s.secret(), s.doc(), s.example(), s.choices(), s.pattern(), s.patternHint()));
            }
        }
        Map<String, String> own = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(instancePrefix)) {
                own.put(k.substring(instancePrefix.length()), v);
            }
        });
        return new SettingValues(prefix + instancePrefix, attributes, own, config);
    }

    /**
     * Every problem of the explicit values against the declarations, each starting with its full key: unknown
     * keys, invalid values, missing required settings (per instance for keyed ones). Secrets are never quoted.
     */
    public List<String> problems() {
        return problems(true);
    }

    /**
     * {@link #problems()}, leaving out missing required settings when {@code requireRequired} is false (an owner
     * that is not switched on: its values must still be valid, but nothing is required of it).
     */
    public List<String> problems(boolean requireRequired) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            Optional<SettingSpec> spec = find(e.getKey());
            if (spec.isEmpty()) {
                problems.add(fullKey(e.getKey()) + ": unknown setting (known: " + knownKeys() + ")");
                continue;
            }
            spec.get().problem(e.getValue()).ifPresent(p -> problems.add(fullKey(e.getKey()) + ": '"
                    + (spec.get().secret() ? "****" : e.getValue()) + "' " + p));
        }
        for (SettingSpec s : specs) {
            if (!s.required() || !requireRequired) {
                continue;
            }
            if (!s.keyed()) {
                if (!values.containsKey(s.key())) {
                    problems.add(fullKey(s.key()) + ": is required (" + s.doc() + ")");
                }
                continue;
            }
            for (String name : instances(s.group())) {
                String key = s.group() + name + s.attribute();
                if (!values.containsKey(key)) {
                    problems.add(fullKey(key) + ": is required (" + s.doc() + ")");
                }
            }
        }
        return problems;
    }

    private Optional<SettingSpec> find(String key) {
        return specs.stream().filter(s -> s.matches(key)).findFirst();
    }

    private SettingSpec spec(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException("no setting " + fullKey(key) + " is declared"));
    }

    private String knownKeys() {
        return String.join(", ", specs.stream().map(SettingSpec::key).toList());
    }

    @Override
    public String toString() {
        return "SettingValues[" + prefix + "*, keys=" + values.keySet() + "]";
    }
}
