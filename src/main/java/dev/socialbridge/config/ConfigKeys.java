package dev.socialbridge.config;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every key of {@link SocialBridgeConfig} with its value type and default, read from the mapping
 * interface itself: used to pre-check conversions (so that every bad value is reported at once) and to
 * keep the README settings table in step with the code.
 */
public final class ConfigKeys {
    private ConfigKeys() {
    }

    /** One mapped key, with its {@link Doc}. */
    public record Key(String name, Class<?> type, boolean optional, String defaultValue, String doc) {

        /** The key as a declared setting, relative to {@code socialbridge.}. */
        public SettingSpec spec() {
            String rel = name.substring(ConfigLoader.PREFIX.length());
            SettingSpec.Type t = type == int.class || type == long.class ? SettingSpec.Type.INTEGER
                    : type == boolean.class ? SettingSpec.Type.BOOLEAN
                    : type == java.time.Duration.class ? SettingSpec.Type.DURATION : SettingSpec.Type.STRING;
            return new SettingSpec(rel, t, defaultValue, false, type == Secret.class, doc == null ? "" : doc, null,
                    List.of(), null, null);
        }
    }

    public static List<Key> all() {
        List<Key> out = new ArrayList<>();
        walk(SocialBridgeConfig.class, "socialbridge.", out);
        out.sort(Comparator.comparing(Key::name));
        return out;
    }

    /** The first segments of the mapping's keys ({@code http}, {@code store}, {@code host}...). */
    public static java.util.Set<String> groups() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        all().forEach(k -> out.add(ConfigLoader.group(k.name())));
        return out;
    }

    private static void walk(Class<?> iface, String prefix, List<Key> out) {
        for (Method m : iface.getDeclaredMethods()) {
            if (m.isDefault() || m.isSynthetic() || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            WithName wn = m.getAnnotation(WithName.class);
            String name = prefix + (wn != null ? wn.value() : kebab(m.getName()));
            Class<?> type = m.getReturnType();
            boolean optional = type == Optional.class;
            if (optional) {
                Type arg = ((ParameterizedType) m.getGenericReturnType()).getActualTypeArguments()[0];
                type = arg instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) arg;
            }
            if (type.isInterface() && type.getEnclosingClass() == SocialBridgeConfig.class) {
                walk(type, name + ".", out);
                continue;
            }
            WithDefault d = m.getAnnotation(WithDefault.class);
            Doc doc = m.getAnnotation(Doc.class);
            out.add(new Key(name, type, optional, d == null ? null : d.value(), doc == null ? null : doc.value()));
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
