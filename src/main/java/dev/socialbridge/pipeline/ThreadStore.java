package dev.socialbridge.pipeline;

import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** JDBC access to thread, author (opt-out, reply rate) and account state. */
public final class ThreadStore {
    private static final String THREAD_COLUMNS = "thread_key, queue_key, ticket_id, ticket_url, message_count, bot_turns,"
            + " campaign_tag, first_message_at, first_response_at, sla_due_at, automation_status, unreachable_reason, human_since";

    private final Database db;

    public ThreadStore(Database db) {
        this.db = db;
    }

    public ThreadState thread(Connection c, String threadKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + THREAD_COLUMNS + " FROM social_thread WHERE thread_key = ?")) {
            ps.setString(1, threadKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? map(rs) : ThreadState.fresh(threadKey);
            }
        }
    }

    public Optional<ThreadState> thread(String threadKey) {
        return db.inTransaction(c -> {
            ThreadState t = thread(c, threadKey);
            return t.isNew() ? Optional.<ThreadState>empty() : Optional.of(t);
        });
    }

    public List<ThreadState> threads(int limit) {
        return db.inTransaction(c -> {
            List<ThreadState> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + THREAD_COLUMNS + " FROM social_thread ORDER BY first_message_at")) {
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Records a customer message in the thread (creating the thread row on the first one); {@code campaignTag}, when
     * not null, becomes the thread's campaign (it follows the newest touch).
     */
    public void recordMessage(Connection c, Interaction i, ThreadState before, String queueKey, int botTurnsAdded,
                              String campaignTag, Instant slaDue, String automationStatus) throws SQLException {
        if (before.isNew()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO social_thread (thread_key, platform, account_id,"
                    + " author_id, queue_key, message_count, bot_turns, campaign_tag, first_message_at, last_message_at,"
                    + " sla_due_at, automation_status, last_comment_id, conversation_id, last_kind, last_post_id)"
                    + " VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, i.threadKey());
                ps.setString(2, i.platform().id());
                ps.setString(3, i.accountId());
                ps.setString(4, i.author().id());
                ps.setString(5, queueKey);
                ps.setInt(6, botTurnsAdded);
                ps.setString(7, campaignTag);
                ps.setTimestamp(8, Database.ts(i.occurredAt()));
                ps.setTimestamp(9, Database.ts(i.occurredAt()));
                ps.setTimestamp(10, Database.ts(slaDue));
                ps.setString(11, automationStatus);
                ps.setString(12, i.itemId());
                ps.setString(13, i.conversationId());
                ps.setString(14, i.kind().id());
                ps.setString(15, i.postId());
                ps.executeUpdate();
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE social_thread SET message_count = message_count + 1,"
                + " bot_turns = bot_turns + ?, queue_key = COALESCE(?, queue_key), campaign_tag = COALESCE(?, campaign_tag),"
                + " last_message_at = ?, automation_status = COALESCE(?, automation_status), last_comment_id = ?,"
                + " sla_due_at = COALESCE(sla_due_at, ?), unreachable_reason = NULL, unreachable_at = NULL,"
                + " conversation_id = COALESCE(?, conversation_id), last_kind = ?, last_post_id = COALESCE(?, last_post_id)"
                + " WHERE thread_key = ?")) {
            ps.setInt(1, botTurnsAdded);
            ps.setString(2, queueKey);
            ps.setString(3, campaignTag);
            ps.setTimestamp(4, Database.ts(i.occurredAt()));
            ps.setString(5, automationStatus);
            ps.setString(6, i.itemId());
            ps.setTimestamp(7, Database.ts(slaDue));
            ps.setString(8, i.conversationId());
            ps.setString(9, i.kind().id());
            ps.setString(10, i.postId());
            ps.setString(11, i.threadKey());
            ps.executeUpdate();
        }
    }

    /** The thread's campaign follows its newest touch that names one (a referral on the thread). */
    public void recordCampaign(Connection c, String threadKey, String campaignTag) throws SQLException {
        if (campaignTag == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE social_thread SET campaign_tag = ? WHERE thread_key = ?")) {
            ps.setString(1, campaignTag);
            ps.setString(2, threadKey);
            ps.executeUpdate();
        }
    }

    /** The intent of the thread's first ticketed message (kept once set): the KPIs group by it. */
    public void recordIntent(Connection c, String threadKey, String intent) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE social_thread SET intent = COALESCE(intent, ?) WHERE thread_key = ?")) {
            ps.setString(1, intent);
            ps.setString(2, threadKey);
            ps.executeUpdate();
        }
    }

    /** The thread's ticket moved to another queue (an SLA escalation). */
    public void recordQueue(Connection c, String threadKey, String queueKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE social_thread SET queue_key = ? WHERE thread_key = ?")) {
            ps.setString(1, queueKey);
            ps.setString(2, threadKey);
            ps.executeUpdate();
        }
    }

    public void recordTicket(String threadKey, String ticketId, String ticketUrl) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE social_thread SET ticket_id = ?, ticket_url = ? WHERE thread_key = ?")) {
                ps.setString(1, ticketId);
                ps.setString(2, ticketUrl);
                ps.setString(3, threadKey);
                return ps.executeUpdate();
            }
        });
    }

    /** Records that the customer can no longer be reached in the thread (until they write again). */
    public void recordUnreachable(String threadKey, String reason, Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE social_thread SET unreachable_reason = ?, unreachable_at = ? WHERE thread_key = ?")) {
                ps.setString(1, reason.length() <= 1000 ? reason : reason.substring(0, 1000));
                ps.setTimestamp(2, Database.ts(at));
                ps.setString(3, threadKey);
                return ps.executeUpdate();
            }
        });
    }

    /** The customer was active in the thread at {@code at} (an ad click, a ref link): the messaging window restarts. */
    public void touch(Connection c, String threadKey, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE social_thread SET last_message_at = ?"
                + " WHERE thread_key = ? AND last_message_at < ?")) {
            ps.setTimestamp(1, Database.ts(at));
            ps.setString(2, threadKey);
            ps.setTimestamp(3, Database.ts(at));
            ps.executeUpdate();
        }
    }

    /** A person owns the thread from {@code at} (kept when already set): automation stays silent on it. */
    public void markHuman(Connection c, String threadKey, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE social_thread SET human_since = COALESCE(human_since, ?) WHERE thread_key = ?")) {
            ps.setTimestamp(1, Database.ts(at));
            ps.setString(2, threadKey);
            ps.executeUpdate();
        }
    }

    /** An agent answered the thread at {@code at}: replies scheduled before then are no longer sent. */
    public void recordAgentReply(Connection c, String threadKey, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE social_thread SET last_agent_reply_at = ?"
                + " WHERE thread_key = ? AND (last_agent_reply_at IS NULL OR last_agent_reply_at < ?)")) {
            ps.setTimestamp(1, Database.ts(at));
            ps.setString(2, threadKey);
            ps.setTimestamp(3, Database.ts(at));
            ps.executeUpdate();
        }
    }

    /** When an agent last answered the thread, if ever. */
    public Optional<Instant> lastAgentReplyAt(String threadKey) {
        return db.inTransaction(c -> lastAgentReplyAt(c, threadKey));
    }

    /** {@link #lastAgentReplyAt(String)} in the caller's transaction. */
    public Optional<Instant> lastAgentReplyAt(Connection c, String threadKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT last_agent_reply_at FROM social_thread WHERE thread_key = ?")) {
            ps.setString(1, threadKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(Database.instant(rs.getTimestamp(1))) : Optional.empty();
            }
        }
    }

    /** Marks the first response of a thread (keeps the earliest). */
    public void recordFirstResponse(String threadKey, Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE social_thread SET first_response_at = ? WHERE thread_key = ? AND first_response_at IS NULL")) {
                ps.setTimestamp(1, Database.ts(at));
                ps.setString(2, threadKey);
                return ps.executeUpdate();
            }
        });
    }

    public Instant optedOutAt(Connection c, String authorKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT opted_out_at FROM author_state WHERE author_key = ?")) {
            ps.setString(1, authorKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Database.instant(rs.getTimestamp(1)) : null;
            }
        }
    }

    public void recordOptOut(Connection c, String authorKey, Instant at, String text) throws SQLException {
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE author_state SET opted_out_at = ?, opt_out_text = ? WHERE author_key = ?")) {
            up.setTimestamp(1, Database.ts(at));
            up.setString(2, text == null ? null : text.substring(0, Math.min(500, text.length())));
            up.setString(3, authorKey);
            if (up.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO author_state (author_key, opted_out_at, opt_out_text) VALUES (?, ?, ?)")) {
            ins.setString(1, authorKey);
            ins.setTimestamp(2, Database.ts(at));
            ins.setString(3, text == null ? null : text.substring(0, Math.min(500, text.length())));
            ins.executeUpdate();
        }
    }

    public int repliesSince(Connection c, String authorKey, Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM automated_reply WHERE author_key = ? AND created_at >= ?")) {
            ps.setString(1, authorKey);
            ps.setTimestamp(2, Database.ts(since));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    public void recordAutomatedReply(Connection c, String authorKey, String threadKey, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO automated_reply (author_key, thread_key, created_at) VALUES (?, ?, ?)")) {
            ps.setString(1, authorKey);
            ps.setString(2, threadKey);
            ps.setTimestamp(3, Database.ts(at));
            ps.executeUpdate();
        }
    }

    private static ThreadState map(ResultSet rs) throws SQLException {
        return new ThreadState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getInt(6), rs.getString(7), Database.instant(rs.getTimestamp(8)), Database.instant(rs.getTimestamp(9)),
                Database.instant(rs.getTimestamp(10)), rs.getString(11), rs.getString(12),
                Database.instant(rs.getTimestamp(13)));
    }
}
