package dev.socialbridge.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Service KPIs of the threads that started in {@code [from, to)}, per group and in total. Nulls are written (a
 * median of no values, a compliance without tickets), so that the shape never changes. Definitions: docs/kpis.md.
 *
 * @param from    start of the window, inclusive
 * @param to      end of the window, exclusive
 * @param groupBy {@code queue}, {@code channel} or {@code none}
 * @param groups  one entry per group, ordered by group key
 * @param total   all the threads of the window
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"from", "to", "group_by", "groups", "total"})
public record KpiReport(Instant from, Instant to, @JsonProperty("group_by") String groupBy, List<GroupKpis> groups,
                        GroupKpis total) {

    /** The CSV columns, in order. */
    public static final List<String> CSV_COLUMNS = List.of("from", "to", "group_by", "group", "threads", "tickets", "resolved",
            "first_response_human_count", "first_response_human_median_seconds", "first_response_human_p90_seconds",
            "first_response_automated_count", "first_response_automated_median_seconds",
            "first_response_automated_p90_seconds",
            "resolution_median_seconds", "resolution_p90_seconds",
            "sla_first_response_breaches", "sla_first_response_warnings", "sla_first_response_compliance",
            "sla_next_response_breaches", "sla_next_response_warnings", "sla_next_response_compliance",
            "sla_resolve_breaches", "sla_resolve_warnings", "sla_resolve_compliance",
            "escalation_rate", "automation_rate");

    public KpiReport {
        groups = List.copyOf(groups);
    }

    /**
     * The report as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break quoted,
     * quotes doubled): one header line, then one line per group (the total is not a line: ask with group none).
     * Empty fields are nulls.
     */
    public String toCsv() {
        StringBuilder out = new StringBuilder();
        line(out, CSV_COLUMNS);
        for (GroupKpis g : groups) {
            List<Object> v = new ArrayList<>(List.of(from, to, groupBy, g.group(), g.threads(), g.tickets(), g.resolved()));
            v.addAll(timing(g.firstResponseHuman(), true));
            v.addAll(timing(g.firstResponseAutomated(), true));
            v.addAll(timing(g.resolution(), false));
            v.addAll(clock(g.sla().firstResponse()));
            v.addAll(clock(g.sla().nextResponse()));
            v.addAll(clock(g.sla().resolve()));
            v.add(g.escalationRate());
            v.add(g.automationRate());
            line(out, v);
        }
        return out.toString();
    }

    private static List<Object> timing(Timing t, boolean withCount) {
        List<Object> v = new ArrayList<>();
        if (withCount) {
            v.add(t.count());
        }
        v.add(t.medianSeconds());
        v.add(t.p90Seconds());
        return v;
    }

    private static List<Object> clock(ClockKpis c) {
        List<Object> v = new ArrayList<>();
        v.add(c.breaches());
        v.add(c.warnings());
        v.add(c.compliance());
        return v;
    }

    private static void line(StringBuilder out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(csvField(values.get(i)));
        }
        out.append("\r\n");
    }

    /** One RFC 4180 field: null is empty; quoted when it holds a comma, a quote or a line break. */
    static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /**
     * The KPIs of one group of threads.
     *
     * @param group                  the queue key, the platform, {@code all} (group none or the total) or
     *                               {@code (none)} for threads without a queue
     * @param threads                threads whose first message is in the window
     * @param tickets                those with a ticket
     * @param resolved               those whose ticket is resolved
     * @param firstResponseHuman     first_human_response_at - first_message_at
     * @param firstResponseAutomated first_automated_response_at - first_message_at
     * @param resolution             resolved_at - first_message_at, resolved threads only
     * @param sla                    warnings, breaches and compliance per clock
     * @param escalationRate         tickets escalated or breached / tickets; null without tickets
     * @param automationRate         threads resolved or never ticketed, without a human answer / threads; null without threads
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"group", "threads", "tickets", "resolved", "first_response_human", "first_response_automated",
            "resolution", "sla", "escalation_rate", "automation_rate"})
    public record GroupKpis(String group, long threads, long tickets, long resolved,
                            @JsonProperty("first_response_human") Timing firstResponseHuman,
                            @JsonProperty("first_response_automated") Timing firstResponseAutomated,
                            Timing resolution, Sla sla,
                            @JsonProperty("escalation_rate") Double escalationRate,
                            @JsonProperty("automation_rate") Double automationRate) {
    }

    /**
     * Durations in whole seconds; nearest-rank median and 90th percentile; null when count is 0.
     *
     * @param count how many threads have the duration
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"count", "median_seconds", "p90_seconds"})
    public record Timing(long count, @JsonProperty("median_seconds") Long medianSeconds,
                         @JsonProperty("p90_seconds") Long p90Seconds) {
    }

    /** The SLA clocks. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"first_response", "next_response", "resolve"})
    public record Sla(@JsonProperty("first_response") ClockKpis firstResponse,
                      @JsonProperty("next_response") ClockKpis nextResponse, ClockKpis resolve) {
    }

    /**
     * One SLA clock.
     *
     * @param breaches   threads with at least one breach of the clock
     * @param warnings   threads with at least one warning of the clock
     * @param compliance 1 - ticketed threads with a breach / tickets; null without tickets
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"breaches", "warnings", "compliance"})
    public record ClockKpis(long breaches, long warnings, Double compliance) {
    }
}
