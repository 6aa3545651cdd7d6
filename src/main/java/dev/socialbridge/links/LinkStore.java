package dev.socialbridge.links;

import dev.socialbridge.attribution.UtmParameters;
import dev.socialbridge.store.Database;
import dev.socialbridge.support.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JDBC access to tracked links ({@code tracked_link}) and their clicks ({@code link_click}). A click on a link minted
 * for a thread is queued in the inbox in the same transaction (kind {@link LinkClick#KIND}): the pipeline records it
 * on the thread, so the HTTP thread never writes thread state or host records.
 */
public final class LinkStore {
    private static final String COLUMNS = "code, target, campaign, utm_source, utm_medium, utm_campaign, utm_content,"
            + " utm_term, creator, channel, thread_key, created_by, created_at";
    private final Database db;

    public LinkStore(Database db) {
        this.db = db;
    }

    /** A link with what the list shows of its clicks. */
    public record Summary(TrackedLink link, long clicks, Instant lastClickAt) { }

    /**
     * Stores a new link under a fresh random code (drawn again in the unlikely case it is taken); returns it with its
     * code.
     */
    public TrackedLink create(TrackedLink draft) {
        for (int attempt = 0; ; attempt++) {
            TrackedLink link = new TrackedLink(LinkCodes.random(), draft.target(), draft.campaign(), draft.utm(),
                    draft.creator(), draft.channel(), draft.threadKey(), draft.createdBy(), draft.createdAt());
            try {
                db.inTransaction(c -> {
                    insert(c, link);
                    return null;
                });
                return link;
            } catch (RuntimeException e) {
                if (attempt >= 3 || !(e.getCause() instanceof SQLException s && Database.isUniqueViolation(s))) {
                    throw e;
                }
            }
        }
    }

    /** Stores a minted link unless its code is already stored (minting is idempotent). */
    public void mint(Connection c, TrackedLink link) throws SQLException {
        if (find(c, link.code()).isPresent()) {
            return;
        }
        Savepoint sp = c.setSavepoint();
        try {
            insert(c, link);
            c.releaseSavepoint(sp);
        } catch (SQLException e) {
            c.rollback(sp);
            if (!Database.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    public Optional<TrackedLink> find(String code) {
        return db.inTransaction(c -> find(c, code));
    }

    public Optional<TrackedLink> find(Connection c, String code) throws SQLException {
        if (!LinkCodes.isCode(code)) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM tracked_link WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    /** The newest links first, at most {@code limit}; campaign links only unless {@code withMinted}. */
    public List<Summary> list(int limit, boolean withMinted) {
        String sql = "SELECT l.code, l.target, l.campaign, l.utm_source, l.utm_medium, l.utm_campaign, l.utm_content,"
                + " l.utm_term, l.creator, l.channel, l.thread_key, l.created_by, l.created_at,"
                + " (SELECT COUNT(*) FROM link_click k WHERE k.code = l.code),"
                + " (SELECT MAX(k.clicked_at) FROM link_click k WHERE k.code = l.code)"
                + " FROM tracked_link l" + (withMinted ? "" : " WHERE l.thread_key IS NULL")
                + " ORDER BY l.created_at DESC, l.code FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY";
        return db.inTransaction(c -> {
            List<Summary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.sql.Timestamp last = rs.getTimestamp(15);
                    out.add(new Summary(map(rs), rs.getLong(14), last == null ? null : Database.instant(last)));
                }
            }
            return out;
        });
    }

    /**
     * Records a click on {@code link} (its UTM: those of the request when it has any, else the link's); a click on a
     * link minted for a thread is queued in the inbox for the pipeline, in the same transaction.
     */
    public void recordClick(TrackedLink link, UtmParameters utm, String ref, String uaFamily, Instant at) {
        UtmParameters u = utm == null || utm.isEmpty() ? link.utm() : utm;
        db.inTransaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO link_click (code, clicked_at, utm_source,"
                    + " utm_medium, utm_campaign, utm_content, utm_term, ref, ua_family) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, link.code());
                ps.setTimestamp(2, Database.ts(at));
                ps.setString(3, cut(u.source()));
                ps.setString(4, cut(u.medium()));
                ps.setString(5, cut(u.campaign()));
                ps.setString(6, cut(u.content()));
                ps.setString(7, cut(u.term()));
                ps.setString(8, cut(ref));
                ps.setString(9, uaFamily);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            if (link.threadKey() != null && !"bot".equals(uaFamily)) {
                // a link preview or crawler is no visit of the customer: counted, not a touch
                LinkClick click = new LinkClick(id, link.threadKey(), link.channel(), link.ref(), at);
                Inbox.queue(c, "click:" + id, "links", link.threadKey(), LinkClick.KIND, Json.write(click), at);
            }
            return null;
        });
    }

    private static void insert(Connection c, TrackedLink l) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tracked_link (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, l.code());
            ps.setString(2, l.target());
            ps.setString(3, l.campaign());
            ps.setString(4, l.utm().source());
            ps.setString(5, l.utm().medium());
            ps.setString(6, l.utm().campaign());
            ps.setString(7, l.utm().content());
            ps.setString(8, l.utm().term());
            ps.setString(9, l.creator());
            ps.setString(10, l.channel());
            ps.setString(11, l.threadKey());
            ps.setString(12, l.createdBy());
            ps.setTimestamp(13, Database.ts(l.createdAt()));
            ps.executeUpdate();
        }
    }

    private static TrackedLink map(ResultSet rs) throws SQLException {
        return new TrackedLink(rs.getString(1), rs.getString(2), rs.getString(3), new UtmParameters(rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), Database.instant(rs.getTimestamp(13)));
    }

    private static String cut(String s) {
        return s == null ? null : s.length() <= 200 ? s : s.substring(0, 200);
    }
}
