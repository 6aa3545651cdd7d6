package dev.socialbridge.pipeline;

import dev.socialbridge.connector.Connectors;
import dev.socialbridge.connector.spi.Connector;
import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.host.spi.TicketUpdate;
import dev.socialbridge.inbox.InboxStore;
import dev.socialbridge.outbox.OutboxCommand;
import dev.socialbridge.outbox.OutboxHandler;
import dev.socialbridge.outbox.OutboxItem;
import dev.socialbridge.outbox.OutboxStore;
import dev.socialbridge.support.Json;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers platform actions through the connector of the action's platform. A reply is recorded in
 * {@code sent_message} before it is sent, so its echo and later statuses can be matched; the remote id is added
 * once known. What the platform refuses for good is written on the ticket with the reason; a person who can no
 * longer be reached is recorded on the thread; an account whose token the platform rejects is flagged and shows
 * in {@code verify} and readiness. Lookups ({@link FetchInteractionCommand}, {@link LookUpAuthorCommand}) go to
 * {@link PlatformLookups}, authors' names to {@link ProfileLookups}.
 */
public final class PlatformCommandHandler implements OutboxHandler {
    /** Outbox type of a {@link OutboundAction.Reply}. */
    public static final String REPLY = "platform.Reply";
    /** Outbox type of a {@link OutboundAction.SetHidden}. */
    public static final String SET_HIDDEN = "platform.SetHidden";
    /** Outbox type of a {@link OutboundAction.Acknowledge}. */
    public static final String ACKNOWLEDGE = "platform.Acknowledge";
    /** Outbox type of a {@link OutboundAction.Delete}. */
    public static final String DELETE = "platform.Delete";
    /** Outbox type of a {@link OutboundAction.Block}. */
    public static final String BLOCK = "platform.Block";
    /**
     * Lane suffix of replies a rule delayed ({@code after:}): not sent if an agent answered the thread after they were
     * scheduled.
     */
    public static final String DELAYED_LANE = "|delayed";

    private final Connectors connectors;
    private final AccountStatusStore accounts;
    private final ThreadStore threads;
    private final SentMessageStore sent;
    private final OutboxStore outbox;
    private final PlatformLookups lookups;
    private final InboxStore inbox;
    /** Authors' names; null when not set up (tests). */
    private ProfileLookups profiles;

    public PlatformCommandHandler(Connectors connectors, AccountStatusStore accounts, ThreadStore threads,
                                  SentMessageStore sent, OutboxStore outbox, InboxStore inbox, AuthorAudienceStore audiences,
                                  SlaClocks sla) {
        this.sla = sla;
        this.connectors = connectors;
        this.accounts = accounts;
        this.threads = threads;
        this.sent = sent;
        this.outbox = outbox;
        this.lookups = new PlatformLookups(connectors, accounts, inbox, audiences);
        this.inbox = inbox;
    }

    /** Looks up authors' names ({@link LookUpProfileCommand}, {@link RetryProfileCommand}), cached in {@code store}. */
    public PlatformCommandHandler withProfiles(AuthorProfileStore store) {
        this.profiles = new ProfileLookups(connectors, accounts, inbox, outbox, store);
        return this;
    }

    /** The outbox command that carries {@code action} in {@code lane}. */
    private final SlaClocks sla;

    public static OutboxCommand command(String dedupeKey, String lane, OutboundAction action) {
        String type = action instanceof OutboundAction.Reply ? REPLY
                : action instanceof OutboundAction.Acknowledge ? ACKNOWLEDGE
                : action instanceof OutboundAction.Delete ? DELETE
                : action instanceof OutboundAction.Block ? BLOCK : SET_HIDDEN;
        return new OutboxCommand(dedupeKey, lane, OutboxCommand.PLATFORM, type, action);
    }

