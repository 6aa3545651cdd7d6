package dev.socialbridge.rules;

/**
 * Something the pipeline should do for an interaction, as decided by {@link AutomationEngine}.
 * Reply texts are final: tokens resolved, disclosure added, within the platform length limit.
 */
public sealed interface Action {

    /** The audit name of the action: public_reply, private_reply, dm, hide, escalate, tag, mark_lead, notify. */
    String type();

    /** Reply publicly to the comment or mention. */
    record PublicReply(String text, String templateId, String variant) implements Action {
        public String type() {
            return "public_reply";
        }
    }

    /** Reply privately to a comment (comment-to-DM private reply: one per comment, within 7 days). */
    record PrivateReply(String text, String templateId, String variant) implements Action {
        public String type() {
            return "private_reply";
        }
    }

    /** Send a direct message in the author's conversation. */
    record SendDm(String text, String templateId, String variant) implements Action {
        public String type() {
            return "dm";
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
