package dev.socialbridge.rules;

import dev.socialbridge.templates.TokenText;

/** One compiled {@code then} entry of a rule, turned into an {@link Action} (or suppressed) per decision. */
sealed interface ActionSpec {

    /** How a reply travels. */
    enum ReplyMode {
        /** {@code reply}: where the message was — public reply to a comment/mention, else a DM. */
        REPLY("reply"),
        /** {@code privateReply}: comment-to-DM for a comment/mention, else a DM. */
        PRIVATE_REPLY("privateReply"),
        /** {@code dm}: always a DM in the author's conversation. */
        DM("dm");

        final String key;

        ReplyMode(String key) {
            this.key = key;
        }
    }

    record Reply(ReplyMode mode, String templateId) implements ActionSpec {
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
