package dev.socialbridge.people;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Leads and revenue per touch dimension (docs/attribution.md).
 *
 * @param from    start, inclusive
 * @param to      end, exclusive
 * @param groupBy the dimension
 * @param model   the attribution model
 * @param groups  one entry per group value, ordered
 * @param total   all of the window
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"from", "to", "group_by", "model", "groups", "total"})
public record AttributionReport(Instant from, Instant to, @JsonProperty("group_by") String groupBy, String model,
                                List<Row> groups, Row total) {

    public AttributionReport {
        groups = List.copyOf(groups);
    }

    /**
     * One group.
     *
     * @param group         the dimension's value, {@code (none)} without one, {@code (unattributed)} for conversions
     *                      of no known person or touch
     * @param conversations threads whose first message is in the window
     * @param leads         those routed to a leads queue (hot leads) or ticketed with a sales-lead intent
     * @param hotLeads      those in the hot leads queue
     * @param leadRate      DM→lead conversion: leads / conversations, null without conversations
     * @param conversions   conversions in the window credited to the group (a linear conversion counts in each group
     *                      that has a share)
     * @param revenue       the credited value per currency
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"group", "conversations", "leads", "hot_leads", "lead_rate", "conversions", "revenue"})
    public record Row(String group, long conversations, long leads, @JsonProperty("hot_leads") long hotLeads,
                      @JsonProperty("lead_rate") Double leadRate, long conversions, Map<String, BigDecimal> revenue) {
    }

    /** RFC 4180 CSV: a header, then one line per group; one {@code revenue_<CUR>} column per currency present. */
    public String toCsv() {
        TreeSet<String> currencies = new TreeSet<>();
        groups.forEach(g -> currencies.addAll(g.revenue().keySet()));
        List<Object> header = new ArrayList<>(List.of("from", "to", "group_by", "model", "group", "conversations", "leads",
                "hot_leads", "lead_rate", "conversions"));
        currencies.forEach(c -> header.add("revenue_" + c));
        StringBuilder out = new StringBuilder();
        line(out, header);
        for (Row g : groups) {
            List<Object> v = new ArrayList<>(List.of(from, to, groupBy, model, g.group(), g.conversations(), g.leads(),
                    g.hotLeads()));
            v.add(g.leadRate());
            v.add(g.conversions());
            currencies.forEach(c -> v.add(g.revenue().getOrDefault(c, BigDecimal.ZERO.setScale(2)).toPlainString()));
            line(out, v);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object value = values.get(i);
            String s = value == null ? "" : value.toString();
            boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
            out.append(quote ? '"' + s.replace("\"", "\"\"") + '"' : s);
        }
        out.append("\r\n");
    }
}
