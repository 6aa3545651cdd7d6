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
 */
record Rule(String id, boolean stop, Condition[] conditions, ActionSpec[] actions, int rollout, boolean killSwitch,
            boolean usesFollowers) {

    boolean matches(RuleContext ctx) {
        for (Condition c : conditions) {
            if (!c.test(ctx)) {
                return false;
            }
        }
        return true;
    }
}
