package dev.socialbridge.pipeline;

import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.connector.spi.OutboundMessage;
import dev.socialbridge.connector.spi.ReplyTo;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.HostEvent;
import dev.socialbridge.host.spi.HostEvents;
import dev.socialbridge.host.spi.HostException;
import dev.socialbridge.host.spi.HostFile;
import dev.socialbridge.host.spi.TicketUpdate;
import dev.socialbridge.outbox.OutboxCommand;
import java.util.ArrayList;
import java.util.List;
import dev.socialbridge.interaction.ReplyChannel;
import dev.socialbridge.outbox.OutboxStore;
import dev.socialbridge.support.BackgroundWorker;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends agents' replies to the customers: follows the host's history with a durable cursor, and for each agent's
 * reply on a social ticket queues one platform reply, in the same store transaction as the new cursor position
 * (exactly once: a crash before the commit reads the same replies again, the outbox dedupe key absorbs a replay).
 * A reply marks the thread as owned by a person; a closed ticket releases it. Internal comments are never read.
 * An agent's moderation request (hide, unhide, delete, block) is queued the same way ({@link AgentModeration}), and
 * so is the satisfaction survey of a resolved conversation ({@link SurveyFlow}). An agent's change of the intent or
 * sentiment, and an unhide, are recorded as the classifier's labelled examples
 * ({@link dev.socialbridge.learning.CorrectionRecorder}).
 *
 * <p>Each file the agent attached goes as its own message after the text, where the platform takes files there, as a
 * signed link the platform downloads it from ({@link dev.socialbridge.media.MediaLinks}); the ticket says which
 * were not sent and why.
 *
 * <p>On a comment thread the reply goes under the customer's latest comment, or privately (comment-to-DM) when the
 * ticket's {@value #REPLY_MODE_FIELD} field says {@code private}; on a conversation it is a message in it.
 */
public final class AgentReplyWatcher extends BackgroundWorker {
    /** Ticket field where an agent asks for a private reply to a comment thread. */
    public static final String REPLY_MODE_FIELD = "social_reply_mode";
    private static final String THREAD_KEY = "thread_key";
    private static final Logger LOG = LoggerFactory.getLogger(AgentReplyWatcher.class);
    private static final int PAGE = 100;

    private final HostAdapter host;
    private final HumanReplyStore store;
    private final ThreadStore threads;
    private final OutboxStore outbox;
    private final Runnable onEnqueued;
    private final AgentModeration moderation;
    private final SurveyFlow surveys;
    /** An answer stops the response clock; statuses pause, resume and resolve. */
    private final SlaClocks sla;
    private final dev.socialbridge.connector.spi.ActionPolicy policy;
    private final Optional<dev.socialbridge.media.MediaLinks> mediaLinks;
    private dev.socialbridge.learning.CorrectionRecorder corrections;
    private long position = -1;

    public AgentReplyWatcher(HostAdapter host, HumanReplyStore store, ThreadStore threads, OutboxStore outbox,
                             ModerationStore moderationStore, AuditStore audit, SurveyFlow surveys, SlaClocks sla,
                             dev.socialbridge.connector.spi.ActionPolicy policy,
                             Optional<dev.socialbridge.media.MediaLinks> mediaLinks, java.time.Duration interval,
                             Runnable onEnqueued) {
        super("agent-replies", interval.toMillis());
        this.host = host;
        this.store = store;
        this.threads = threads;
        this.outbox = outbox;
        this.onEnqueued = onEnqueued;
        this.moderation = new AgentModeration(store, moderationStore, outbox, audit);
        this.surveys = surveys;
        this.sla = sla;
        this.policy = policy;
        this.mediaLinks = mediaLinks;
    }

    /** Agents' changes of the intent or sentiment, and their unhides, become the classifier's labelled examples. */
    public AgentReplyWatcher withCorrections(dev.socialbridge.learning.CorrectionRecorder recorder) {
        this.corrections = recorder;
        return this;
    }

    public AgentReplyWatcher start() {
        startWorker();
        return this;
    }

    /** Another instance followed the host meanwhile: read the cursor it left. */
    @Override
    protected void resumed() {
        position = -1;
    }

    @Override
    protected boolean runOnce() {
        try {
            if (position < 0) {
                position = store.cursor().orElseGet(this::startHere);
            }
            HostEvents page = host.eventsAfter(position, PAGE);
            if (page.position() == position) {
                return false;
            }
            Map<String, Map<String, String>> fields = fieldsOf(page);
            int queued = store.database().inTransaction(c -> apply(c, page, fields));
            position = page.position();
            if (queued > 0) {
                onEnqueued.run();
            }
            return true;   // there may be more: read again at once
        } catch (HostException e) {
            LOG.debug("reading the host's history: {}", e.getMessage());
            return false;
        }
    }

    /** A first start follows the host from now on: earlier replies were never the plugin's to send. */
    private long startHere() {
        long latest = host.latestPosition();
        store.database().inTransaction(c -> {
            store.saveCursor(c, latest);
            return null;
        });
        LOG.info("following the host's replies from transaction {}", latest);
        return latest;
    }

