package dev.socialbridge.people;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order or won deal posted by a shop or CRM ({@code POST /conversions}).
 *
 * @param id       the sender's id of the order or deal: the idempotency key (a second post is the same conversion)
 * @param value    its value, 0 or more, at most 4 decimals
 * @param currency ISO 4217 code ({@code EUR})
 * @param at       when it happened; null: when it is received
 * @param email    the customer's email address, or null
 * @param phone    the customer's phone number, or null
 * @param code     a promo, creator or click code the customer used, or null
 * @param coupon   a coupon code (looked up like {@code code}), or null
 * @param thread   the thread key of the conversation it came from, or null
 */
public record ConversionRequest(
        @NotBlank(message = "is required") @Size(max = 200) String id,
        @NotNull(message = "is required") @DecimalMin(value = "0", message = "must be 0 or more")
        @Digits(integer = 15, fraction = 4) BigDecimal value,
        @NotNull(message = "is required")
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code of 3 upper-case letters, e.g. EUR") String currency,
        Instant at,
        @Email @Size(max = 254) String email,
        @Size(max = 40) String phone,
        @Size(max = 128) String code,
        @Size(max = 128) String coupon,
        @Size(max = 512) String thread) {

    /** At least one identifier of the customer. */
    @JsonIgnore
    @AssertTrue(message = "email, phone, code, coupon or thread: one is required")
    public boolean isIdentified() {
        return given(email) || given(phone) || given(code) || given(coupon) || given(thread);
    }

    static boolean given(String s) {
        return s != null && !s.isBlank();
    }
}
