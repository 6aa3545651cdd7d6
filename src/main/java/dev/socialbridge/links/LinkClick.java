package dev.socialbridge.links;

import dev.socialbridge.attribution.LinkRef;
import java.time.Instant;

/**
 * A click on a link minted for a thread, as queued in the inbox (kind {@value #KIND}) for the pipeline to record as
 * the thread's newest touch.
 *
 * @param id        the click's row id
 * @param threadKey the link's thread
 * @param channel   the link's channel (the thread's platform)
 * @param link      the link's campaign, creator and UTM
 * @param at        when it was clicked
 */
public record LinkClick(long id, String threadKey, String channel, LinkRef link, Instant at) {
    /** Inbox item kind of a click on a thread's link. */
    public static final String KIND = "link_click";
}
