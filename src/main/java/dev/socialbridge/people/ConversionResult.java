package dev.socialbridge.people;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What became of a conversion: attributed to a person's touches, or stored unattributed (no person matches its
 * identifiers, or the person has no touch).
 *
 * @param id        the conversion id
 * @param status    {@code attributed} or {@code unattributed}
 * @param personId  the person, or null when none matched
 * @param value     the value
 * @param currency  the currency
 * @param at        when it happened
 * @param credits   first, last and linear credits
 * @param duplicate true when the id was posted before (this is the stored result; nothing was counted again)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"id", "status", "person_id", "value", "currency", "at", "credits", "duplicate"})
public record ConversionResult(String id, String status, @JsonProperty("person_id") Long personId, BigDecimal value,
                               String currency, Instant at, List<Credit> credits, boolean duplicate) {
    public static final String ATTRIBUTED = "attributed";
    public static final String UNATTRIBUTED = "unattributed";

    ConversionResult asDuplicate() {
        return new ConversionResult(id, status, personId, value, currency, at, credits, true);
    }
}
