package dev.socialbridge.app;

import dev.socialbridge.config.LoadedConfig;
import dev.socialbridge.config.SettingValues;
import dev.socialbridge.config.SocialBridgeConfig;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.DescriptorException;
import dev.socialbridge.descriptor.DescriptorLoader;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.HostAdapterFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Builds the configured descriptor and host adapter, collecting every configuration problem. */
final class Components {
    /** Prefix of every host's settings. */
    static final String HOST_PREFIX = "socialbridge.host.";

    private Components() {
    }

    /** The descriptor and host factory of a configuration, ready to create the host adapter. */
    record HostSetup(LoadedConfig config, Descriptor descriptor, HostAdapterFactory factory) {
        HostAdapter host() {
            return Components.host(config, factory, descriptor);
        }
    }

    /** Loads the descriptor and validates the host settings, adding every problem to {@code problems}. */
    static HostSetup prepare(LoadedConfig config, List<String> problems) {
        Descriptor descriptor = descriptor(config.typed(), problems);
        HostAdapterFactory factory = hostFactory(config, problems).orElse(null);
        return new HostSetup(config, descriptor, factory);
    }

    /** The descriptor from {@code socialbridge.descriptor.path}, else the one shipped in the jar. */
    static Descriptor descriptor(SocialBridgeConfig config, List<String> problems) {
        try {
            return config.descriptorPath().map(p -> DescriptorLoader.load(Path.of(p))).orElseGet(DescriptorLoader::fromClasspath);
        } catch (DescriptorException e) {
            e.problems().forEach(p -> problems.add("socialbridge.descriptor.path: " + p));
            return null;
        }
    }

    /**
     * Validates the host settings (declared keys, values, required ones, the factory's own checks) and rejects
     * settings of other host types; returns the factory when they are usable.
     */
    static Optional<HostAdapterFactory> hostFactory(LoadedConfig config, List<String> problems) {
        String type = config.typed().host().type();
        Optional<HostAdapterFactory> factory = HostAdapterFactory.forType(type);
        if (factory.isEmpty()) {
            problems.add("socialbridge.host.type: unknown host type '" + type + "' (available: "
                    + String.join(", ", HostAdapterFactory.all().stream().map(HostAdapterFactory::type).toList()) + ")");
            return Optional.empty();
        }
        SettingValues settings = hostSettings(config, factory.get());
        int before = problems.size();
        problems.addAll(settings.problems());
        for (String key : config.group(HOST_PREFIX).keySet()) {
            if (!key.equals("type") && !key.startsWith(type + ".")) {
                problems.add(HOST_PREFIX + key + ": not a setting of host type '" + type + "' (socialbridge.host.type)");
            }
        }
        factory.get().validate(settings, problems);
        return problems.size() > before ? Optional.empty() : factory;
    }

    static SettingValues hostSettings(LoadedConfig config, HostAdapterFactory factory) {
        String prefix = HOST_PREFIX + factory.type() + ".";
        return SettingValues.of(prefix, factory.settings(), config.group(prefix, factory.settings()), config::value);
    }

    static HostAdapter host(LoadedConfig config, HostAdapterFactory factory, Descriptor descriptor) {
        return factory.create(hostSettings(config, factory), descriptor);
    }
}
