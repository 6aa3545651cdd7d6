package dev.socialbridge.guard;

/**
 * Per-decision gate for outgoing automated messages: applies opt-out, handoff, bot-turn and hourly
 * limits, in that order, and counts the replies let through so that a decision planning several
 * replies cannot exceed the hourly limit. Check, then {@link #count()} once the reply is really
 * planned (rendered). One instance per decision; not thread-safe.
 */
public final class ReplyGate {

    private final GuardRails rails;
    private final boolean optedOut;
    private final boolean handoff;
    private final int botTurnsInThread;
    private final int repliesLastHour;
    private int planned;
    private boolean botTurnsHit;

    /**
     * @param optedOut         the author opted out earlier or with this very message
     * @param handoff          this message asks for a human
     * @param botTurnsInThread automated turns already in the thread
     * @param repliesLastHour  automated replies sent to the author in the last hour
     */
    public ReplyGate(GuardRails rails, boolean optedOut, boolean handoff, int botTurnsInThread, int repliesLastHour) {
        this.rails = rails;
        this.optedOut = optedOut;
        this.handoff = handoff;
        this.botTurnsInThread = botTurnsInThread;
        this.repliesLastHour = repliesLastHour;
    }

    /** Why a reply planned by a rule may not go out, or null when it may. */
    public Suppression checkRuleReply() {
        if (optedOut) {
            return Suppression.OPTED_OUT;
        }
        if (handoff) {
            return Suppression.HANDOFF;
        }
        if (rails.botTurnsExhausted(botTurnsInThread)) {
            botTurnsHit = true;
            return Suppression.BOT_TURNS;
        }
        return checkRate();
    }

    /** Why the handoff message may not go out, or null: only opt-out and the hourly limit apply to it. */
    public Suppression checkHandoffReply() {
        return optedOut ? Suppression.OPTED_OUT : checkRate();
    }

    /** Counts a reply that passed a check and is planned. */
    public void count() {
        planned++;
    }

    /** True once a rule reply was refused because the thread used up its bot turns. */
    public boolean botTurnsHit() {
        return botTurnsHit;
    }

    /** Replies counted so far in this decision. */
    public int planned() {
        return planned;
    }

    private Suppression checkRate() {
        return rails.withinReplyLimit(repliesLastHour, planned) ? null : Suppression.RATE_LIMIT;
    }
}
