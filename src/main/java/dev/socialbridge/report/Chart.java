package dev.socialbridge.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One chart of the report page, exactly as plotted: the x labels (days or campaigns) and one series of values per
 * line or bar set, in the order of the labels (null: no value that day). The page, the JSON and the CSV are all
 * written from this record, so what is downloaded is what is drawn.
 *
 * @param chart  the chart's id ({@code frt}, {@code sla}, {@code automation}, {@code campaigns}, {@code moderation})
 * @param from   start of the period, inclusive
 * @param to     end of the period, exclusive
 * @param x      what the labels are: {@code day} or {@code campaign}
 * @param unit   how values read: {@code seconds}, {@code ratio} (0..1) or {@code count}
 * @param labels the x values
 * @param series the plotted series
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"chart", "from", "to", "x", "unit", "empty", "points", "labels", "series"})
public record Chart(String chart, Instant from, Instant to, String x, String unit, List<String> labels,
                    List<Series> series) {

    public Chart {
        labels = List.copyOf(labels);
        series = List.copyOf(series);
        for (Series s : series) {
            if (s.values().size() != labels.size()) {
                throw new IllegalArgumentException("series " + s.key() + ": " + s.values().size() + " values for "
                        + labels.size() + " labels");
            }
        }
    }

    /**
     * One plotted series.
     *
     * @param key       the CSV column and stable id ({@code median_seconds}, {@code leads}, {@code revenue_EUR}...)
     * @param label     the legend, in the page's language
     * @param unit      {@code seconds}, {@code ratio} or {@code count}; a chart may mix two (leads and revenue)
     * @param reference a constant reference line (the 5 % target), not data: it never makes a chart non-empty
     * @param values    one value per label, null where there is none
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"key", "label", "unit", "reference", "values"})
    public record Series(String key, String label, String unit, boolean reference, List<Number> values) {
        public Series {
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /** True when no data series has a value: the page shows "no data yet" instead of an empty plot. */
    @com.fasterxml.jackson.annotation.JsonProperty("empty")
    public boolean empty() {
        return series.stream().filter(s -> !s.reference()).allMatch(s -> s.values().stream().allMatch(v -> v == null));
    }

    /** How many values the data series hold (reference lines not counted): the page's rendered marker. */
    @com.fasterxml.jackson.annotation.JsonProperty("points")
    public int points() {
        return (int) series.stream().filter(s -> !s.reference())
                .mapToLong(s -> s.values().stream().filter(v -> v != null).count()).sum();
    }

    /**
     * RFC 4180 CSV (comma-separated, CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled):
     * a header {@code <x>,<series keys>}, then one line per label; a missing value is an empty field.
     */
    public String toCsv() {
        StringBuilder out = new StringBuilder();
        List<Object> header = new ArrayList<>();
        header.add(x);
        series.forEach(s -> header.add(s.key()));
        line(out, header);
        for (int i = 0; i < labels.size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(labels.get(i));
            for (Series s : series) {
                row.add(s.values().get(i));
            }
            line(out, row);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = values.get(i);
            String s = v == null ? "" : v instanceof java.math.BigDecimal d ? d.toPlainString() : v.toString();
            boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
            out.append(quote ? '"' + s.replace("\"", "\"\"") + '"' : s);
        }
        out.append("\r\n");
    }
}
