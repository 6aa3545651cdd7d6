package dev.socialbridge.host.spi;

import dev.socialbridge.config.SettingSpec;
import dev.socialbridge.config.SettingValues;
import dev.socialbridge.descriptor.Descriptor;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Creates {@link HostAdapter}s for one host type (Request Tracker first). Implementations are
 * discovered with {@link ServiceLoader} from
 * {@code META-INF/services/dev.socialbridge.host.spi.HostAdapterFactory}; one factory instance exists
 * per process, it is stateless and thread-safe.
 *
 * <p><b>Settings.</b> A host's settings are the configuration keys under {@code socialbridge.host.<type>.},
 * declared once as data by {@link #settings()} (keys relative to that prefix: {@code base-url}, {@code token}...):
 * the caller rejects unknown keys, invalid values and missing required ones, and the documentation is generated
 * from the declarations. Values may contain secrets: implementations never put them into {@code toString()},
 * logs or exception messages.
 *
 * <p><b>Lifecycle.</b> The caller checks the declared settings, then calls {@link #validate} and refuses to start
 * when there is any problem; only then {@link #create}. The caller owns and {@link HostAdapter#close() closes}
 * the adapter.
 */
public interface HostAdapterFactory {

    /** Host type id, e.g. {@code rt}: the config key segment in {@code socialbridge.host.<type>.*}. */
    String type();

    /** Every setting under {@code socialbridge.host.<type>.}; keys are relative to that prefix. */
    List<SettingSpec> settings();

    /**
     * Checks what the declarations cannot (settings that need each other) without contacting the host, and
     * appends one problem per fault; never throws for bad input. Each problem starts with the full config key,
     * e.g. {@code "socialbridge.host.rt.token: is required (or set ... user and ... password)"}.
     *
     * @param settings the host's settings; never null
     * @param problems receives the problems; not cleared
     */
    void validate(SettingValues settings, List<String> problems);

    /**
     * Creates an adapter; does no I/O (the host may be down at startup; use {@link HostAdapter#health()}).
     *
     * @param settings   validated settings
     * @param descriptor the plugin descriptor that names the host objects (queues, fields)
     * @throws IllegalArgumentException when the settings are invalid (see {@link #validate})
     */
    HostAdapter create(SettingValues settings, Descriptor descriptor);

    /** The registered factories. */
    static List<HostAdapterFactory> all() {
        return ServiceLoader.load(HostAdapterFactory.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    /** The registered factory for {@code type}, if any. */
    static Optional<HostAdapterFactory> forType(String type) {
        return ServiceLoader.load(HostAdapterFactory.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(f -> f.type().equals(type))
                .findFirst();
    }
}
