package dev.socialbridge.leads;

/**
 * The points of the lead score ({@code socialbridge.leads.*}).
 *
 * @param intent       points of a buying intent at confidence 1 (scaled by the confidence)
 * @param campaign     a campaign signal on the thread
 * @param answer       each qualifier answer given
 * @param contact      an e-mail or phone given
 * @param followers    each follower bucket the author reaches (1k, 10k, 100k)
 * @param touch        each customer message after the first
 * @param touchCap     most points from repeat messages
 * @param hotThreshold the score at which the thread becomes a hot lead
 */
public record LeadWeights(int intent, int campaign, int answer, int contact, int followers, int touch, int touchCap,
                          int hotThreshold) {
    /** The defaults of the settings. */
    public static LeadWeights defaults() {
        return new LeadWeights(30, 15, 10, 10, 5, 2, 10, 70);
    }
}
