package dev.socialbridge.telemetry;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A counter per combination of label values ({@code socialbridge_webhooks_accepted_total{source="meta"}}).
 * Thread-safe; an increment is a map lookup and a {@link LongAdder} add. Label values must come from a small set
 * (connector ids, targets, outcomes), never from payloads.
 */
public final class CounterFamily {
    private final String name;
    private final String help;
    private final List<String> labelNames;
    private final ConcurrentHashMap<List<String>, LongAdder> counters = new ConcurrentHashMap<>();

    public CounterFamily(String name, String help, String... labelNames) {
        this.name = name;
        this.help = help;
        this.labelNames = List.of(labelNames);
    }

    /** Adds one to the counter of these label values (as many as the family's label names). */
    public void inc(String... labelValues) {
        add(1, labelValues);
    }

    /** Adds {@code n} to the counter of these label values. */
    public void add(long n, String... labelValues) {
        if (labelValues.length != labelNames.size()) {
            throw new IllegalArgumentException(name + " takes labels " + labelNames);
        }
        counters.computeIfAbsent(List.of(labelValues), k -> new LongAdder()).add(n);
    }

    /** The current value for these label values (0 if never counted). */
    public long value(String... labelValues) {
        LongAdder a = counters.get(List.of(labelValues));
        return a == null ? 0 : a.sum();
    }

    /** Renders the family, samples sorted by label values. */
    public void render(StringBuilder out) {
        PromText.header(out, name, "counter", help);
        Map<String, List<String>> sorted = new TreeMap<>();
        counters.keySet().forEach(k -> sorted.put(String.join("\u0000", k), k));
        sorted.values().forEach(k -> PromText.sample(out, name, labelNames, k, Long.toString(counters.get(k).sum())));
    }
}
