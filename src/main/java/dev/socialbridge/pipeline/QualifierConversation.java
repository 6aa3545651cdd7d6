package dev.socialbridge.pipeline;

import dev.socialbridge.connector.spi.ActionPolicy;
import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.connector.spi.OutboundMessage;
import dev.socialbridge.descriptor.FieldKeys;
import dev.socialbridge.host.spi.ContactUpsert;
import dev.socialbridge.host.spi.TicketUpdate;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.ReplyChannel;
import dev.socialbridge.leads.LeadFields;
import dev.socialbridge.leads.LeadScores;
import dev.socialbridge.leads.QualifierFlow;
import dev.socialbridge.leads.QualifierFlows;
import dev.socialbridge.leads.QualifierMachine;
import dev.socialbridge.leads.QualifierState;
import dev.socialbridge.leads.QualifierStore;
import dev.socialbridge.outbox.OutboxCommand;
import dev.socialbridge.outbox.OutboxStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The qualifier flow, end to end, in the caller's store transactions: a rule's {@code qualify} action sent the first
 * question and {@link #start} records the flow; each later message of that customer in a conversation is taken by
 * {@link #takeAnswer} before the rules (so they never answer it): appended to the lead's ticket as the customer's
 * message, read for its step (fields through the outbox, the lead score updated), and followed by the next
 * question, the same question with a hint, or thanks. A request for a person hands the lead's thread over; an
 * opt-out ends the flow and goes on to the usual opt-out handling; {@link #expire} closes flows left unanswered.
 */
public final class QualifierConversation {
    /** Dedupe-key prefix of the flow's outbox commands. */
    static final String KEY_PREFIX = "qualifier:";

    private final QualifierFlows flows;
    private final QualifierMachine machine;
    private final QualifierStore store = new QualifierStore();
    private final LeadScores scores;
    private final LeadRouting routing;
    private final ThreadStore threads;
    private final OutboxStore outbox;
    private final AuditStore audit;
    private final ActionPolicy policy;
    private final Duration timeout;

    public QualifierConversation(QualifierFlows flows, QualifierMachine machine, LeadScores scores, LeadRouting routing,
                                 ThreadStore threads, OutboxStore outbox, AuditStore audit, ActionPolicy policy,
                                 Duration timeout) {
        this.flows = flows;
        this.machine = machine;
        this.scores = scores;
        this.routing = routing;
        this.threads = threads;
        this.outbox = outbox;
        this.audit = audit;
        this.policy = policy;
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }

    /** A rule started {@code q} on {@code i} (its first question is queued): its answers are awaited. */
    void start(Connection c, Interaction i, AutomationOutcome.Qualify q, Instant now) throws SQLException {
        store.save(c, QualifierState.started(answerKey(i), i.threadKey(), q.flowId(), q.language(), now), now);
    }

    /**
     * Reads {@code i} as the answer its author's open flow waits for. Returns true when the flow took the message
     * (nothing else is done with it); false otherwise (no flow, a public message, an opt-out: handled as usual).
     */
    boolean takeAnswer(Connection c, Interaction i, String dedupeKey, Instant now) throws SQLException {
        if (i.kind().isPublic()) {
            return false;
        }
        Optional<QualifierState> open = store.open(c, answerKey(i));
        if (open.isEmpty()) {
            return false;
        }
        QualifierState s = open.get();
        Optional<QualifierFlow> flow = flows.flow(s.flowId());
        if (flow.isEmpty() || s.askedAt().isBefore(now.minus(timeout))) {
            close(c, s, "timeout", flow.isEmpty() ? "the flow " + s.flowId() + " is no longer configured"
                    : "no answer within " + timeout, now);
            return false;
        }
        Optional<Instant> agent = threads.lastAgentReplyAt(c, s.threadKey());
        if (agent.isPresent() && agent.get().isAfter(s.askedAt())) {
            // a person wrote to the customer since the question: the conversation is theirs
            close(c, s, "handed_over", "an agent answered the customer (" + agent.get() + ")", now);
            return false;
        }
        QualifierMachine.Turn t = machine.onMessage(flows, flow.get(), s, i.text(), now);
        String question = "question " + (s.step() + 1) + " of " + flow.get().steps().size() + " ("
                + flow.get().step(s.step()).id() + ")";
        if (t.outcome() == QualifierMachine.Outcome.STOPPED) {
            close(c, s, "stopped", "the customer opted out at " + question, now);
            return false;
        }
        threads.touch(c, i.threadKey(), i.occurredAt());
        appendToLeadTicket(c, s.threadKey(), i, dedupeKey, now);
        if (t.reply() != null) {
            outbox.enqueue(c, PlatformCommandHandler.command(KEY_PREFIX + dedupeKey + "#reply", i.threadKey() + "|platform",
                    OutboundAction.Reply.to(i, ReplyChannel.DM, new OutboundMessage(t.reply(), buttons(i, t), null))), now);
        }
        switch (t.outcome()) {
            case HANDED_OVER -> handOver(c, s, question, dedupeKey, now);
            case ASK_AGAIN -> store.save(c, t.next(), now);
            default -> answered(c, s, t, question, dedupeKey, now);
        }
        audit.insert(c, new AuditStore.AuditRow(0, s.threadKey(), i.inboxId(), null, "qualify:" + s.flowId(), null,
                "qualify", t.outcome().name().toLowerCase(java.util.Locale.ROOT), null, question, now));
        return true;
    }

    /** Closes the open flows whose question went unanswered for the timeout; returns how many. */
    int expire(Connection c, Instant now) throws SQLException {
        List<QualifierState> expired = store.expired(c, now.minus(timeout), 100);
        for (QualifierState s : expired) {
            QualifierFlow flow = flows.flow(s.flowId()).orElse(null);
            String question = flow == null ? "question " + (s.step() + 1)
                    : "question " + (s.step() + 1) + " of " + flow.steps().size() + " (" + flow.step(s.step()).id() + ")";
            close(c, s, "timeout", "no answer to " + question + " within " + timeout, now);
        }
        return expired.size();
    }

    private void answered(Connection c, QualifierState s, QualifierMachine.Turn t, String question, String dedupeKey,
                          Instant now) throws SQLException {
        boolean done = t.outcome() == QualifierMachine.Outcome.COMPLETED;
        Map<String, String> answers = new LinkedHashMap<>(s.answers());
        answers.putAll(t.fields());
        if (done) {
            store.close(c, s.answerKey(), "answered", answers, now);
        } else {
            store.save(c, t.next(), now);
        }
        LeadScores.Change score = scores.update(c, s.threadKey(), before -> scores.scoring().onAnswers(before, answers), now);
        Map<String, String> fields = new LinkedHashMap<>(t.fields());
        fields.putAll(score.fields());
        fields.put(LeadFields.QUALIFIER_STATUS, done ? "answered" : "in_progress");
        String note = "Qualifier " + s.flowId() + ", " + question + ": " + (t.kept() != null
                ? "kept as written after a second answer that did not parse: \"" + t.kept() + "\""
                : t.fields().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                        .reduce((a, b) -> a + ", " + b).orElse("answered")) + ". Lead score: " + score.score().breakdown() + ".";
        outbox.enqueue(c, new OutboxCommand(KEY_PREFIX + dedupeKey + "#fields", s.threadKey() + "|host", OutboxCommand.HOST,
                HostUpdateCommand.TYPE, new HostUpdateCommand(s.threadKey(), TicketUpdate.fields(fields), note)), now);
        if (score.hot()) {
            routing.hot(c, s.threadKey(), score, KEY_PREFIX + dedupeKey + "#hot", now);
        }
    }

    private void handOver(Connection c, QualifierState s, String question, String dedupeKey, Instant now)
            throws SQLException {
        store.close(c, s.answerKey(), "handed_over", s.answers(), now);
        threads.markHuman(c, s.threadKey(), now);
        outbox.enqueue(c, new OutboxCommand(KEY_PREFIX + dedupeKey + "#handover", s.threadKey() + "|host",
                OutboxCommand.HOST, HostUpdateCommand.TYPE, new HostUpdateCommand(s.threadKey(), TicketUpdate.fields(Map.of(
                LeadFields.QUALIFIER_STATUS, "handed_over", "automation_status", "handed_off")),
                "Qualifier " + s.flowId() + ": the customer asked for a person at " + question
                        + ". Please take over the conversation.")), now);
    }

    private void close(Connection c, QualifierState s, String status, String why, Instant now) throws SQLException {
        if (!store.close(c, s.answerKey(), status, s.answers(), now)) {
            return;
        }
        outbox.enqueue(c, new OutboxCommand(KEY_PREFIX + s.answerKey() + "@" + s.askedAt().toEpochMilli() + "#" + status,
                s.threadKey() + "|host", OutboxCommand.HOST, HostUpdateCommand.TYPE, new HostUpdateCommand(s.threadKey(),
                TicketUpdate.fields(Map.of(LeadFields.QUALIFIER_STATUS, status)),
                "Qualifier " + s.flowId() + " closed: " + why + ".")), now);
        audit.insert(c, new AuditStore.AuditRow(0, s.threadKey(), 0, null, "qualify:" + s.flowId(), null, "qualify",
                status, null, why, now));
    }

    /** The answer goes on the lead's ticket as the customer's message (creating it if the thread had none yet). */
    private void appendToLeadTicket(Connection c, String leadThread, Interaction i, String dedupeKey, Instant now)
            throws SQLException {
        ThreadState lead = threads.thread(c, leadThread);
        // the fields of a ticket this message creates (the lead's first message was not ticketed)
        Map<String, String> created = new LinkedHashMap<>();
        created.put(FieldKeys.THREAD_KEY, leadThread);
        created.put(FieldKeys.SOCIAL_CHANNEL, i.platform().id());
        created.put(FieldKeys.SOCIAL_ACCOUNT, i.accountId());
        created.put(FieldKeys.SOCIAL_USER_ID, i.author().id());
        HostMessageCommand msg = new HostMessageCommand(leadThread, lead.queueKey() != null ? lead.queueKey()
                : routing.defaultQueue(), null, null, "[" + i.platform().id() + " lead] " + i.text().strip(),
                new ContactUpsert(i.platform().id(), i.author().id(), i.author().handle(), i.author().displayName()),
                i.itemId(), i.text(), created, null, i.platform(), i.accountId(), i.attachments(), Map.of());
        if (lead.queueKey() == null) {
            threads.recordQueue(c, leadThread, msg.queueKey());
        }
        outbox.enqueue(c, new OutboxCommand(KEY_PREFIX + dedupeKey + "#host", leadThread + "|host", OutboxCommand.HOST,
                HostMessageCommand.TYPE, msg), now);
    }

    private List<String> buttons(Interaction i, QualifierMachine.Turn t) {
        int max = policy.maxQuickReplies(i.platform());
        return t.quickReplies().size() <= max ? t.quickReplies() : t.quickReplies().subList(0, max);
    }

    static String answerKey(Interaction i) {
        return QualifierState.answerKey(i.platform().id(), i.accountId(), i.author().id());
    }
}
