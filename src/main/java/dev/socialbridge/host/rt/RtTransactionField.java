package dev.socialbridge.host.rt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.FieldDef;
import dev.socialbridge.descriptor.FieldKeys;
import dev.socialbridge.descriptor.QueueDef;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The per-message id transaction custom field ({@code social_message_id}), usable only once an admin
 * or the installer has applied it. Remembers a positive answer for good and a negative one for a minute.
 */
final class RtTransactionField {
    private static final long RECHECK_NANOS = Duration.ofMinutes(1).toNanos();

    private final RtClient client;
    private final Descriptor descriptor;
    private final Optional<FieldDef> field;
    private final LongSupplier nanoClock;
    private volatile String appliedId;
    private volatile long notAppliedUntil;

    RtTransactionField(RtClient client, Descriptor descriptor, LongSupplier nanoClock) {
        this.client = client;
        this.descriptor = descriptor;
        this.field = descriptor.field(FieldKeys.SOCIAL_MESSAGE_ID)
                .filter(f -> FieldDef.APPLIES_TO_TRANSACTION.equals(f.appliesTo()));
        this.nanoClock = nanoClock;
    }

    /** RT name of the field, if the descriptor declares it. */
    Optional<String> label() {
        return field.map(FieldDef::label);
    }

    /** RT id of the field when it is applied to the plugin queues; empty when writes would be ignored. */
    Optional<String> appliedId() {
        if (appliedId != null || field.isEmpty()) {
            return Optional.ofNullable(appliedId);
        }
        long now = nanoClock.getAsLong();
        if (notAppliedUntil != 0 && now - notAppliedUntil < 0) {
            return Optional.empty();
        }
        Optional<String> id = lookUp(field.get().label());
        id.ifPresentOrElse(found -> appliedId = found, () -> notAppliedUntil = now + RECHECK_NANOS);
        return id;
    }

    private Optional<String> lookUp(String label) {
        for (QueueDef queue : descriptor.queues()) {
            Optional<JsonNode> json = client.find("/queue/" + RtClient.segment(queue.label()));
            if (json.isPresent()) {
                for (JsonNode cf : json.get().path("TicketTransactionCustomFields")) {
                    if (label.equalsIgnoreCase(cf.path("name").asText())) {
                        return Optional.of(cf.path("id").asText());
                    }
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
