package dev.socialbridge.rules;

import dev.socialbridge.connector.spi.OutboundMessage;
import dev.socialbridge.interaction.ReplyChannel;
import dev.socialbridge.templates.TokenText;

/** One compiled {@code then} entry of a rule, turned into an {@link Action} (or suppressed) per decision. */
sealed interface ActionSpec {

    /**
     * A reply from a template.
     *
     * @param channel       the channel asked for ({@code reply} public, {@code privateReply} private, {@code dm})
     * @param outsideWindow the approved platform template to send when free text is not allowed, or null
     * @param delay         how long after the message to send it, unless an agent answers first; zero: at once
     */
    record Reply(ReplyChannel channel, String templateId, OutboundMessage.PlatformTemplate outsideWindow,
                 java.time.Duration delay) implements ActionSpec {
    }

    /** Start the qualifier flow {@code flowId}: its first question goes privately. */
    record Qualify(String flowId) implements ActionSpec {
    }

    record Hide(String reason) implements ActionSpec {
    }

    record Escalate(String queueKey, int priority, String reason) implements ActionSpec {
    }

    record Tag(String tag) implements ActionSpec {
    }

    record MarkLead(int scoreDelta) implements ActionSpec {
    }

    record Notify(TokenText text) implements ActionSpec {
    }
}
