package dev.socialbridge.pipeline;

import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.connector.spi.OutboundMessage;
import dev.socialbridge.connector.spi.ReplyTo;
import dev.socialbridge.host.spi.HostEvent;
import dev.socialbridge.host.spi.TicketUpdate;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.ReplyChannel;
import dev.socialbridge.outbox.OutboxCommand;
import dev.socialbridge.outbox.OutboxStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The satisfaction survey, end to end, in the caller's store transactions: when a conversation's ticket is resolved
 * in a surveyed queue, the CSAT question goes to the customer (who has not opted out, inside the messaging window);
 * the customer's next message, when it is an answer, is stored on the ticket (fields {@code csat}, {@code nps}, as a
 * comment: the resolved ticket stays resolved) and followed by the next question or thanks. Any other message ends
 * the survey and is handled as usual.
 */
public final class SurveyFlow {
    /** Dedupe-key prefix of the survey's messages: the ticket records them as comments, never as correspondence. */
    static final String KEY_PREFIX = "survey:";
    /** Margin before the end of the window: a question the customer could not answer in time is not asked. */
    private static final Duration WINDOW_MARGIN = Duration.ofHours(1);

    private final SatisfactionSurvey survey;
    private final SurveyStore store = new SurveyStore();
    private final HumanReplyStore replies;
    private final ThreadStore threads;
    private final OutboxStore outbox;
    private final AuditStore audit;

    public SurveyFlow(SatisfactionSurvey survey, HumanReplyStore replies, ThreadStore threads, OutboxStore outbox,
                      AuditStore audit) {
        this.survey = survey;
        this.replies = replies;
        this.threads = threads;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Whether {@code dedupeKey} is one of the survey's messages. */
    static boolean isSurveyMessage(String dedupeKey) {
        return dedupeKey.startsWith(KEY_PREFIX);
    }

    /** A ticket was closed: asks the CSAT question when the conversation is surveyed. */
    void onClosed(Connection c, HostEvent.TicketClosed closed, String thread, Map<String, String> fields)
            throws SQLException {
        if (!"resolved".equals(closed.status()) || survey.queues().isEmpty()) {
            return;
        }
        ThreadState state = threads.thread(c, thread);
        Optional<HumanReplyStore.ReplyTarget> target = replies.byThread(c, thread);
        if (!survey.surveys(state.queueKey()) || target.isEmpty() || target.get().lastKind().isPublic()) {
            return;   // not a surveyed queue, another installation's thread, or a public comment thread
        }
        HumanReplyStore.ReplyTarget t = target.get();
        Instant now = Instant.now();
        String skip = threads.optedOutAt(c, t.platform().id() + ":" + t.authorId()) != null
                ? "the customer opted out of automated messages"
                : t.customerMessageAt() == null || t.customerMessageAt()
                        .isBefore(now.minus(SatisfactionSurvey.ANSWER_WINDOW).plus(WINDOW_MARGIN))
                ? "the customer's last message is too old to write to them" : null;
        if (skip == null) {
            String language = "fr".equals(fields.get("language")) ? "fr" : "en";
            OutboundAction.Reply question = new OutboundAction.Reply(t.platform(), t.accountId(),
                    ReplyChannel.DM.on(t.lastKind()), new ReplyTo(t.lastKind(), t.threadKey(), t.lastItemId(), null,
                    t.lastPostId(), t.conversationId(), t.authorId(), t.customerMessageAt()),
                    OutboundMessage.text(survey.csatQuestion(language)));
            outbox.enqueue(c, PlatformCommandHandler.command(KEY_PREFIX + closed.position(), thread + "|platform",
                    question), now);
            store.ask(c, thread, closed.ticket().id(), SatisfactionSurvey.CSAT, language, now);
        }
        audit.insert(c, new AuditStore.AuditRow(0, thread, 0, null, null, null, "survey",
                skip == null ? "sent" : "not_sent", null, skip == null ? "CSAT question" : skip, now));
    }

    /**
     * Reads {@code i} as the answer the thread's survey waits for. Returns true when it was one (recorded, next
     * question or thanks queued: the message needs nothing else); false otherwise (a survey waiting is closed).
     */
    boolean takeAnswer(Connection c, Interaction i, String dedupeKey, Instant now) throws SQLException {
        if (i.kind().isPublic()) {
            return false;
        }
        Optional<SurveyStore.Open> open = store.open(c, i.threadKey(), now.minus(SatisfactionSurvey.ANSWER_WINDOW));
        if (open.isEmpty()) {
            return false;
        }
        String step = open.get().step();
        Optional<Integer> score = SatisfactionSurvey.answer(step, i.text());
        if (score.isEmpty()) {
            store.close(c, i.threadKey());
            return false;
        }
        String next = SatisfactionSurvey.CSAT.equals(step) && survey.nps() ? SatisfactionSurvey.NPS : SatisfactionSurvey.DONE;
        store.answer(c, i.threadKey(), step, score.get(), next, now);
        String field = SatisfactionSurvey.field(step);
        String scale = SatisfactionSurvey.NPS.equals(step) ? "0-10" : "1-5";
        outbox.enqueue(c, new OutboxCommand(KEY_PREFIX + dedupeKey + "#answer", i.threadKey() + "|host",
                OutboxCommand.HOST, HostUpdateCommand.TYPE, new HostUpdateCommand(i.threadKey(),
                TicketUpdate.fields(Map.of(field, Integer.toString(score.get()))), "Satisfaction survey: the customer"
                + " answered " + score.get() + " (" + field.toUpperCase(java.util.Locale.ROOT) + ", " + scale + ").")), now);
        String language = open.get().language();
        String text = SatisfactionSurvey.NPS.equals(next) ? survey.npsQuestion(language) : survey.thanks(language);
        outbox.enqueue(c, PlatformCommandHandler.command(KEY_PREFIX + dedupeKey + "#next", i.threadKey() + "|platform",
                OutboundAction.Reply.to(i, ReplyChannel.DM, OutboundMessage.text(text))), now);
        audit.insert(c, new AuditStore.AuditRow(0, i.threadKey(), i.inboxId(), null, null, null, "survey", "answered",
                null, field + "=" + score.get(), now));
        return true;
    }
}
