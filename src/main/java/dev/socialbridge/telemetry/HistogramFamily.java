package dev.socialbridge.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A Prometheus histogram per combination of label values, with fixed upper bounds in seconds. Thread-safe.
 */
public final class HistogramFamily {
    private final String name;
    private final String help;
    private final List<String> labelNames;
    private final double[] bounds;
    private final ConcurrentHashMap<List<String>, Series> series = new ConcurrentHashMap<>();

    private static final class Series {
        final LongAdder[] buckets;
        final LongAdder count = new LongAdder();
        final DoubleAdder sum = new DoubleAdder();

        Series(int n) {
            buckets = new LongAdder[n];
            for (int i = 0; i < n; i++) {
                buckets[i] = new LongAdder();
            }
        }
    }

    /** @param bounds the buckets' upper bounds, ascending ({@code +Inf} is added) */
    public HistogramFamily(String name, String help, double[] bounds, String... labelNames) {
        this.name = name;
        this.help = help;
        this.bounds = bounds.clone();
        this.labelNames = List.of(labelNames);
    }

    /** Records one observation of {@code seconds}. */
    public void observe(double seconds, String... labelValues) {
        if (labelValues.length != labelNames.size()) {
            throw new IllegalArgumentException(name + " takes labels " + labelNames);
        }
        Series s = series.computeIfAbsent(List.of(labelValues), k -> new Series(bounds.length));
        for (int i = 0; i < bounds.length; i++) {
            if (seconds <= bounds[i]) {
                s.buckets[i].increment();
                break;
            }
        }
        s.count.increment();
        s.sum.add(seconds);
    }

    /** How many observations these label values have. */
    public long count(String... labelValues) {
        Series s = series.get(List.of(labelValues));
        return s == null ? 0 : s.count.sum();
    }

    /** Renders the family: cumulative buckets, {@code _sum} and {@code _count} per series. */
    public void render(StringBuilder out) {
        PromText.header(out, name, "histogram", help);
        Map<String, List<String>> sorted = new TreeMap<>();
        series.keySet().forEach(k -> sorted.put(String.join("\u0000", k), k));
        List<String> withLe = new ArrayList<>(labelNames);
        withLe.add("le");
        for (List<String> k : sorted.values()) {
            Series s = series.get(k);
            long cumulative = 0;
            for (int i = 0; i < bounds.length; i++) {
                cumulative += s.buckets[i].sum();
                List<String> values = new ArrayList<>(k);
                values.add(Double.toString(bounds[i]));
                PromText.sample(out, name + "_bucket", withLe, values, Long.toString(cumulative));
            }
            List<String> inf = new ArrayList<>(k);
            inf.add("+Inf");
            long count = s.count.sum();
            PromText.sample(out, name + "_bucket", withLe, inf, Long.toString(count));
            PromText.sample(out, name + "_sum", labelNames, k, Double.toString(s.sum.sum()));
            PromText.sample(out, name + "_count", labelNames, k, Long.toString(count));
        }
    }
}
