package dev.socialbridge.report;

import dev.socialbridge.kpi.KpiQuery;
import dev.socialbridge.kpi.KpiReport;
import dev.socialbridge.kpi.KpiStore;
import dev.socialbridge.learning.ClassifierQuality;
import dev.socialbridge.people.AttributionQuery;
import dev.socialbridge.people.AttributionReport;
import dev.socialbridge.people.AttributionReportStore;
import dev.socialbridge.pipeline.ModerationStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The charts of the report page, each from the numbers the plugin already defines, so a chart and the report of the
 * same period agree: the service KPIs per UTC day ({@link KpiStore} with group {@code day}, docs/kpis.md), the
 * attribution report by campaign with the first-touch model ({@link AttributionReportStore}, docs/attribution.md) and
 * the moderation false-positive rate of {@link ClassifierQuality} per day ({@link ModerationStore#automatedPerDay}).
 */
public final class ReportCharts {
    /** The charts, in the page's order. */
    public static final List<String> IDS = List.of("frt", "sla", "automation", "campaigns", "moderation");

    private final KpiStore kpis;
    private final AttributionReportStore attribution;
    private final ModerationStore moderation;

    public ReportCharts(KpiStore kpis, AttributionReportStore attribution, ModerationStore moderation) {
        this.kpis = kpis;
        this.attribution = attribution;
        this.moderation = moderation;
    }

    /**
     * The chart {@code id} over {@code range}, its legends in {@code texts}' language.
     *
     * @throws IllegalArgumentException when {@code id} is not one of {@link #IDS}
     */
    public Chart chart(String id, ReportRange range, ReportTexts texts) {
        return switch (id) {
            case "frt" -> daily(id, range, texts, "seconds", List.of(
                    new Column("median_seconds", "seconds", g -> g.firstResponseHuman().medianSeconds()),
                    new Column("p90_seconds", "seconds", g -> g.firstResponseHuman().p90Seconds())));
            case "sla" -> daily(id, range, texts, "ratio", List.of(
                    new Column("first_response_compliance", "ratio", g -> g.sla().firstResponse().compliance()),
                    new Column("resolve_compliance", "ratio", g -> g.sla().resolve().compliance())));
            case "automation" -> daily(id, range, texts, "ratio", List.of(
                    new Column("automation_rate", "ratio", KpiReport.GroupKpis::automationRate)));
            case "campaigns" -> campaigns(range, texts);
            case "moderation" -> moderation(range, texts);
            default -> throw new IllegalArgumentException("chart: '" + id + "' is not one of " + String.join(", ", IDS));
        };
    }

    private record Column(String key, String unit, Function<KpiReport.GroupKpis, Number> value) { }

    private Chart daily(String id, ReportRange range, ReportTexts texts, String unit, List<Column> columns) {
        KpiReport report = kpis.report(new KpiQuery(range.from(), range.to(), KpiQuery.Group.DAY));
        Map<String, KpiReport.GroupKpis> byDay = new HashMap<>();
        report.groups().forEach(g -> byDay.put(g.group(), g));
        List<String> days = range.dayLabels();
        List<Chart.Series> series = new ArrayList<>();
        for (Column c : columns) {
            List<Number> values = new ArrayList<>();
            for (String day : days) {
                KpiReport.GroupKpis g = byDay.get(day);
                values.add(g == null ? null : c.value().apply(g));
            }
            series.add(new Chart.Series(c.key(), texts.get("series." + c.key()), c.unit(), false, values));
        }
        return new Chart(id, range.from(), range.to(), "day", unit, days, series);
    }

    private Chart campaigns(ReportRange range, ReportTexts texts) {
        AttributionReport report = attribution.report(new AttributionQuery(range.from(), range.to(),
                AttributionQuery.Group.CAMPAIGN, AttributionQuery.Model.FIRST));
        List<String> labels = new ArrayList<>();
        List<Number> leads = new ArrayList<>();
        TreeSet<String> currencies = new TreeSet<>();
        report.groups().forEach(g -> currencies.addAll(g.revenue().keySet()));
        Map<String, List<Number>> revenue = new java.util.TreeMap<>();
        currencies.forEach(c -> revenue.put(c, new ArrayList<>()));
        for (AttributionReport.Row g : report.groups()) {
            labels.add(g.group());
            leads.add(g.leads());
            currencies.forEach(c -> revenue.get(c).add(g.revenue().getOrDefault(c, BigDecimal.ZERO.setScale(2))));
        }
        List<Chart.Series> series = new ArrayList<>();
        series.add(new Chart.Series("leads", texts.get("series.leads"), "count", false, leads));
        revenue.forEach((currency, values) -> series.add(new Chart.Series("revenue_" + currency,
                texts.get("series.revenue", currency), "money", false, values)));
        return new Chart("campaigns", range.from(), range.to(), "campaign", "count", labels, series);
    }

    private Chart moderation(ReportRange range, ReportTexts texts) {
        SortedMap<String, ModerationStore.AutomatedHides> byDay = moderation.automatedPerDay(range.from(), range.to());
        List<String> days = range.dayLabels();
        List<Number> rate = new ArrayList<>();
        List<Number> target = new ArrayList<>();
        for (String day : days) {
            ModerationStore.AutomatedHides h = byDay.get(day);
            rate.add(h == null || h.hidden() == 0 ? null
                    : BigDecimal.valueOf((double) h.undone() / h.hidden()).setScale(4, java.math.RoundingMode.HALF_UP)
                            .doubleValue());
            target.add(ClassifierQuality.FALSE_POSITIVE_TARGET);
        }
        return new Chart("moderation", range.from(), range.to(), "day", "ratio", days, List.of(
                new Chart.Series("false_positive_rate", texts.get("series.false_positive_rate"), "ratio", false, rate),
                new Chart.Series("target", texts.get("series.target"), "ratio", true, target)));
    }
}
