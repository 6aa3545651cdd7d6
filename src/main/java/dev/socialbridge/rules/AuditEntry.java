package dev.socialbridge.rules;

import dev.socialbridge.classify.Classification;

/**
 * One automated decision about one action, for the audit trail (the caller stores it with the
 * interaction's thread key and time, so it can be queried by thread).
 *
 * @param ruleId     the rule, "guard:handoff" / "guard:opt_out" / "guard:bot_turns" for guard-rail
 *                   actions, or null when no rule is involved (no match, own account)
 * @param templateId template of a reply, else null
 * @param variant    A/B variant of a reply ("A" = control), else null
 * @param action     action type ({@link Action#type()}), or "none"
 * @param outcome    {@link #PLANNED}, {@link #NO_MATCH} or a {@code suppressed:*} reason
 *                   ({@link dev.socialbridge.guard.Suppression#outcome()})
 * @param scores     the classification the decision was based on
 * @param detail     human-readable detail: the reply text, the queue, the suppression reason...
 */
public record AuditEntry(String ruleId, String templateId, String variant, String action, String outcome,
                         Classification scores, String detail) {

    public static final String PLANNED = "planned";
    public static final String NO_MATCH = "no_match";
    public static final String NONE = "none";
}
