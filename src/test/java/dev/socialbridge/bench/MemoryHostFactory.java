package dev.socialbridge.bench;

import dev.socialbridge.config.SettingSpec;
import dev.socialbridge.config.SettingValues;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.HostAdapterFactory;
import java.util.List;

/** {@code socialbridge.host.type=memory}: the {@link MemoryHost}, without settings (test scope only). */
public final class MemoryHostFactory implements HostAdapterFactory {
    @Override
    public String type() {
        return "memory";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of();
    }

    @Override
    public void validate(SettingValues settings, List<String> problems) {
    }

    @Override
    public HostAdapter create(SettingValues settings, Descriptor descriptor) {
        return new MemoryHost();
    }
}
