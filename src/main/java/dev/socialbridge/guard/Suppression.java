package dev.socialbridge.guard;

/** Why a planned action was not carried out; {@link #outcome()} is the audit outcome string. */
public enum Suppression {
    /** The interaction was written by one of our own accounts: loop guard, nothing at all is done. */
    OWN_ACCOUNT,
    /** The author opted out of automated messages (now or earlier). */
    OPTED_OUT,
    /** The author already received the maximum number of automated replies in the last hour. */
    RATE_LIMIT,
    /** The thread already had the maximum number of bot turns; a human takes over. */
    BOT_TURNS,
    /** The author asked for a human; rule replies give way to the handoff message. */
    HANDOFF,
    /** The rule's kill switch is on. */
    KILL_SWITCH,
    /** The author is outside the rule's rollout percentage. */
    ROLLOUT,
    /** The template could not be rendered without an unresolved token and has no fallback. */
    UNRESOLVED_TOKEN,
    /** Automation must leave this interaction alone (e.g. another app owns the conversation). */
    BLOCKED,
    /** The action does not apply here: the platform does not offer it for this kind of interaction. */
    NOT_APPLICABLE,
    /** A higher-priority action of the same kind won (one escalation and one hide per decision). */
    SUPERSEDED,
    /**
     * The classifier's confidence in the intent is below the confidence gate for this action: a person decides
     * instead (see {@code dev.socialbridge.rules.ConfidenceGate}).
     */
    LOW_CONFIDENCE;

    /** {@code "suppressed:" + lower-case name}, e.g. {@code suppressed:rate_limit}. */
    public String outcome() {
        return "suppressed:" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
