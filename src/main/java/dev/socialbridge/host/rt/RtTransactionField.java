package dev.socialbridge.host.rt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.FieldDef;
import dev.socialbridge.descriptor.QueueDef;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The descriptor's transaction custom fields ({@code social_message_id}, and the per-message classification), usable
 * only once an admin or the installer has applied them to the plugin queues. Which are applied is read from RT in
 * one call; the answer is kept for good once every field is applied, else for a minute.
 */
final class RtTransactionField {
    private static final long RECHECK_NANOS = Duration.ofMinutes(1).toNanos();

    private final RtClient client;
    private final Descriptor descriptor;
    private final Map<String, FieldDef> fields = new HashMap<>();
    private final LongSupplier nanoClock;
    private volatile Map<String, String> appliedIds = Map.of();
    private volatile long checkedAt;
    private volatile boolean checked;

    RtTransactionField(RtClient client, Descriptor descriptor, LongSupplier nanoClock) {
        this.client = client;
        this.descriptor = descriptor;
        for (FieldDef f : descriptor.fields()) {
            if (FieldDef.APPLIES_TO_TRANSACTION.equals(f.appliesTo())) {
                fields.put(f.key(), f);
            }
        }
        this.nanoClock = nanoClock;
    }

    /** RT name of the transaction field {@code key}, if the descriptor declares it. */
    Optional<String> label(String key) {
        return Optional.ofNullable(fields.get(key)).map(FieldDef::label);
    }

    /** RT id of the field {@code key} when it is applied to the plugin queues; empty when writes would be ignored. */
    Optional<String> appliedId(String key) {
        if (!fields.containsKey(key)) {
            return Optional.empty();
        }
        long now = nanoClock.getAsLong();
        if (!checked || appliedIds.size() < fields.size() && now - checkedAt - RECHECK_NANOS > 0) {
            appliedIds = lookUp();
            checkedAt = now;
            checked = true;
        }
        return Optional.ofNullable(appliedIds.get(key));
    }

    /** Field key → RT id of the descriptor's transaction fields applied to the first plugin queue RT knows. */
    private Map<String, String> lookUp() {
        Map<String, String> out = new HashMap<>();
        for (QueueDef queue : descriptor.queues()) {
            Optional<JsonNode> json = client.find("/queue/" + RtClient.segment(queue.label()));
            if (json.isPresent()) {
                for (JsonNode cf : json.get().path("TicketTransactionCustomFields")) {
                    String name = cf.path("name").asText();
                    fields.values().stream().filter(f -> f.label().equalsIgnoreCase(name)).findFirst()
                            .ifPresent(f -> out.put(f.key(), cf.path("id").asText()));
                }
                return Map.copyOf(out);
            }
        }
        return Map.of();
    }
}
