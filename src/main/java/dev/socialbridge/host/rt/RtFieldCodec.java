package dev.socialbridge.host.rt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.FieldDef;
import dev.socialbridge.host.spi.HostException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates descriptor-keyed ticket fields to RT custom fields and back. Date-time fields are ISO-8601
 * instants on the plugin side ({@code 2026-11-22T08:30:00Z}) and {@code YYYY-MM-DD HH:MM:SS} UTC towards RT.
 */
final class RtFieldCodec {
    private static final Logger LOG = LoggerFactory.getLogger(RtFieldCodec.class);

    private final Map<String, FieldDef> ticketFieldsByKey;
    private final Map<String, FieldDef> ticketFieldsByLabel;

    RtFieldCodec(Descriptor descriptor) {
        var ticketFields = descriptor.fieldsAppliedTo(FieldDef.APPLIES_TO_TICKET);
        this.ticketFieldsByKey = ticketFields.stream().collect(Collectors.toMap(FieldDef::key, Function.identity()));
        this.ticketFieldsByLabel = ticketFields.stream()
                .collect(Collectors.toMap(f -> f.label().toLowerCase(Locale.ROOT), Function.identity()));
    }

    /**
     * {@code CustomFields} object for POST/PUT /ticket; null values and unknown keys are skipped, an empty value
     * clears the field (JSON null: REST2 deletes the value, where an empty string would store an empty one).
     */
    ObjectNode toCustomFields(Map<String, String> fields) {
        ObjectNode cfs = RtClient.JSON.createObjectNode();
        if (fields == null) {
            return cfs;
        }
        fields.forEach((key, value) -> {
            FieldDef field = ticketFieldsByKey.get(key);
            if (field == null) {
                LOG.warn("ignoring field '{}': not a ticket field of the descriptor", key);
            } else if (value != null && value.isEmpty()) {
                cfs.putNull(field.label());
            } else if (value != null) {
                cfs.put(field.label(), toRt(field, value));
            }
        });
        return cfs;
    }

    /** Descriptor-keyed values of a ticket's {@code CustomFields} array; unset fields are absent. */
    Map<String, String> fromCustomFields(JsonNode customFields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode cf : customFields) {
            FieldDef field = ticketFieldsByLabel.get(cf.path("name").asText().toLowerCase(Locale.ROOT));
            JsonNode first = cf.path("values").path(0);
            if (field != null && !first.isMissingNode() && !first.isNull() && !first.asText().isEmpty()) {
                fromRt(field, first.asText()).ifPresent(v -> values.put(field.key(), v));
            }
        }
        return values;
    }

    /** RT name of a ticket field. */
    String label(String key) {
        FieldDef field = ticketFieldsByKey.get(key);
        if (field == null) {
            throw new HostException("descriptor has no ticket field '" + key + "'", false);
        }
        return field.label();
    }

    private static String toRt(FieldDef field, String value) {
        if (!FieldDef.TYPE_DATETIME.equals(field.type()) || value.isEmpty()) {
            return value;
        }
        try {
            return RtDates.format(RtDates.parse(value));
        } catch (IllegalArgumentException e) {
            throw new HostException("field " + field.key() + ": " + e.getMessage(), false, e);
        }
    }

    private static Optional<String> fromRt(FieldDef field, String value) {
        if (!FieldDef.TYPE_DATETIME.equals(field.type())) {
            return Optional.of(value);
        }
        return RtDates.fromRt(value).map(Object::toString);
    }
}
