package dev.socialbridge.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A customer as the plugin knows it across its social identities: operational state only (the host keeps the contact
 * record itself). Immutable snapshot.
 *
 * @param id           the person id
 * @param email        the email address it gave (lower case), or null
 * @param phone        the phone number it gave (E.164), or null
 * @param contactId    the host contact id last written, or null
 * @param leadScore    the latest lead score known, or null
 * @param firstTouchId its first touch ({@code person_touch.id}): set once, never changed (a merge keeps the earlier)
 * @param lastTouchId  its newest campaign signal, else its first touch
 */
public record Person(long id, String email, String phone, @JsonProperty("contact_id") String contactId,
                     @JsonProperty("lead_score") Integer leadScore, @JsonProperty("first_touch_id") Long firstTouchId,
                     @JsonProperty("last_touch_id") Long lastTouchId, @JsonProperty("created_at") Instant createdAt,
                     @JsonProperty("updated_at") Instant updatedAt) {
}
