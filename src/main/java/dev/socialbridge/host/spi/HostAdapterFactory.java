package dev.socialbridge.host.spi;

import dev.socialbridge.descriptor.Descriptor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Creates {@link HostAdapter}s for one host type (Request Tracker first). Implementations are
 * discovered with {@link ServiceLoader} from
 * {@code META-INF/services/dev.socialbridge.host.spi.HostAdapterFactory}; one factory instance exists
 * per process, it is stateless and thread-safe.
 *
 * <p><b>Settings.</b> A host's settings are the configuration keys under
 * {@code socialbridge.host.<type>.}, passed with that prefix stripped: {@code base-url},
 * {@code token}, ... Values may contain secrets: implementations never put them into
 * {@code toString()}, logs or exception messages.
 *
 * <p><b>Lifecycle.</b> The caller first calls {@link #validate} and refuses to start when it reports
 * problems; only then {@link #create}. The caller owns and {@link HostAdapter#close() closes} the adapter.
 */
public interface HostAdapterFactory {

    /** Host type id, e.g. {@code rt}: the config key segment in {@code socialbridge.host.<type>.*}. */
    String type();

    /**
     * Checks the settings without contacting the host and appends one problem per invalid or missing
     * setting; never throws for bad input. Each problem starts with the full config key, e.g.
     * {@code "socialbridge.host.rt.base-url: must be an http(s) URL"}.
     *
     * @param settings keys with the {@code socialbridge.host.<type>.} prefix stripped; never null
     * @param problems receives the problems; not cleared
     */
    void validate(Map<String, String> settings, List<String> problems);

    /**
     * Creates an adapter; does no I/O (the host may be down at startup; use {@link HostAdapter#health()}).
     *
     * @param settings   validated settings, prefix stripped
     * @param descriptor the plugin descriptor that names the host objects (queues, fields)
     * @throws IllegalArgumentException when the settings are invalid (see {@link #validate})
     */
    HostAdapter create(Map<String, String> settings, Descriptor descriptor);

    /** The registered factory for {@code type}, if any. */
    static Optional<HostAdapterFactory> forType(String type) {
        return ServiceLoader.load(HostAdapterFactory.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(f -> f.type().equals(type))
                .findFirst();
    }
}
