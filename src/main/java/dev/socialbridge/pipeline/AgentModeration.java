package dev.socialbridge.pipeline;

import dev.socialbridge.host.spi.HostEvent;
import dev.socialbridge.host.spi.TicketUpdate;
import dev.socialbridge.outbox.OutboxCommand;
import dev.socialbridge.outbox.OutboxStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an agent's moderation request on a ticket (hide, unhide or delete the customer's comment, block its author)
 * into platform calls on the ticket's thread, in the caller's store transaction. What cannot be done on the thread
 * (hiding a DM, unhiding what is not hidden) is answered on the ticket at once; the rest is written there once the
 * platform took it ({@link PlatformCommandHandler}). Undoing a hide automation made counts as a moderation false
 * positive.
 */
final class AgentModeration {
    static final String STATUS_FIELD = "moderation_status";
    static final String REASON_FIELD = "moderation_reason";
    static final String FAILED = "request_failed";

    private final HumanReplyStore replies;
    private final ModerationStore moderation;
    private final OutboxStore outbox;
    private final AuditStore audit;

    AgentModeration(HumanReplyStore replies, ModerationStore moderation, OutboxStore outbox, AuditStore audit) {
        this.replies = replies;
        this.moderation = moderation;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Queues the request's platform calls; returns how many. */
    int queue(Connection c, HostEvent.ModerationRequested request, String thread, Map<String, String> fields)
            throws SQLException {
        Optional<HumanReplyStore.ReplyTarget> target = replies.byThread(c, thread);
        if (target.isEmpty()) {
            return 0;   // a thread this store does not know (another installation's)
        }
        HumanReplyStore.ReplyTarget t = target.get();
        String reason = blankToNull(fields.get(REASON_FIELD));
        Instant now = Instant.now();
        List<ModerationRequestCommand> commands = new ArrayList<>();
        String refusal = null;
        switch (request.action()) {
            case "hide", "delete" -> {
                if (!t.lastKind().isPublic()) {
                    refusal = "this is a private conversation: only public comments can be hidden or deleted";
                } else {
                    commands.add(command(t, request, t.lastItemId(), null, reason));
                    if ("hide".equals(request.action())) {
                        moderation.recordHiddenByAgent(c, thread, t.platform(), t.accountId(), t.lastItemId(),
                                reason, request.author(), now);
                    }
                }
            }
            case "unhide" -> {
                List<ModerationStore.Hidden> hidden = moderation.stillHidden(c, thread);
                if (hidden.isEmpty()) {
                    refusal = "no comment of this thread is hidden";
                }
                for (ModerationStore.Hidden h : hidden) {
                    commands.add(command(t, request, h.commentId(), null, reason));
                    moderation.markUndone(c, h.id(), now);
                }
            }
            default -> commands.add(command(t, request, null, t.authorId(), reason));
        }
        if (refusal != null) {
            outbox.enqueue(c, new OutboxCommand("moderation:" + request.position() + "#refused", thread + "|host",
                    OutboxCommand.HOST, HostUpdateCommand.TYPE, new HostUpdateCommand(thread,
                    TicketUpdate.fields(Map.of(STATUS_FIELD, FAILED)), "Could not " + request.action() + ": " + refusal
                    + " (requested by " + request.author() + ").")), now);
        }
        int n = 0;
        for (ModerationRequestCommand cmd : commands) {
            outbox.enqueue(c, new OutboxCommand("moderation:" + request.position() + ":" + n++, thread + "|platform",
                    OutboxCommand.PLATFORM, ModerationRequestCommand.TYPE, cmd), now);
        }
        audit.insert(c, new AuditStore.AuditRow(0, thread, 0, null, null, null, request.action(),
                refusal != null ? "refused" : "agent_request", null, "requested by " + request.author()
                + (reason != null ? ", reason: " + reason : "") + (refusal != null ? "; " + refusal : ""), now));
        return commands.size();
    }

    private static ModerationRequestCommand command(HumanReplyStore.ReplyTarget t, HostEvent.ModerationRequested r,
                                                    String itemId, String userId, String reason) {
        return new ModerationRequestCommand(t.threadKey(), r.action(), t.platform(), t.accountId(), itemId, userId,
                t.conversationId(), r.author(), reason);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
