package dev.socialbridge.rules;

/**
 * One compiled, enabled rule: all conditions must hold; its actions are then planned, and
 * evaluation ends unless {@code stop} is false.
 *
 * @param rollout    percentage of authors (deterministic by author) for whom the rule's outward
 *                   actions (replies, DMs, hide) are carried out; others get them suppressed
 * @param killSwitch when on, the rule still matches (and stops evaluation) but its outward actions
 *                   are suppressed; escalations, tags, leads and notes still happen
 * @param usesFollowers whether a condition reads the author's follower count ({@code minFollowers}, {@code vip})
 * @param gatesMessages whether the {@link ConfidenceGate} may hold back the rule's replies, DMs and qualifier flows:
 *                      when a condition reads the classifier's output, unless the rule says {@code confidenceGate}
 * @param gatesHides    whether the {@link ConfidenceGate} may hold back the rule's hides: when a condition reads the
 *                      classifier's output (even with {@code confidenceGate: false}) or the rule says
 *                      {@code confidenceGate: true}
 */
record Rule(String id, boolean stop, Condition[] conditions, ActionSpec[] actions, int rollout, boolean killSwitch,
            boolean usesFollowers, boolean gatesMessages, boolean gatesHides) {

    boolean matches(RuleContext ctx) {
        for (Condition c : conditions) {
            if (!c.test(ctx)) {
                return false;
            }
        }
        return true;
    }
}
