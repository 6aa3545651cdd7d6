package dev.socialbridge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.kpi.KpiQuery;
import dev.socialbridge.kpi.KpiReport;
import dev.socialbridge.kpi.KpiStore;
import dev.socialbridge.people.AttributionReportStore;
import dev.socialbridge.pipeline.ModerationStore;
import dev.socialbridge.store.Database;
import dev.socialbridge.store.TestStores;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The report page's series from a seeded store (H2, and PostgreSQL in the postgresql-store profile): one value per day
 * of the period, nulls on days without data, the same numbers as the KPI report of each day, campaigns, the
 * moderation rate with its target, the empty state, CSV.
 */
class ReportChartsTest {
    private Database db;
    private ReportCharts charts;
    private final ReportRange week = ReportRange.of("7", ReportFixtures.NOW);
    private final ReportTexts en = ReportTexts.of("en");

    @BeforeEach
    void open() {
        db = TestStores.open("report-charts");
        charts = new ReportCharts(new KpiStore(db), new AttributionReportStore(db), new ModerationStore(db));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static List<Number> values(Chart c, String key) {
        return c.series().stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no series " + key + " in " + c)).values();
    }

    private static List<Number> nullsBut(int size, Object... indexAndValue) {
        Number[] out = new Number[size];
        for (int i = 0; i < indexAndValue.length; i += 2) {
            out[(Integer) indexAndValue[i]] = (Number) indexAndValue[i + 1];
        }
        return Arrays.asList(out);
    }

    @Test
    void theRangeIsTheLastDaysTodayIncluded() {
        assertEquals(Instant.parse("2026-11-14T00:00:00Z"), week.from());
        assertEquals(Instant.parse("2026-11-21T00:00:00Z"), week.to());
        assertEquals(List.of("2026-11-14", "2026-11-15", "2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19",
                "2026-11-20"), week.dayLabels());
        assertEquals(30, ReportRange.of(null, ReportFixtures.NOW).days());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ReportRange.of("14", ReportFixtures.NOW));
        assertEquals("days: '14' is not one of 7, 30, 90", bad.getMessage());
    }

    @Test
    void firstResponseTimePerDayIsTheKpiOfThatDay() {
        ReportFixtures.seed(db);
        Chart frt = charts.chart("frt", week, en);
        assertEquals(week.dayLabels(), frt.labels());
        // 11-18: 60 and 300 s (median = lower middle 60, p90 300); 11-19: t4's 120 s (t3 had no human answer)
        assertEquals(nullsBut(7, 4, 60L, 5, 120L), values(frt, "median_seconds"));
        assertEquals(nullsBut(7, 4, 300L, 5, 120L), values(frt, "p90_seconds"));
        assertEquals(4, frt.points());
        assertFalse(frt.empty());
        // the same numbers as the KPI report of the day
        KpiReport day18 = new KpiStore(db).report(new KpiQuery(Instant.parse("2026-11-18T00:00:00Z"),
                Instant.parse("2026-11-19T00:00:00Z"), KpiQuery.Group.NONE));
        assertEquals(day18.total().firstResponseHuman().medianSeconds(), values(frt, "median_seconds").get(4));
    }

    @Test
    void slaComplianceAndAutomationRatePerDay() {
        ReportFixtures.seed(db);
        Chart sla = charts.chart("sla", week, en);
        assertEquals(nullsBut(7, 4, 0.5, 5, 1.0), values(sla, "first_response_compliance"), "t1 of 2 tickets breached");
        assertEquals(nullsBut(7, 4, 1.0, 5, 1.0), values(sla, "resolve_compliance"));
        Chart automation = charts.chart("automation", week, en);
        assertEquals(nullsBut(7, 4, 0.0, 5, 0.5), values(automation, "automation_rate"), "t3: never ticketed, no person");
        assertEquals("ratio", automation.unit());
    }

    @Test
    void leadsAndRevenueByCampaign() {
        ReportFixtures.seed(db);
        Chart c = charts.chart("campaigns", week, ReportTexts.of("fr"));
        assertEquals(List.of("(none)", "bf"), c.labels());
        assertEquals(List.of(0L, 1L), values(c, "leads"));
        assertEquals(List.of(new BigDecimal("0.00"), new BigDecimal("129.00")), values(c, "revenue_EUR"));
        assertEquals("Chiffre d'affaires (EUR)", c.series().get(1).label());
        assertEquals("campaign,leads,revenue_EUR\r\n(none),0,0.00\r\nbf,1,129.00\r\n", c.toCsv());
    }

    @Test
    void moderationFalsePositiveRatePerDayWithTheTargetLine() {
        ReportFixtures.seed(db);
        Chart m = charts.chart("moderation", week, en);
        assertEquals(nullsBut(7, 4, 0.25, 6, 0.0), values(m, "false_positive_rate"), "agent hides are not counted");
        assertEquals(java.util.Collections.nCopies(7, 0.05), values(m, "target"));
        assertEquals(2, m.points(), "the target line is not data");
        assertTrue(m.toCsv().startsWith("day,false_positive_rate,target\r\n2026-11-14,,0.05\r\n"), m.toCsv());
    }

    @Test
    void anEmptyStoreGivesEmptyChartsNotBrokenOnes() {
        for (String id : ReportCharts.IDS) {
            Chart c = charts.chart(id, week, en);
            assertTrue(c.empty(), id);
            assertEquals(0, c.points(), id);
        }
        assertEquals(List.of(), charts.chart("campaigns", week, en).labels());
        assertThrows(IllegalArgumentException.class, () -> charts.chart("revenue", week, en));
    }

    @Test
    void theDayGroupOfTheKpiReport() {
        ReportFixtures.seed(db);
        KpiReport r = new KpiStore(db).report(new KpiQuery(week.from(), week.to(), KpiQuery.Group.DAY));
        assertEquals(List.of("2026-11-18", "2026-11-19"), r.groups().stream().map(KpiReport.GroupKpis::group).toList());
        assertEquals(4, r.total().threads());
    }
}