    /**
     * The fields of the events' tickets are read from the host before the store transaction (a ticket's thread
     * key, the reply mode), so that the transaction holds no host call.
     */
    private int apply(Connection c, HostEvents page, Map<String, Map<String, String>> fields) throws SQLException {
        int queued = 0;
        for (HostEvent e : page.events()) {
            String thread = fields.get(e.ticket().id()).get(THREAD_KEY);
            if (thread == null) {
                continue;   // not a social ticket
            }
            if (e instanceof HostEvent.TicketClosed closed) {
                store.release(c, thread);
                surveys.onClosed(c, closed, thread, fields.get(e.ticket().id()));
                sla.status(c, thread, closed.status(), true, closed.at());
            } else if (e instanceof HostEvent.StatusChanged changed) {
                sla.status(c, thread, changed.status(), false, changed.at())
                        .ifPresent(due -> queueDue(c, thread, "status:" + changed.position(), due));
            } else if (e instanceof HostEvent.AgentReply reply && queue(c, reply, thread, fields.get(e.ticket().id()))) {
                queued++;
                sla.answered(c, thread, reply.at(), true)
                        .ifPresent(due -> queueDue(c, thread, "agent:" + reply.position(), due));
            } else if (e instanceof HostEvent.ModerationRequested request) {
                queued += moderation.queue(c, request, thread, fields.get(e.ticket().id()));
                if (corrections != null && "unhide".equals(request.action())) {
                    corrections.unhidden(c, request, thread);
                }
            } else if (e instanceof HostEvent.LabelCorrected correction && corrections != null) {
                corrections.labelChanged(c, correction, thread);
            }
        }
        store.saveCursor(c, page.position());
        return queued;
    }

    /** The ticket's due date follows the SLA clocks (the next deadline). */
    private void queueDue(Connection c, String thread, String key, Instant due) {
        try {
            outbox.enqueue(c, new OutboxCommand(key + ":due", thread + "|host", OutboxCommand.HOST, HostUpdateCommand.TYPE,
                    new HostUpdateCommand(thread, new TicketUpdate(null, null, due, null, Map.of()), null)), Instant.now());
        } catch (SQLException e) {
            throw new dev.socialbridge.store.StoreException(e);
        }
    }

    private Map<String, Map<String, String>> fieldsOf(HostEvents page) {
        Map<String, Map<String, String>> out = new java.util.HashMap<>();
        for (HostEvent e : page.events()) {
            out.computeIfAbsent(e.ticket().id(), id -> host.readFields(e.ticket()));
        }
        return out;
    }

    private boolean queue(Connection c, HostEvent.AgentReply reply, String thread, Map<String, String> fields)
            throws SQLException {
        Optional<HumanReplyStore.ReplyTarget> target = store.byThread(c, thread);
        if (target.isEmpty() || reply.text().isBlank() && reply.files().isEmpty()) {
            return false;   // a thread this store does not know (another installation's), or an empty reply
        }
        HumanReplyStore.ReplyTarget t = target.get();
        ReplyChannel channel = (!t.lastKind().isPublic() ? ReplyChannel.DM
                : "private".equals(fields.get(REPLY_MODE_FIELD)) ? ReplyChannel.PRIVATE : ReplyChannel.PUBLIC).on(t.lastKind());
        ReplyTo to = new ReplyTo(t.lastKind(), t.threadKey(), t.lastItemId(), null, t.lastPostId(), t.conversationId(),
                t.authorId(), t.customerMessageAt());
        Instant now = Instant.now();
        String lane = t.threadKey() + "|platform";
        if (!reply.text().isBlank()) {
            outbox.enqueue(c, PlatformCommandHandler.command("agent:" + reply.position(), lane, new OutboundAction.Reply(
                    t.platform(), t.accountId(), channel, to, OutboundMessage.byAgent(reply.text(), reply.author()))), now);
        }
        int n = 0;
        List<String> notSent = new ArrayList<>();
        for (HostFile file : reply.files()) {
            Optional<String> refusal = mediaLinks.isEmpty()
                    ? Optional.of("attachments need socialbridge.media.public-url (and an admin token) to be sent")
                    : policy.mediaRefusal(t.platform(), t.lastKind(), channel, file.mimeType());
            if (refusal.isPresent()) {
                notSent.add(file.fileName() + ": " + refusal.get());
                continue;
            }
            OutboundMessage.MediaLink link = new OutboundMessage.MediaLink(
                    mediaLinks.get().link(file.id(), file.fileName()), file.mimeType(), file.fileName());
            outbox.enqueue(c, PlatformCommandHandler.command("agent:" + reply.position() + ":file" + n++, lane,
                    new OutboundAction.Reply(t.platform(), t.accountId(), channel, to,
                            OutboundMessage.fileByAgent(link, reply.author()))), now);
        }
        if (!notSent.isEmpty()) {
            outbox.enqueue(c, new OutboxCommand("agent:" + reply.position() + ":files-not-sent", t.threadKey() + "|host",
                    OutboxCommand.HOST, HostUpdateCommand.TYPE, new HostUpdateCommand(t.threadKey(),
                    TicketUpdate.fields(Map.of()), "Attachment not sent on " + t.platform().id() + ": "
                    + String.join("; ", notSent) + ".")), now);
        }
        threads.markHuman(c, t.threadKey(), reply.at());
        threads.recordAgentReply(c, t.threadKey(), reply.at());
        return true;
    }

}
