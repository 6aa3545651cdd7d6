package dev.socialbridge.attribution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One touch: what brought a customer's message (or referral) to us, from the signal that won by
 * {@link CampaignSignals#PRECEDENCE}, with the details of every signal it carried. Immutable.
 *
 * @param channel  the platform id ({@code instagram}, {@code messenger}, ...)
 * @param type     the winning signal's type ({@link SignalType#ORGANIC} when there is none)
 * @param campaign the campaign it names, or null
 * @param creator  the creator or partner of a creator code, or null
 * @param utm      the UTM parameters of the ref, never null
 * @param ref      the raw ref of the link, or null
 * @param adId     the ad id, or null
 * @param clickId  the ad click id (Click-to-WhatsApp {@code ctwa_clid}), or null
 * @param postId   the post it came through (the ad's post, a mapped post), or null
 * @param code     the promo or creator code found in the text (as configured), or null
 * @param at       when it happened (whole seconds)
 */
public record CampaignSignal(String channel, SignalType type, String campaign, String creator, UtmParameters utm,
                             String ref, String adId, String clickId, String postId, String code, Instant at) {

    public CampaignSignal {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        utm = utm == null ? UtmParameters.none() : utm;
    }

    /** A touch without any signal. */
    public static CampaignSignal organic(String channel, Instant at) {
        return new CampaignSignal(channel, SignalType.ORGANIC, null, null, UtmParameters.none(), null, null, null, null,
                null, at);
    }

    /** Whether it carries a campaign signal (anything but organic): such a touch becomes the thread's last touch. */
    public boolean isSignal() {
        return type != SignalType.ORGANIC;
    }

    /** {@code <channel>:<type>[:<campaign>]}, e.g. {@code instagram:ref:black_friday_2026}: the touch source fields. */
    public String source() {
        return channel + ":" + type.id() + (campaign != null ? ":" + campaign : "");
    }

    /** One line for a ticket note: {@code instagram ref, campaign black_friday_2026 (ref ..., ad ...)}. */
    public String describe() {
        List<String> details = new ArrayList<>();
        if (ref != null) {
            details.add("ref " + ref);
        }
        if (adId != null) {
            details.add("ad " + adId);
        }
        if (clickId != null) {
            details.add("click " + clickId);
        }
        if (postId != null) {
            details.add("post " + postId);
        }
        if (code != null) {
            details.add("code " + code);
        }
        if (creator != null) {
            details.add("creator " + creator);
        }
        return channel + " " + type.id() + (campaign != null ? ", campaign " + campaign : ", no campaign")
                + (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")") + " at " + at;
    }
}
