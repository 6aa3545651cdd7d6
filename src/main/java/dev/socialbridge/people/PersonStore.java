package dev.socialbridge.people;

import dev.socialbridge.attribution.CampaignSignal;
import dev.socialbridge.attribution.SignalType;
import dev.socialbridge.attribution.UtmParameters;
import dev.socialbridge.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * JDBC access to people ({@code person}), their identities, threads and touches. Every method works in the caller's
 * transaction; the inserts that a concurrent transaction may win ({@link #insert}, {@link #setContact},
 * {@link #attach}) run under a savepoint and report the unique violation as {@code false}/empty, so the caller can
 * read the winner's row and go on.
 */
final class PersonStore {
    private static final String COLUMNS = "id, email, phone, contact_id, lead_score, first_touch_id, last_touch_id,"
            + " created_at, updated_at";
    private static final String TOUCH_COLUMNS = "id, person_id, thread_key, channel, signal_type, campaign, creator,"
            + " utm_source, utm_medium, utm_campaign, utm_content, utm_term, ref, ad_id, click_id, post_id, code, touched_at";

    /** A contact column: {@code email} or {@code phone}. */
    enum Detail {
        EMAIL, PHONE;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    Optional<Person> byId(Connection c, long id) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM person WHERE id = ?", id);
    }

    Optional<Person> byIdentity(Connection c, String identity) throws SQLException {
        return one(c, "SELECT p." + COLUMNS.replace(", ", ", p.") + " FROM person p JOIN person_identity i"
                + " ON i.person_id = p.id WHERE i.identity = ?", identity);
    }

    Optional<Person> by(Connection c, Detail detail, String value) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM person WHERE " + detail.column() + " = ?", value);
    }

    Optional<Person> byThread(Connection c, String threadKey) throws SQLException {
        return one(c, "SELECT p." + COLUMNS.replace(", ", ", p.") + " FROM person p JOIN person_thread t"
                + " ON t.person_id = p.id WHERE t.thread_key = ?", threadKey);
    }

    /** A new person with {@code detail} = {@code value} (both may be null); empty when another has that value. */
    Optional<Person> insert(Connection c, Detail detail, String value, Instant now) throws SQLException {
        String sql = "INSERT INTO person (email, phone, created_at, updated_at) VALUES (?, ?, ?, ?)";
        return Database.unlessDuplicate(c, x -> {
            try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, detail == Detail.EMAIL ? value : null);
                ps.setString(2, detail == Detail.PHONE ? value : null);
                ps.setTimestamp(3, Database.ts(now));
                ps.setTimestamp(4, Database.ts(now));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return byId(c, keys.getLong(1)).orElseThrow();
                }
            }
        });
    }

    /** Sets the person's email or phone when it has none; false when another person has that value. */
    boolean setContact(Connection c, long personId, Detail detail, String value, Instant now) throws SQLException {
        String column = detail.column();
        return Database.unlessDuplicate(c, x -> update(c, "UPDATE person SET " + column + " = ?, updated_at = ? WHERE id = ? AND "
                + column + " IS NULL", value, Database.ts(now), personId)).map(n -> n > 0).orElse(false);
    }

    /** Gives the identity to the person; false when it already belongs to someone (this person included). */
    boolean attach(Connection c, String identity, long personId, Instant now) throws SQLException {
        return Database.unlessDuplicate(c, x -> update(c, "INSERT INTO person_identity (identity, person_id, created_at) VALUES (?, ?, ?)",
                identity, personId, Database.ts(now))).isPresent();
    }

    /** Records that the thread is with the person (a later person of the thread wins). */
    void linkThread(Connection c, String threadKey, long personId) throws SQLException {
        if (update(c, "UPDATE person_thread SET person_id = ? WHERE thread_key = ?", personId, threadKey) == 0) {
            update(c, "INSERT INTO person_thread (thread_key, person_id) VALUES (?, ?)", threadKey, personId);
        }
    }

    List<String> identities(Connection c, long personId) throws SQLException {
        return strings(c, "SELECT identity FROM person_identity WHERE person_id = ? ORDER BY created_at, identity", personId);
    }

    List<String> threads(Connection c, long personId) throws SQLException {
        return strings(c, "SELECT thread_key FROM person_thread WHERE person_id = ? ORDER BY thread_key", personId);
    }

    /** Whether the person has a touch in the thread already. */
    boolean hasTouchIn(Connection c, long personId, String threadKey) throws SQLException {
        return !strings(c, "SELECT thread_key FROM person_touch WHERE person_id = ? AND thread_key = ?", personId, threadKey).isEmpty();
    }

    PersonTouch insertTouch(Connection c, long personId, String threadKey, CampaignSignal t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO person_touch (person_id, thread_key, channel,"
                + " signal_type, campaign, creator, utm_source, utm_medium, utm_campaign, utm_content, utm_term, ref, ad_id,"
                + " click_id, post_id, code, touched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            Object[] values = {personId, threadKey, t.channel(), t.type().id(), cut(t.campaign(), 200), cut(t.creator(), 200),
                    cut(t.utm().source(), 200), cut(t.utm().medium(), 200), cut(t.utm().campaign(), 200),
                    cut(t.utm().content(), 200), cut(t.utm().term(), 200), cut(t.ref(), 1000), cut(t.adId(), 128),
                    cut(t.clickId(), 512), cut(t.postId(), 512), cut(t.code(), 128), Database.ts(t.at())};
            bind(ps, values);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new PersonTouch(keys.getLong(1), personId, threadKey, t);
            }
        }
    }

    Optional<PersonTouch> touch(Connection c, Long id) throws SQLException {
        if (id == null) {
            return Optional.empty();
        }
        List<PersonTouch> found = touches(c, "SELECT " + TOUCH_COLUMNS + " FROM person_touch WHERE id = ?", id);
        return found.stream().findFirst();
    }

    /** The person's touches, oldest first. */
    List<PersonTouch> touches(Connection c, long personId) throws SQLException {
        return touches(c, "SELECT " + TOUCH_COLUMNS + " FROM person_touch WHERE person_id = ? ORDER BY touched_at, id", personId);
    }

    /** Sets the person's first and last touch, and its lead score too when {@code score} is not null. */
    void setTouches(Connection c, long personId, Long firstId, Long lastId, Integer score, Instant now) throws SQLException {
        if (score == null) {
            update(c, "UPDATE person SET first_touch_id = ?, last_touch_id = ?, updated_at = ? WHERE id = ?", firstId,
                    lastId, Database.ts(now), personId);
        } else {
            update(c, "UPDATE person SET first_touch_id = ?, last_touch_id = ?, lead_score = ?, updated_at = ? WHERE id = ?",
                    firstId, lastId, score, Database.ts(now), personId);
        }
    }

    void setScore(Connection c, long personId, int score, Instant now) throws SQLException {
        update(c, "UPDATE person SET lead_score = ?, updated_at = ? WHERE id = ?", score, Database.ts(now), personId);
    }

    void setContactId(Connection c, long personId, String contactId, Instant now) throws SQLException {
        update(c, "UPDATE person SET contact_id = ?, updated_at = ? WHERE id = ?", contactId, Database.ts(now), personId);
    }

    /**
     * Moves everything of {@code gone} to {@code keep} and deletes {@code gone}: identities, threads, touches,
     * conversions; {@code keep} takes the details it lacks, the earlier first touch, the newer last touch and the higher
     * score.
     */
    void merge(Connection c, Person keep, Person gone, Long firstId, Long lastId, Instant now) throws SQLException {
        for (String table : List.of("person_identity", "person_thread", "person_touch", "conversion")) {
            update(c, "UPDATE " + table + " SET person_id = ? WHERE person_id = ?", keep.id(), gone.id());
        }
        update(c, "DELETE FROM person WHERE id = ?", gone.id());
        Integer score = keep.leadScore();
        if (score == null || gone.leadScore() != null && gone.leadScore() > score) {
            score = gone.leadScore();
        }
        update(c, "UPDATE person SET email = ?, phone = ?, contact_id = ?, lead_score = ?, first_touch_id = ?,"
                        + " last_touch_id = ?, updated_at = ? WHERE id = ?",
                keep.email() != null ? keep.email() : gone.email(), keep.phone() != null ? keep.phone() : gone.phone(),
                keep.contactId() != null ? keep.contactId() : gone.contactId(), score, firstId, lastId, Database.ts(now),
                keep.id());
    }

    private List<PersonTouch> touches(Connection c, String sql, Object... args) throws SQLException {
        List<PersonTouch> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PersonTouch(rs.getLong(1), rs.getLong(2), rs.getString(3), new CampaignSignal(rs.getString(4),
                            SignalType.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)), rs.getString(6), rs.getString(7),
                            new UtmParameters(rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                                    rs.getString(12)), rs.getString(13), rs.getString(14), rs.getString(15),
                            rs.getString(16), rs.getString(17), Database.instant(rs.getTimestamp(18)))));
                }
            }
        }
        return out;
    }

    private Optional<Person> one(Connection c, String sql, Object arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, arg);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5) == null ? null : rs.getInt(5),
                        rs.getObject(6) == null ? null : rs.getLong(6), rs.getObject(7) == null ? null : rs.getLong(7),
                        Database.instant(rs.getTimestamp(8)), Database.instant(rs.getTimestamp(9))));
            }
        }
    }

    private static List<String> strings(Connection c, String sql, Object... args) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
