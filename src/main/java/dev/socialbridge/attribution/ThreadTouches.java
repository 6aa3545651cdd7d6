package dev.socialbridge.attribution;

/**
 * A thread's first and last touch. The first touch is the thread's first message or referral and never changes;
 * the last touch follows the newest campaign signal (an organic message leaves it as it was). Immutable.
 *
 * @param first the first touch, or null before any
 * @param last  the newest touch that carried a signal, else the first touch; null before any
 */
public record ThreadTouches(CampaignSignal first, CampaignSignal last) {
    private static final ThreadTouches NONE = new ThreadTouches(null, null);

    public static ThreadTouches none() {
        return NONE;
    }

    /** The touches after {@code touch}: the first if there was none; the last if it carries a signal and is not older. */
    public ThreadTouches with(CampaignSignal touch) {
        if (first == null) {
            return new ThreadTouches(touch, touch);
        }
        boolean newer = last == null || !touch.at().isBefore(last.at());
        return touch.isSignal() && newer ? new ThreadTouches(first, touch) : this;
    }
}
