package dev.socialbridge.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.socialbridge.attribution.CampaignSignal;

/**
 * One recorded touch of a person.
 *
 * @param id        the touch id
 * @param personId  whose touch it is
 * @param threadKey the thread it came in (null for a touch from outside a conversation)
 * @param touch     the touch: channel, signal type, campaign, creator, UTM, ref, ad, click, post, code, time
 */
public record PersonTouch(long id, @JsonProperty("person_id") long personId, @JsonProperty("thread_key") String threadKey,
                          CampaignSignal touch) {
}