    /**
     * A delayed reply is no longer wanted once an agent answered the thread after it was scheduled (host times have
     * whole seconds, hence the comparison to the second).
     */
    @Override
    public Optional<String> cancellation(OutboxItem item) {
        if (!item.lane().endsWith(DELAYED_LANE)) {
            return Optional.empty();
        }
        return threads.lastAgentReplyAt(threadOf(item))
                .filter(at -> !at.isBefore(item.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)))
                .map(at -> "an agent answered the thread first (at " + at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")");
    }

    @Override
    public DeliveryResult handle(OutboxItem item) {
        if (item.type().equals(FetchInteractionCommand.TYPE)) {
            return lookups.fetch(Json.read(item.payloadJson(), FetchInteractionCommand.class));
        }
        if (item.type().equals(LookUpAuthorCommand.TYPE)) {
            return lookups.lookUpAuthor(Json.read(item.payloadJson(), LookUpAuthorCommand.class));
        }
        if (item.type().equals(LookUpProfileCommand.TYPE) || item.type().equals(RetryProfileCommand.TYPE)) {
            if (profiles == null) {
                return new DeliveryResult.Failed("profile lookups are not set up");
            }
            return item.type().equals(LookUpProfileCommand.TYPE)
                    ? profiles.lookUp(Json.read(item.payloadJson(), LookUpProfileCommand.class))
                    : profiles.retry(Json.read(item.payloadJson(), RetryProfileCommand.class), item.attempts());
        }
        if (item.type().equals(ModerationRequestCommand.TYPE)) {
            return moderate(item, Json.read(item.payloadJson(), ModerationRequestCommand.class));
        }
        Optional<OutboundAction> read = LegacyPlatformActions.read(item.type(), item.payloadJson());
        if (read.isEmpty()) {
            return new DeliveryResult.Failed("unknown platform command type " + item.type());
        }
        OutboundAction action = read.get();
        Optional<Connector> connector = connectors.forPlatform(action.platform());
        if (connector.isEmpty()) {
            return new DeliveryResult.Failed("no connector configured for " + action.platform().id());
        }
        String thread = threadOf(item);
        long sentId = sent.recordBeforeSending(item.id(), action.platform().id(), action.accountId(), thread, textHash(action));
        DeliveryResult result;
        try {
            result = connector.get().client().deliver(action);
        } catch (IllegalArgumentException e) {
            result = new DeliveryResult.Failed("not possible on " + action.platform().id() + ": " + e.getMessage());
        }
        record(item, action, thread, sentId, result);
        return result;
    }

    /**
     * An agent's moderation request: the outcome goes on the ticket once the platform has taken or refused it (a
     * retry waits for the next attempt), with who asked and why.
     */
    private DeliveryResult moderate(OutboxItem item, ModerationRequestCommand cmd) {
        OutboundAction action = cmd.toAction();
        Optional<Connector> connector = connectors.forPlatform(action.platform());
        DeliveryResult result;
        if (connector.isEmpty()) {
            result = new DeliveryResult.Failed("no connector configured for " + action.platform().id());
        } else {
            try {
                result = connector.get().client().deliver(action);
            } catch (IllegalArgumentException e) {
                result = new DeliveryResult.NotSendable("not possible on " + action.platform().id() + ": " + e.getMessage());
            }
        }
        String who = " (requested by " + cmd.requestedBy() + (cmd.reason() != null ? ", reason: " + cmd.reason() : "") + ")";
        if (result instanceof DeliveryResult.Delivered) {
            Map<String, String> fields = new java.util.HashMap<>();
            fields.put(AgentModeration.STATUS_FIELD, cmd.doneStatus());
            if (cmd.reason() != null) {
                fields.put(AgentModeration.REASON_FIELD, cmd.reason());
            }
            hostNote(item, cmd.threadKey(), TicketUpdate.fields(fields), cmd.describeDone() + " on " + action.platform().id()
                    + " at " + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + who + ".");
        } else if (result instanceof DeliveryResult.AccountInvalid a) {
            accounts.markInvalid(action.accountId(), action.platform().id(), a.reason());
        } else if (!(result instanceof DeliveryResult.Retry)) {
            hostNote(item, cmd.threadKey(), TicketUpdate.fields(Map.of(AgentModeration.STATUS_FIELD, AgentModeration.FAILED)),
                    "Could not " + cmd.action() + " on " + action.platform().id() + ": " + result.reason() + who + ".");
        }
        return result;
    }

    /**
     * A reply or moderation action for a thread was given up: its ticket gets {@code delivery_status = dead_lettered}
     * (the admins' saved search "Tickets from dead-lettered deliveries" lists them) and a note saying how to retry.
     */
    @Override
    public void dead(OutboxItem item, String reason) {
        String thread = threadOf(item);
        if (thread == null || !MARKED_WHEN_DEAD.contains(item.type())) {
            return;
        }
        outbox.database().inTransaction(c -> {
            outbox.enqueue(c, new OutboxCommand(item.dedupeKey() + "#dead", thread + "|host", OutboxCommand.HOST,
                    HostUpdateCommand.TYPE, new HostUpdateCommand(thread, TicketUpdate.fields(Map.of(
                            dev.socialbridge.descriptor.FieldKeys.DELIVERY_STATUS, dev.socialbridge.descriptor.FieldKeys.DEAD_LETTERED)),
                            "Social Bridge gave up sending " + item.type().replace("platform.", "") + " (outbox item " + item.id()
                                    + "): " + reason + ". Retry with: social-bridge dead-letters --retry " + item.id()
                                    + "; clear Social Delivery Status once handled.")), Instant.now());
            return null;
        });
    }

    /** Outbox types whose dead letter marks the thread's ticket: what an agent or the customer waits for. */
    private static final java.util.Set<String> MARKED_WHEN_DEAD = java.util.Set.of(REPLY, SET_HIDDEN, DELETE, BLOCK,
            ModerationRequestCommand.TYPE);

    /** An automated reply reached the customer: the SLA clocks hear of it (it stops one only when configured to). */
    private void automatedAnswer(OutboxItem item, String thread) {
        Instant now = Instant.now();
        outbox.database().inTransaction(c -> {
            Optional<Instant> due = sla.answered(c, thread, now, false);
            if (due.isPresent()) {
                outbox.enqueue(c, new OutboxCommand(item.dedupeKey() + "#due", thread + "|host", OutboxCommand.HOST,
                        HostUpdateCommand.TYPE, new HostUpdateCommand(thread, new TicketUpdate(null, null, due.get(), null,
                        Map.of()), null)), now);
            }
            return null;
        });
    }

    private void hostNote(OutboxItem item, String thread, TicketUpdate update, String note) {
        outbox.database().inTransaction(c -> {
            outbox.enqueue(c, new OutboxCommand(item.dedupeKey() + "#outcome", thread + "|host", OutboxCommand.HOST,
                    HostUpdateCommand.TYPE, new HostUpdateCommand(thread, update, note)), Instant.now());
            return null;
        });
    }

    private void record(OutboxItem item, OutboundAction action, String thread, long sentId, DeliveryResult result) {
        if (result instanceof DeliveryResult.Delivered d) {
            sent.recordRemoteId(sentId, d.remoteId());
            if (thread != null && action instanceof OutboundAction.Reply r) {
                threads.recordFirstResponse(thread, Instant.now());
                if (!r.message().fromAgent()) {
                    automatedAnswer(item, thread);
                }
                if (r.message().fromAgent()) {
                    noteOnTicket(item, thread, "Sent to the customer on " + action.platform().id() + " at "
                            + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " as "
                            + r.channel().auditName().replace('_', ' ')
                            + (d.remoteId() != null ? " (platform message id " + d.remoteId() + ")" : "") + ".");
                } else if (SurveyFlow.isSurveyMessage(item.dedupeKey())) {
                    // a comment, not correspondence: the survey must not reopen the resolved ticket
                    noteOnTicket(item, thread, "Satisfaction survey sent to the customer: " + r.message().text());
                } else {
                    recordOnTicket(item, thread, "sent:" + action.platform().id() + ":"
                            + (d.remoteId() != null ? d.remoteId() : "outbox-" + item.id()), r.message().text());
                }
            }
        } else if (result instanceof DeliveryResult.AccountInvalid a) {
            accounts.markInvalid(action.accountId(), action.platform().id(), a.reason());
        } else if (action instanceof OutboundAction.Acknowledge) {
            return;   // a missed acknowledgement is not worth an agent's attention
        } else if (thread != null && (result instanceof DeliveryResult.NotSendable || result instanceof DeliveryResult.Unreachable
                || result instanceof DeliveryResult.Failed)) {
            if (result instanceof DeliveryResult.Unreachable u) {
                threads.recordUnreachable(thread, u.reason(), Instant.now());
            }
            noteOnTicket(item, thread, describe(action) + " was not sent on " + action.platform().id() + ": "
                    + result.reason());
        }
    }

    /** Records an automated reply the platform took on the thread's ticket (once per outbox item). */
    private void recordOnTicket(OutboxItem item, String thread, String messageId, String text) {
        outbox.database().inTransaction(c -> {
            outbox.enqueue(c, new OutboxCommand(item.dedupeKey() + "#record", thread + "|host", OutboxCommand.HOST,
                    HostAutomatedReplyCommand.TYPE, new HostAutomatedReplyCommand(thread, messageId, text)), Instant.now());
            return null;
        });
    }

    /** Writes what happened on the thread's ticket (once per outbox item). */
    private void noteOnTicket(OutboxItem item, String thread, String note) {
        hostNote(item, thread, TicketUpdate.fields(Map.of()), note);
    }

    private static String describe(OutboundAction action) {
        if (action instanceof OutboundAction.Reply r) {
            return (r.message().fromAgent() ? "Your reply" : "The automated " + r.channel().auditName().replace('_', ' '))
                    + " \"" + abbreviate(r.message().text()) + "\"";
        }
        if (action instanceof OutboundAction.Acknowledge) {
            return "Acknowledging the customer's message";
        }
        if (action instanceof OutboundAction.Delete) {
            return "Deleting the comment";
        }
        if (action instanceof OutboundAction.Block) {
            return "Blocking the author";
        }
        return ((OutboundAction.SetHidden) action).hidden() ? "Hiding the comment" : "Unhiding the comment";
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 119) + "…";
    }

    private static String threadOf(OutboxItem item) {
        int at = item.lane().lastIndexOf('|');
        return at < 0 ? null : item.lane().substring(0, at);
    }

    private static String textHash(OutboundAction a) {
        return a instanceof OutboundAction.Reply r ? Integer.toHexString(r.message().text().hashCode()) : null;
    }
}
