package dev.socialbridge.rules;

import dev.socialbridge.connector.spi.OutboundMessage;
import dev.socialbridge.interaction.ReplyChannel;
import java.time.Duration;
import java.util.List;

/**
 * Something the pipeline should do for an interaction, as decided by {@link AutomationEngine}.
 * Reply texts are final: tokens resolved, disclosure added, within the platform length limit.
 */
public sealed interface Action {

    /** The audit name of the action: public_reply, private_reply, dm, hide, escalate, tag, mark_lead, notify. */
    String type();

    /**
     * Reply over {@code channel} (already resolved for the interaction's kind).
     *
     * @param quickReplies short answers offered as buttons where the platform has them
     * @param template     the approved platform template to send when free text is not allowed, or null
     * @param delay        send this long after the message unless an agent answers the thread first; zero: at once
     */
    record Reply(ReplyChannel channel, String text, List<String> quickReplies, OutboundMessage.PlatformTemplate template,
                 String templateId, String variant, Duration delay) implements Action {
        public Reply {
            quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
            delay = delay == null ? Duration.ZERO : delay;
        }

        /** A reply sent at once. */
        public Reply(ReplyChannel channel, String text, List<String> quickReplies, OutboundMessage.PlatformTemplate template,
                     String templateId, String variant) {
            this(channel, text, quickReplies, template, templateId, variant, Duration.ZERO);
        }

        public String type() {
            return channel.auditName();
        }

        /** The message a connector sends. */
        public OutboundMessage message() {
            return new OutboundMessage(text, quickReplies, template);
        }
    }

    /**
     * A qualifier flow starts: its first question is the {@link Reply} planned just before this action; the caller
     * records the flow so that the customer's next messages are read as its answers.
     *
     * @param language fr or en, the language of the flow's questions
     */
    record Qualify(String flowId, String language) implements Action {
        public String type() {
            return "qualify";
        }
    }

    /** Hide the comment. */
    record Hide(String reason) implements Action {
        public String type() {
            return "hide";
        }
    }

    /** Put the thread's ticket in a descriptor queue (hot_leads, support, ...) with a 0–100 priority. */
    record Escalate(String queueKey, int priority, String reason) implements Action {
        public String type() {
            return "escalate";
        }
    }

    /** Tag the thread's ticket. */
    record Tag(String tag) implements Action {
        public String type() {
            return "tag";
        }
    }

    /** Mark the author/thread as a sales lead and add to its lead score. */
    record MarkLead(int scoreDelta) implements Action {
        public String type() {
            return "mark_lead";
        }
    }

    /** Add an internal note (host comment) to the ticket; never shown to the author. */
    record Notify(String text) implements Action {
        public String type() {
            return "notify";
        }
    }
}
