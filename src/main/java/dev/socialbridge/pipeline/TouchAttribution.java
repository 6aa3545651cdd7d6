package dev.socialbridge.pipeline;

import dev.socialbridge.attribution.CampaignSignal;
import dev.socialbridge.attribution.ThreadTouches;
import dev.socialbridge.attribution.TouchFields;
import java.util.Map;

/**
 * The campaign attribution of one message or referral in its thread: the thread's touches before and with it, the
 * thread's campaign (the newest touch's, else the one the thread had: the rules see it) and the fields it changes on an
 * existing ticket (empty when it carries no campaign signal or is older than the thread's last touch).
 *
 * @param before      the thread's touches before it
 * @param touches     the thread's touches with it
 * @param touch       its own touch
 * @param campaign    the thread's campaign with it, or null
 * @param touchFields last touch and campaign fields for an existing ticket (an empty value clears a field)
 */
record TouchAttribution(ThreadTouches before, ThreadTouches touches, CampaignSignal touch, String campaign,
                        Map<String, String> touchFields) {

    static TouchAttribution of(ThreadState thread, ThreadTouches before, CampaignSignal touch) {
        ThreadTouches after = before.with(touch);
        String campaign = after.last().campaign() != null ? after.last().campaign() : thread.campaignTag();
        boolean newest = touch.isSignal() && after.last() == touch;
        return new TouchAttribution(before, after, touch, campaign,
                newest ? TouchFields.change(before.last(), touch, campaign) : Map.of());
    }

    /** Whether it is the thread's newest campaign signal (then the ticket follows it). */
    boolean isNewestSignal() {
        return !touchFields.isEmpty();
    }
}
