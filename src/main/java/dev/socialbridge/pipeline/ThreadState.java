package dev.socialbridge.pipeline;

import java.time.Instant;

/**
 * What the plugin remembers of a social thread (never business data: that is in the host ticket).
 *
 * @param threadKey        the thread
 * @param queueKey         queue the ticket was routed to, or null before the first routing
 * @param ticketId         host ticket id once created, else null
 * @param ticketUrl        host URL of the ticket, else null
 * @param messageCount     customer messages seen in the thread
 * @param botTurns         automated replies sent in the thread
 * @param campaignTag      campaign of the thread's newest touch that named one, or null
 * @param firstMessageAt   first customer message
 * @param firstResponseAt  first response (automated or agent), or null
 * @param slaDueAt         first-response due time, or null
 * @param automationStatus automated | escalated | human | handed_off | opted_out, or null
 * @param unreachableReason why the customer can no longer be reached (blocked the bot...) since our last message,
 *                         or null; cleared when the customer writes again
 * @param humanSince       since when a person owns the thread (hand-off, escalation, an agent's reply): automation
 *                         stays silent until the ticket is closed; null when nobody does
 */
public record ThreadState(String threadKey, String queueKey, String ticketId, String ticketUrl, int messageCount,
                          int botTurns, String campaignTag, Instant firstMessageAt, Instant firstResponseAt,
                          Instant slaDueAt, String automationStatus, String unreachableReason, Instant humanSince) {

    public boolean isNew() {
        return messageCount == 0;
    }

    /**
     * The same thread with another campaign: the campaign of the message being decided (its own signal, or the
     * thread's last touch), which the rules see.
     */
    public ThreadState withCampaignTag(String campaign) {
        return new ThreadState(threadKey, queueKey, ticketId, ticketUrl, messageCount, botTurns, campaign, firstMessageAt,
                firstResponseAt, slaDueAt, automationStatus, unreachableReason, humanSince);
    }

    public static ThreadState fresh(String threadKey) {
        return new ThreadState(threadKey, null, null, null, 0, 0, null, null, null, null, null, null, null);
    }
}
