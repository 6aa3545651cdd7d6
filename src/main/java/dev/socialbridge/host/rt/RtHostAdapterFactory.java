package dev.socialbridge.host.rt;

import dev.socialbridge.config.SettingSpec;
import dev.socialbridge.config.SettingValues;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.HostAdapterFactory;
import java.time.Clock;
import java.util.List;


/** Creates {@link RtHostAdapter}s from the {@code socialbridge.host.rt.*} settings ({@link RtSettings}). */
public final class RtHostAdapterFactory implements HostAdapterFactory {
    public static final String ID = "rt";

    @Override
    public String type() {
        return ID;
    }

    @Override
    public List<SettingSpec> settings() {
        return RtSettings.SPECS;
    }

    @Override
    public void validate(SettingValues settings, List<String> problems) {
        RtSettings.validate(settings, problems);
    }

    @Override
    public HostAdapter create(SettingValues settings, Descriptor descriptor) {
        return new RtHostAdapter(RtSettings.from(settings), descriptor, System.getenv(), Clock.systemUTC());
    }
}
