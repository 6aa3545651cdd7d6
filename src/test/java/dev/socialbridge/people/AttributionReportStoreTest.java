package dev.socialbridge.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.attribution.CampaignSignal;
import dev.socialbridge.attribution.SignalType;
import dev.socialbridge.attribution.UtmParameters;
import dev.socialbridge.store.Database;
import dev.socialbridge.support.Json;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The attribution report: threads and conversions per dimension and model, leads, templates, the window, CSV. */
class AttributionReportStoreTest {
    static final Instant T0 = PeopleTest.T0;
    static final Instant FROM = T0.minusSeconds(86_400);
    static final Instant TO = T0.plusSeconds(86_400);

    private Database db;
    private final People people = new People(new PhoneNumbers("FR"));
    private AttributionReportStore store;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:report-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", null, null, 4);
        store = new AttributionReportStore(db);
        CampaignSignal bf = new CampaignSignal("instagram", SignalType.REF, "bf", null,
                new UtmParameters("instagram_bio", "social", "bf", null, null), "r", null, null, null, null, T0);
        CampaignSignal xmas = new CampaignSignal("messenger", SignalType.AD, "xmas", null, UtmParameters.none(), null,
                "ad-1", null, "post-1", null, T0.plusSeconds(60));
        thread("ig:t1", "hot_leads", "sales_lead", bf, bf, "tpl-welcome");
        thread("fb:t2", "support", "sales_lead", xmas, xmas, null);
        thread("fb:t3", null, null, null, null, null);
        db.inTransaction(c -> {
            people.message(c, "instagram:1", "ig:t1", "jane@example.com", bf, null, T0);
            people.message(c, "messenger:2", "fb:t2", "jane@example.com", xmas, null, T0.plusSeconds(60));
            return null;
        });
        Conversions conversions = new Conversions(db, people, (c, id, p, t, f, n, now) -> { });
        conversions.record(new ConversionRequest("o-1", new BigDecimal("129"), "EUR", T0.plusSeconds(3600),
                "jane@example.com", null, null, null, null), T0);
        conversions.record(new ConversionRequest("o-2", new BigDecimal("20"), "USD", T0.plusSeconds(3600),
                "unknown@example.com", null, null, null, null), T0);
        conversions.record(new ConversionRequest("o-old", new BigDecimal("1000"), "EUR", T0.minusSeconds(200_000),
                "jane@example.com", null, null, null, null), T0);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void thread(String key, String queue, String intent, CampaignSignal first, CampaignSignal last, String template) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO social_thread (thread_key, platform, account_id,"
                    + " author_id, queue_key, intent, first_message_at, last_message_at) VALUES (?, 'instagram', 'a', 'b', ?, ?, ?, ?)")) {
                ps.setString(1, key);
                ps.setString(2, queue);
                ps.setString(3, intent);
                ps.setTimestamp(4, Database.ts(T0));
                ps.setTimestamp(5, Database.ts(T0));
                ps.executeUpdate();
            }
            if (first != null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO thread_touch (thread_key, first_touch, last_touch,"
                        + " updated_at) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, key);
                    ps.setString(2, Json.write(first));
                    ps.setString(3, Json.write(last));
                    ps.setTimestamp(4, Database.ts(T0));
                    ps.executeUpdate();
                }
            }
            if (template != null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_record (thread_key, template_id, action,"
                        + " outcome, created_at) VALUES (?, ?, 'dm', 'sent', ?)")) {
                    ps.setString(1, key);
                    ps.setString(2, template);
                    ps.setTimestamp(3, Database.ts(T0));
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private AttributionReport report(AttributionQuery.Group g, AttributionQuery.Model m) {
        return store.report(new AttributionQuery(FROM, TO, g, m));
    }

    private static AttributionReport.Row row(AttributionReport r, String group) {
        return r.groups().stream().filter(g -> g.group().equals(group)).findFirst().orElseThrow(() -> new AssertionError(group + " in " + r));
    }

    @Test
    void byCampaignFirstTouchTheRevenueGoesToTheFirstCampaign() {
        AttributionReport r = report(AttributionQuery.Group.CAMPAIGN, AttributionQuery.Model.FIRST);
        AttributionReport.Row bf = row(r, "bf");
        assertEquals(1, bf.conversations());
        assertEquals(1, bf.leads());
        assertEquals(1, bf.hotLeads());
        assertEquals(1.0, bf.leadRate());
        assertEquals(1, bf.conversions());
        assertEquals(Map.of("EUR", new BigDecimal("129.00")), bf.revenue());
        AttributionReport.Row xmas = row(r, "xmas");
        assertEquals(1, xmas.leads(), "a ticketed sales lead outside hot leads is a lead");
        assertEquals(0, xmas.hotLeads());
        assertEquals(Map.of(), xmas.revenue());
        assertEquals(1, row(r, "(none)").conversations());
        assertEquals(0.0, row(r, "(none)").leadRate());
        assertEquals(Map.of("USD", new BigDecimal("20.00")), row(r, "(unattributed)").revenue());
        assertEquals(3, r.total().conversations());
        assertEquals(2, r.total().conversions(), "the conversion before the window is not counted");
    }

    @Test
    void lastAndLinearModelsMoveTheRevenue() {
        assertEquals(Map.of("EUR", new BigDecimal("129.00")),
                row(report(AttributionQuery.Group.CAMPAIGN, AttributionQuery.Model.LAST), "xmas").revenue());
        AttributionReport linear = report(AttributionQuery.Group.CAMPAIGN, AttributionQuery.Model.LINEAR);
        assertEquals(Map.of("EUR", new BigDecimal("64.50")), row(linear, "bf").revenue());
        assertEquals(Map.of("EUR", new BigDecimal("64.50")), row(linear, "xmas").revenue());
    }

    @Test
    void otherDimensions() {
        AttributionReport source = report(AttributionQuery.Group.SOURCE, AttributionQuery.Model.LAST);
        assertEquals(1, row(source, "instagram_bio").conversations(), "utm_source");
        assertEquals(1, row(source, "messenger").conversations(), "else the channel");
        assertEquals(1, row(report(AttributionQuery.Group.MEDIUM, AttributionQuery.Model.LAST), "ad").conversations());
        assertEquals(Map.of("EUR", new BigDecimal("129.00")),
                row(report(AttributionQuery.Group.AD, AttributionQuery.Model.LAST), "ad-1").revenue());
        assertEquals(1, row(report(AttributionQuery.Group.POST, AttributionQuery.Model.LAST), "post-1").conversations());
        AttributionReport templates = report(AttributionQuery.Group.TEMPLATE, AttributionQuery.Model.FIRST);
        assertEquals(Map.of("EUR", new BigDecimal("129.00")), row(templates, "tpl-welcome").revenue());
        assertEquals(2, row(templates, "(none)").conversations());
    }

    @Test
    void csvHasOneLinePerGroupAndARevenueColumnPerCurrency() {
        String csv = report(AttributionQuery.Group.CAMPAIGN, AttributionQuery.Model.FIRST).toCsv();
        String[] lines = csv.split("\r\n");
        assertEquals("from,to,group_by,model,group,conversations,leads,hot_leads,lead_rate,conversions,revenue_EUR,revenue_USD",
                lines[0]);
        assertTrue(csv.contains(",campaign,first,bf,1,1,1,1.0,1,129.00,0.00\r\n"), csv);
        assertEquals(5, lines.length);
    }

    @Test
    void badParametersNameTheParameterAndValue() {
        assertEquals("group: 'country' is not one of campaign, source, medium, post, ad, creator, template",
                assertThrows(IllegalArgumentException.class, () -> AttributionQuery.Group.of("group", "country")).getMessage());
        assertEquals("model: 'u' is not one of first, last, linear",
                assertThrows(IllegalArgumentException.class, () -> AttributionQuery.Model.of("model", "u")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AttributionQuery(TO, FROM, AttributionQuery.Group.AD,
                AttributionQuery.Model.FIRST));
    }
}
