package dev.socialbridge.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * The share of a conversion's value one touch gets under one attribution model.
 *
 * @param model   {@code first}, {@code last} or {@code linear}
 * @param touchId the touch, or null when the conversion is unattributed
 * @param source  the touch's {@code <channel>:<signal>[:<campaign>]}, or null
 * @param amount  the credit; a model's credits sum to the conversion's value
 */
public record Credit(String model, @JsonProperty("touch_id") Long touchId, String source, BigDecimal amount) {
}
