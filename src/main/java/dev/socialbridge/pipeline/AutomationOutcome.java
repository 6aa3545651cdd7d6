package dev.socialbridge.pipeline;

import dev.socialbridge.connector.spi.OutboundMessage;
import dev.socialbridge.interaction.ReplyChannel;
import java.util.List;
import java.util.Set;

/**
 * What automation decided for one interaction; the processor turns it into outbox commands.
 *
 * @param ticket           whether the interaction goes to a host ticket (false: fully automated or dropped, e.g. spam)
 * @param queueKey         queue for the ticket (descriptor key); null keeps the thread's queue or the default
 * @param priority         ticket priority, or null for the queue default
 * @param replies          automated replies to send, in order
 * @param hideReason       non-null: hide the comment, with this reason
 * @param notes            internal notes for the ticket
 * @param tags             tags for the ticket
 * @param leadScoreDelta   lead score to add; &gt; 0 marks a lead
 * @param automationStatus host field value (automated, escalated, human, handed_off, opted_out), or null
 * @param optOut           this message opts the author out of automation
 * @param audit            audit entries for every decision step (rule, template, variant, outcome)
 * @param qualify          the qualifier flow started by this message (its first question is among the replies), or
 *                         null
 */
public record AutomationOutcome(boolean ticket, String queueKey, Integer priority, List<Reply> replies, String hideReason,
                                List<String> notes, Set<String> tags, int leadScoreDelta, String automationStatus,
                                boolean optOut, List<Audit> audit, Qualify qualify) {

    public AutomationOutcome(boolean ticket, String queueKey, Integer priority, List<Reply> replies, String hideReason,
                             List<String> notes, Set<String> tags, int leadScoreDelta, String automationStatus,
                             boolean optOut, List<Audit> audit) {
        this(ticket, queueKey, priority, replies, hideReason, notes, tags, leadScoreDelta, automationStatus, optOut,
                audit, null);
    }

    /** A qualifier flow to start, in {@code language} (fr or en). */
    public record Qualify(String flowId, String language) { }

    /**
     * The same outcome with a ticket in {@code queueKey} (the lead score crossed the hot threshold); the processor
     * still applies its rule that automation never moves a thread to a looser SLA.
     */
    public AutomationOutcome routedTo(String queueKey, String note) {
        List<String> allNotes = new java.util.ArrayList<>(notes);
        allNotes.add(note);
        boolean moved = queueKey != null && !queueKey.equals(this.queueKey);
        return new AutomationOutcome(true, queueKey, moved ? null : priority, replies, hideReason, allNotes, tags,
                leadScoreDelta, moved && (automationStatus == null || "automated".equals(automationStatus)
                        || "human".equals(automationStatus)) ? "escalated" : automationStatus, optOut, audit, qualify);
    }

    /**
     * One automated reply, over a channel already resolved for the interaction's kind.
     *
     * @param delay send this long after the message unless an agent answers the thread first; zero: at once
     */
    public record Reply(ReplyChannel channel, OutboundMessage message, String templateId, String variant,
                        java.time.Duration delay) {
        public Reply {
            delay = delay == null ? java.time.Duration.ZERO : delay;
        }
    }

    /** One audited step. */
    public record Audit(String ruleId, String templateId, String variant, String action, String outcome, String detail) { }

    public static AutomationOutcome route(String queueKey) {
        return new AutomationOutcome(true, queueKey, null, List.of(), null, List.of(), Set.of(), 0, null, false, List.of());
    }
}
