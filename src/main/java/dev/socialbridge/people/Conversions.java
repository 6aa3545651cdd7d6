package dev.socialbridge.people;

import dev.socialbridge.store.Database;
import dev.socialbridge.support.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Conversions (orders, won deals): stored durably with their first, last and linear credits in one transaction with
 * the host updates of the person's tickets, idempotent on the sender's id (a second post returns the stored result and
 * counts nothing again). The person is found by thread, else email, else phone, else a code or coupon the person used
 * in a conversation (its newest touch with that code); none: stored unattributed.
 */
public final class Conversions {
    /** Where the host updates of an attributed conversion go (the outbox), in the conversion's transaction. */
    @FunctionalInterface
    public interface TicketUpdates {
        /**
         * @param threadKey one thread of the person
         * @param fields    descriptor-keyed ticket fields ({@code conversion_value})
         * @param note      the ticket note
         */
        void enqueue(Connection c, String conversionId, Person person, String threadKey, Map<String, String> fields,
                     String note, Instant now) throws SQLException;
    }

    private final Database db;
    private final People people;
    private final TicketUpdates updates;

    public Conversions(Database db, People people, TicketUpdates updates) {
        this.db = db;
        this.people = people;
        this.updates = updates;
    }

    /** Stores and attributes a valid conversion; the stored result for an id seen before. */
    public ConversionResult record(ConversionRequest r, Instant now) {
        return db.inTransaction(c -> {
            Optional<ConversionResult> known = find(c, r.id());
            if (known.isPresent()) {
                return known.get().asDuplicate();
            }
            Optional<Person> person = person(c, r);
            Instant at = r.at() != null ? r.at() : now;
            BigDecimal value = r.value().setScale(4, RoundingMode.HALF_EVEN);
            List<PersonTouch> touches = person.isPresent() ? people.touches(c, person.get().id()) : List.of();
            if (!insert(c, r, person, value, at, now)) {
                return find(c, r.id()).orElseThrow().asDuplicate();   // posted twice at the same moment
            }
            List<Credit> credits = Credits.of(value, at, touches);
            for (Credit credit : credits) {
                insertCredit(c, r.id(), credit);
            }
            ConversionResult result = result(r.id(), person.map(Person::id).orElse(null), value, r.currency(), at,
                    credits, touches.isEmpty());
            if (person.isPresent()) {
                String note = note(result, r.id(), touches, credits);
                Map<String, String> fields = Map.of(dev.socialbridge.descriptor.FieldKeys.CONVERSION_VALUE,
                        amount(value) + " " + r.currency());
                for (String thread : people.threads(c, person.get().id())) {
                    updates.enqueue(c, r.id(), person.get(), thread, fields, note, now);
                }
            }
            return result;
        });
    }

    /** The stored conversion of {@code id}, if any. */
    public Optional<ConversionResult> find(String id) {
        return db.inTransaction(c -> find(c, id));
    }

    private Optional<Person> person(Connection c, ConversionRequest r) throws SQLException {
        if (ConversionRequest.given(r.thread())) {
            Optional<Person> p = people.byThread(c, r.thread().strip());
            if (p.isPresent()) {
                return p;
            }
        }
        if (ConversionRequest.given(r.email())) {
            Optional<Person> p = people.byEmail(c, r.email());
            if (p.isPresent()) {
                return p;
            }
        }
        if (ConversionRequest.given(r.phone())) {
            Optional<Person> p = people.byPhone(c, r.phone());
            if (p.isPresent()) {
                return p;
            }
        }
        for (String code : new String[] {r.code(), r.coupon()}) {
            if (ConversionRequest.given(code)) {
                Optional<Long> id = personOfCode(c, code.strip());
                if (id.isPresent()) {
                    return people.byId(c, id.get());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Long> personOfCode(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT person_id FROM person_touch WHERE UPPER(code) = UPPER(?)"
                + " ORDER BY touched_at DESC, id DESC")) {
            ps.setString(1, code);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static boolean insert(Connection c, ConversionRequest r, Optional<Person> person, BigDecimal value,
                                  Instant at, Instant now) throws SQLException {
        Map<String, String> ids = new LinkedHashMap<>();
        put(ids, "email", r.email());
        put(ids, "phone", r.phone());
        put(ids, "code", r.code());
        put(ids, "coupon", r.coupon());
        put(ids, "thread", r.thread());
        return Database.unlessDuplicate(c, x -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO conversion (id, person_id, amount, currency,"
                    + " converted_at, identifiers, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, r.id());
                ps.setObject(2, person.map(Person::id).orElse(null));
                ps.setBigDecimal(3, value);
                ps.setString(4, r.currency());
                ps.setTimestamp(5, Database.ts(at));
                ps.setString(6, Json.write(ids));
                ps.setTimestamp(7, Database.ts(now));
                return ps.executeUpdate();
            }
        }).isPresent();
    }

    private static void insertCredit(Connection c, String id, Credit credit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO conversion_credit (conversion_id, model, touch_id,"
                + " source, amount) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, credit.model());
            ps.setObject(3, credit.touchId());
            ps.setString(4, credit.source());
            ps.setBigDecimal(5, credit.amount());
            ps.executeUpdate();
        }
    }

    private static Optional<ConversionResult> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT person_id, amount, currency, converted_at FROM conversion"
                + " WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Long person = rs.getObject(1) == null ? null : rs.getLong(1);
                List<Credit> credits = credits(c, id);
                boolean unattributed = credits.stream().allMatch(cr -> cr.touchId() == null);
                return Optional.of(result(id, person, rs.getBigDecimal(2), rs.getString(3),
                        Database.instant(rs.getTimestamp(4)), credits, unattributed));
            }
        }
    }

    private static List<Credit> credits(Connection c, String id) throws SQLException {
        List<Credit> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT model, touch_id, source, amount FROM conversion_credit"
                + " WHERE conversion_id = ? ORDER BY id")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Credit(rs.getString(1), rs.getObject(2) == null ? null : rs.getLong(2), rs.getString(3),
                            rs.getBigDecimal(4).setScale(4, RoundingMode.HALF_EVEN)));
                }
            }
        }
        return out;
    }

    private static ConversionResult result(String id, Long person, BigDecimal value, String currency, Instant at,
                                           List<Credit> credits, boolean unattributed) {
        return new ConversionResult(id, unattributed ? ConversionResult.UNATTRIBUTED : ConversionResult.ATTRIBUTED,
                person, value.setScale(4, RoundingMode.HALF_EVEN), currency, at, credits, false);
    }

    /** {@code Conversion: 129.00 EUR (order A-1), first touch instagram:ref:bf ..., last touch ...}. */
    static String note(ConversionResult r, String id, List<PersonTouch> touches, List<Credit> credits) {
        String first = credits.stream().filter(c -> c.model().equals("first")).findFirst().map(Credit::source).orElse(null);
        String last = credits.stream().filter(c -> c.model().equals("last")).findFirst().map(Credit::source).orElse(null);
        return "Conversion: " + amount(r.value()) + " " + r.currency() + " (order " + id + ")"
                + (first == null ? ", no touch recorded" : ", first touch " + first + ", last touch " + last
                + " (" + touches.size() + " touch" + (touches.size() == 1 ? "" : "es") + ", linear credit shared)");
    }

    /** The value with 2 decimals at least ({@code 129.00}, {@code 0.125}). */
    static String amount(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 2 ? v.setScale(2, RoundingMode.UNNECESSARY).toPlainString() : s.toPlainString();
    }

    private static void put(Map<String, String> ids, String key, String value) {
        if (ConversionRequest.given(value)) {
            ids.put(key, value.strip());
        }
    }
}
