package dev.socialbridge.rules;

import dev.socialbridge.interaction.ReplyChannel;
import java.util.List;
import java.util.Set;

/**
 * What automation decided for one interaction. Immutable.
 *
 * @param actions          actions to carry out, in execution order (at most one Escalate and one Hide)
 * @param matchedRuleIds   ids of the rules that matched, in evaluation order
 * @param audit            one entry per planned or suppressed action (at least one entry)
 * @param optOutRecorded   this message is an opt-out: the caller stores the author's opt-out time
 * @param handoff          the author asked for a human
 * @param automationStatus for the host field: {@code automated}, {@code escalated}, {@code human},
 *                         {@code handed_off} or {@code opted_out}
 * @param tags             tags added by the actions
 * @param lead             a MarkLead action was planned
 */
public record Decision(List<Action> actions, List<String> matchedRuleIds, List<AuditEntry> audit,
                       boolean optOutRecorded, boolean handoff, String automationStatus, Set<String> tags,
                       boolean lead) {

    public static final String AUTOMATED = "automated";
    public static final String ESCALATED = "escalated";
    public static final String HUMAN = "human";
    public static final String HANDED_OFF = "handed_off";
    public static final String OPTED_OUT = "opted_out";

    public Decision {
        actions = List.copyOf(actions);
        matchedRuleIds = List.copyOf(matchedRuleIds);
        audit = List.copyOf(audit);
        tags = Set.copyOf(tags);
    }

    /** The actions of one type, e.g. {@code actionsOf(Action.Escalate.class)}. */
    public <T extends Action> List<T> actionsOf(Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * The audit entries of the actions the confidence gate held back ({@code suppressed:low_confidence}): when there
     * is one, a person must look at the message, and it gets a ticket.
     */
    public List<AuditEntry> heldBack() {
        String outcome = dev.socialbridge.guard.Suppression.LOW_CONFIDENCE.outcome();
        return audit.stream().filter(e -> outcome.equals(e.outcome())).toList();
    }

    /** The replies over one channel. */
    public List<Action.Reply> replies(ReplyChannel channel) {
        return actionsOf(Action.Reply.class).stream().filter(r -> r.channel() == channel).toList();
    }
}
