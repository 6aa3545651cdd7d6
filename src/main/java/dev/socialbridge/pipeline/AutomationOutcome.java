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
 */
public record AutomationOutcome(boolean ticket, String queueKey, Integer priority, List<Reply> replies, String hideReason,
                                List<String> notes, Set<String> tags, int leadScoreDelta, String automationStatus,
                                boolean optOut, List<Audit> audit) {

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
