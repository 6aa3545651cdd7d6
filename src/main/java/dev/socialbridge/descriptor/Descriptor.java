package dev.socialbridge.descriptor;

import java.util.List;
import java.util.Optional;

/**
 * The plugin descriptor ({@code descriptor/social-bridge.json}): what the plugin needs from and
 * provisions in the host. Every entry has a stable {@code key} chosen by us; labels are what the
 * host shows and may change.
 */
public record Descriptor(
        String id,
        String version,
        List<String> hostCapabilities,
        List<FieldDef> fields,
        List<QueueDef> queues,
        List<SettingDef> settings) {

    public Optional<FieldDef> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    public Optional<QueueDef> queue(String key) {
        return queues.stream().filter(q -> q.key().equals(key)).findFirst();
    }
}
