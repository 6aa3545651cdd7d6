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

    /**
     * The SLA policy from {@code socialbridge.sla.*}: business hours, holidays (dates and the iCalendar file), warning
     * share, pause statuses. Appends a problem naming the key and value for each bad setting; null when any.
     */
    static dev.socialbridge.sla.SlaPolicy slaPolicy(SocialBridgeConfig config, List<String> problems) {
        SocialBridgeConfig.Sla sla = config.sla();
        int before = problems.size();
        dev.socialbridge.sla.calendar.BusinessHours hours = null;
        dev.socialbridge.sla.calendar.Holidays holidays = dev.socialbridge.sla.calendar.Holidays.none();
        try {
            hours = dev.socialbridge.sla.calendar.BusinessHours.parse("socialbridge.sla.hours", sla.hours());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        try {
            holidays = dev.socialbridge.sla.calendar.Holidays.parse("socialbridge.sla.holidays", sla.holidays().orElse(""));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (sla.holidaysFile().isPresent()) {
            try {
                holidays = dev.socialbridge.sla.calendar.Holidays.union(holidays, dev.socialbridge.sla.calendar.Holidays
                        .fromICalendar("socialbridge.sla.holidays-file", java.nio.file.Path.of(sla.holidaysFile().get())));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new dev.socialbridge.sla.SlaPolicy(new dev.socialbridge.sla.calendar.BusinessCalendar(sla.zone(), hours, holidays),
                sla.warnAtPercent(), java.util.Set.copyOf(sla.pauseStatuses()), sla.automatedRepliesCount());
    }
}
