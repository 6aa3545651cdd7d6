package dev.socialbridge.pipeline;

import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.connector.spi.PlatformClient;
import dev.socialbridge.inbox.InboxStore;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.outbox.OutboxHandler;
import dev.socialbridge.outbox.OutboxItem;
import dev.socialbridge.store.Database;
import dev.socialbridge.support.Json;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Map;

/**
 * Delivers platform actions through the connector's {@link PlatformClient}. The action is recorded in
 * {@code sent_message} before it is sent, so its echo can be matched; the remote id is added once known.
 * An account whose token the platform rejects is flagged and shows in {@code verify} and readiness.
 * Lookups ({@link FetchInteractionCommand}, {@link LookUpAuthorCommand}) go to {@link PlatformLookups}.
 */
public final class PlatformCommandHandler implements OutboxHandler {
    private static final Map<String, Class<? extends OutboundAction>> TYPES = Map.of(
            type(OutboundAction.PublicReply.class), OutboundAction.PublicReply.class,
            type(OutboundAction.PrivateReply.class), OutboundAction.PrivateReply.class,
            type(OutboundAction.SendMessage.class), OutboundAction.SendMessage.class,
            type(OutboundAction.MentionReply.class), OutboundAction.MentionReply.class,
            type(OutboundAction.SetCommentHidden.class), OutboundAction.SetCommentHidden.class);

    private final Map<Platform, PlatformClient> clients;
    private final Database db;
    private final AccountStatusStore accounts;
    private final ThreadStore threads;
    private final PlatformLookups lookups;

    public PlatformCommandHandler(Map<Platform, PlatformClient> clients, Database db, AccountStatusStore accounts,
                                  ThreadStore threads, InboxStore inbox, AuthorAudienceStore audiences) {
        this.clients = Map.copyOf(clients);
        this.db = db;
        this.accounts = accounts;
        this.threads = threads;
        this.lookups = new PlatformLookups(this.clients, accounts, inbox, audiences);
    }

    /** Outbox type name of an action class. */
    public static String type(Class<? extends OutboundAction> c) {
        return "platform." + c.getSimpleName();
    }

    @Override
    public DeliveryResult handle(OutboxItem item) {
        if (item.type().equals(FetchInteractionCommand.TYPE)) {
            return lookups.fetch(Json.read(item.payloadJson(), FetchInteractionCommand.class));
        }
        if (item.type().equals(LookUpAuthorCommand.TYPE)) {
            return lookups.lookUpAuthor(Json.read(item.payloadJson(), LookUpAuthorCommand.class));
        }
        Class<? extends OutboundAction> cls = TYPES.get(item.type());
        if (cls == null) {
            return new DeliveryResult.Failed("unknown platform command type " + item.type());
        }
        OutboundAction action = Json.read(item.payloadJson(), cls);
        PlatformClient client = clients.get(action.platform());
        if (client == null) {
            return new DeliveryResult.Failed("no connector configured for " + action.platform().id());
        }
        long sentId = recordBeforeSending(item.id(), action);
        DeliveryResult result;
        try {
            result = client.deliver(action);
        } catch (IllegalArgumentException e) {
            return new DeliveryResult.Failed("not possible on " + action.platform().id() + ": " + e.getMessage());
        }
        if (result instanceof DeliveryResult.Delivered d) {
            recordRemoteId(sentId, d.remoteId());
            String thread = threadOf(item);
            if (thread != null && !(action instanceof OutboundAction.SetCommentHidden)) {
                threads.recordFirstResponse(thread, Instant.now());
            }
        } else if (result instanceof DeliveryResult.AccountInvalid a) {
            accounts.markInvalid(action.accountId(), action.platform().id(), a.reason());
        }
        return result;
    }

    private static String threadOf(OutboxItem item) {
        int at = item.lane().lastIndexOf('|');
        return at < 0 ? null : item.lane().substring(0, at);
    }

    private long recordBeforeSending(long outboxId, OutboundAction action) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sent_message (outbox_id, platform, account_id,"
                    + " text_hash, created_at) VALUES (?, ?, ?, ?, ?)", new String[] {"id"})) {
                ps.setLong(1, outboxId);
                ps.setString(2, action.platform().id());
                ps.setString(3, action.accountId());
                ps.setString(4, textHash(action));
                ps.setTimestamp(5, Database.ts(Instant.now()));
                ps.executeUpdate();
                try (var keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    private void recordRemoteId(long sentId, String remoteId) {
        if (remoteId == null) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sent_message SET remote_id = ? WHERE id = ?")) {
                ps.setString(1, remoteId);
                ps.setLong(2, sentId);
                return ps.executeUpdate();
            }
        });
    }

    private static String textHash(OutboundAction a) {
        String text = a instanceof OutboundAction.PublicReply p ? p.text()
                : a instanceof OutboundAction.PrivateReply p ? p.text()
                : a instanceof OutboundAction.SendMessage m ? m.text()
                : a instanceof OutboundAction.MentionReply r ? r.text() : null;
        return text == null ? null : Integer.toHexString(text.hashCode());
    }
}
