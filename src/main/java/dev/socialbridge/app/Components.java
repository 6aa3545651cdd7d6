package dev.socialbridge.app;

import dev.socialbridge.config.LoadedConfig;
import dev.socialbridge.config.SocialBridgeConfig;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.DescriptorException;
import dev.socialbridge.descriptor.DescriptorLoader;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.HostAdapterFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the configured descriptor and host adapter, collecting every configuration problem. */
final class Components {
    /** Settings of the RT host (the only host type so far); listed so environment variables are found too. */
    static final String[] HOST_KEYS = dev.socialbridge.host.rt.RtSettings.KEYS.toArray(String[]::new);

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

    static String hostPrefix(SocialBridgeConfig config) {
        return "socialbridge.host." + config.host().type() + ".";
    }

    /** Validates the host settings; returns the factory when they are usable. */
    static Optional<HostAdapterFactory> hostFactory(LoadedConfig config, List<String> problems) {
        String type = config.typed().host().type();
        Optional<HostAdapterFactory> factory = HostAdapterFactory.forType(type);
        if (factory.isEmpty()) {
            problems.add("socialbridge.host.type: unknown host type '" + type + "' (available: rt)");
            return Optional.empty();
        }
        factory.get().validate(hostSettings(config), problems);
        return factory;
    }

    static Map<String, String> hostSettings(LoadedConfig config) {
        return config.group(hostPrefix(config.typed()), HOST_KEYS);
    }

    static HostAdapter host(LoadedConfig config, HostAdapterFactory factory, Descriptor descriptor) {
        return factory.create(hostSettings(config), descriptor);
    }
}
