package dev.socialbridge.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.attribution.CampaignSignal;
import dev.socialbridge.attribution.SignalType;
import dev.socialbridge.store.Database;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conversions: first, last and linear credit summing to the value, idempotency, unattributed, ticket updates. */
class ConversionsTest {
    static final Instant T0 = PeopleTest.T0;

    private Database db;
    private final People people = new People(new PhoneNumbers("FR"));
    private final List<String> notes = new ArrayList<>();
    private Conversions conversions;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:conversions-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", null, null, 4);
        conversions = new Conversions(db, people, (c, id, person, thread, fields, note, now) ->
                notes.add(thread + "|" + fields.get("conversion_value") + "|" + note));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void message(String identity, String thread, String text, CampaignSignal touch) {
        db.inTransaction(c -> people.message(c, identity, thread, text, touch, null, touch.at()));
    }

    static ConversionRequest order(String id, String value, String email, String code) {
        return new ConversionRequest(id, new BigDecimal(value), "EUR", T0.plusSeconds(3600), email, null, code, null, null);
    }

    @Test
    void creditsOfEachModelSumToTheValue() {
        message("instagram:1", "ig:t1", "hello", PeopleTest.signal("instagram", SignalType.REF, "bf", T0));
        message("instagram:1", "ig:t1", "code NOEL", PeopleTest.signal("instagram", SignalType.CODE, "noel", T0.plusSeconds(10)));
        message("instagram:1", "ig:t2", "jane@example.com", CampaignSignal.organic("instagram", T0.plusSeconds(20)));
        ConversionResult r = conversions.record(order("A-1", "100", "jane@example.com", null), T0.plusSeconds(7200));
        assertEquals(ConversionResult.ATTRIBUTED, r.status());
        for (String model : Credits.MODELS) {
            BigDecimal sum = r.credits().stream().filter(c -> c.model().equals(model)).map(Credit::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, new BigDecimal("100").compareTo(sum), model + " sums to the value");
        }
        assertEquals("instagram:ref:bf", credit(r, "first").source());
        assertEquals("instagram:code:noel", credit(r, "last").source(), "the last signal, not the organic touch after it");
        assertEquals(List.of("33.3333", "33.3333", "33.3334"), r.credits().stream().filter(c -> c.model().equals("linear"))
                .map(c -> c.amount().toPlainString()).toList());
        assertEquals(2, notes.size(), "one ticket update per thread of the person");
        assertTrue(notes.get(0).contains("|100.00 EUR|Conversion: 100.00 EUR (order A-1), first touch instagram:ref:bf,"
                + " last touch instagram:code:noel"), notes.get(0));
    }

    @Test
    void aDuplicateIdGivesTheSameResultAndCountsNothingAgain() {
        message("instagram:1", "ig:t1", "jane@example.com", PeopleTest.signal("instagram", SignalType.REF, "bf", T0));
        ConversionResult first = conversions.record(order("A-2", "129", "jane@example.com", null), T0.plusSeconds(7200));
        ConversionResult again = conversions.record(order("A-2", "999", "other@example.com", null), T0.plusSeconds(9000));
        assertFalse(first.duplicate());
        assertTrue(again.duplicate());
        assertEquals(first.credits(), again.credits());
        assertEquals(first.value(), again.value());
        assertEquals(first.personId(), again.personId());
        assertEquals(1, count("SELECT COUNT(*) FROM conversion"));
        assertEquals(3, count("SELECT COUNT(*) FROM conversion_credit"));
        assertEquals(1, notes.size());
    }

    @Test
    void anUnknownPersonIsStoredUnattributed() {
        ConversionResult r = conversions.record(order("A-3", "10.5", "nobody@example.com", null), T0);
        assertEquals(ConversionResult.UNATTRIBUTED, r.status());
        assertNull(r.personId());
        assertEquals(3, r.credits().size());
        assertTrue(r.credits().stream().allMatch(c -> c.touchId() == null && c.amount().compareTo(new BigDecimal("10.5")) == 0));
        assertTrue(notes.isEmpty());
        assertEquals(ConversionResult.UNATTRIBUTED, conversions.find("A-3").orElseThrow().status());
    }

    @Test
    void aCodeUsedInAConversationNamesThePerson() {
        message("instagram:1", "ig:t1", "j'ai le code LEA10", new CampaignSignal("instagram", SignalType.CODE, "cw", "lea",
                null, null, null, null, null, "LEA10", T0));
        ConversionResult r = conversions.record(order("A-4", "50", null, "lea10"), T0.plusSeconds(60));
        assertEquals(ConversionResult.ATTRIBUTED, r.status());
        assertEquals("instagram:code:cw", credit(r, "first").source());
    }

    @Test
    void amountsAreWrittenWithTwoDecimalsAtLeast() {
        assertEquals("129.00", Conversions.amount(new BigDecimal("129.0000")));
        assertEquals("0.125", Conversions.amount(new BigDecimal("0.1250")));
        assertEquals("0.00", Conversions.amount(new BigDecimal("0.0000")));
    }

    private static Credit credit(ConversionResult r, String model) {
        return r.credits().stream().filter(c -> c.model().equals(model)).findFirst().orElseThrow();
    }

    private long count(String sql) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
