package dev.socialbridge.telemetry;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * What the running plugin counts as it works: webhooks accepted and refused, outbox deliveries by outcome, their
 * errors by kind and their latency, targets held back during an outage. One instance per server, shared by the
 * webhook handler and the dispatchers; rendered on {@code /metrics}. Thread-safe.
 */
public final class Telemetry {
    /** Upper bounds (seconds) of the delivery latency histogram. */
    static final double[] LATENCY_BOUNDS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600};

    private final CounterFamily accepted = new CounterFamily("socialbridge_webhooks_accepted_total",
            "Webhook bodies stored durably and acknowledged, per source (connector[/endpoint]).", "source");
    private final CounterFamily refused = new CounterFamily("socialbridge_webhooks_refused_total",
            "Webhook requests answered with an error, per connector and HTTP status.", "connector", "status");
    private final CounterFamily deliveries = new CounterFamily("socialbridge_deliveries_total",
            "Outbox delivery attempts per target (host, platform) and outcome (delivered, retry, postponed, dead,"
                    + " not_sendable, cancelled).", "target", "outcome");
    private final CounterFamily errors = new CounterFamily("socialbridge_delivery_errors_total",
            "Failed delivery attempts per target and kind (unavailable, retry, account_invalid, unreachable, failed,"
                    + " exhausted; in_doubt: a send cut short by a kill, sent again).", "target", "kind");
    private final HistogramFamily latency = new HistogramFamily("socialbridge_delivery_latency_seconds",
            "Time from an outbox command's creation to its delivery, per target.", LATENCY_BOUNDS, "target");
    private final CounterFamily holds = new CounterFamily("socialbridge_target_holds_total",
            "Deliveries that found their target unavailable and held its lane back (outage pauses), per target.",
            "target");
    private final Map<String, BooleanSupplier> held = new ConcurrentHashMap<>();
    private volatile InstanceView instance;

    /** What this instance holds among several on one store ({@code cluster.Cluster}). */
    public interface InstanceView {
        String id();

        /** Partitions held now. */
        int partitions();

        /** Whether it runs the singleton jobs now. */
        boolean leader();

        /** Instances seen alive, this one included. */
        int liveInstances();
    }

    /** Registers this instance's share of the work (gauges). */
    public void watchInstance(InstanceView view) {
        this.instance = view;
    }

    /** A webhook body from {@code source} was stored durably and acknowledged. */
    public void webhookAccepted(String source) {
        accepted.inc(source);
    }

    /** A webhook request for {@code connector} was answered with {@code status}. */
    public void webhookRefused(String connector, int status) {
        refused.inc(connector, Integer.toString(status));
    }

    /** A delivery to {@code target} ended with {@code outcome}; {@code latency} when it was delivered, else null. */
    public void delivery(String target, String outcome, Duration latency) {
        deliveries.inc(target, outcome);
        if (latency != null) {
            this.latency.observe(Math.max(0, latency.toNanos()) / 1e9, target);
        }
    }

    /** A delivery to {@code target} failed with an error of {@code kind}. */
    public void deliveryError(String target, String kind) {
        errors.inc(target, kind);
    }

    /** A delivery found {@code target} unavailable: its deliveries are held back. */
    public void targetHeld(String target) {
        holds.inc(target);
    }

    /** Registers whether {@code target}'s deliveries are currently held back (gauge). */
    public void watchHold(String target, BooleanSupplier isHeld) {
        held.put(target, isHeld);
    }

    /** The number of deliveries to {@code target} that ended with {@code outcome}. */
    public long deliveries(String target, String outcome) {
        return deliveries.value(target, outcome);
    }

    /** The number of webhooks accepted from {@code source}. */
    public long accepted(String source) {
        return accepted.value(source);
    }

    /** Appends every family in the text exposition format. */
    public void render(StringBuilder out) {
        accepted.render(out);
        refused.render(out);
        deliveries.render(out);
        errors.render(out);
        latency.render(out);
        holds.render(out);
        PromText.header(out, "socialbridge_target_held", "gauge",
                "1 while a target is unavailable and its deliveries are held back, else 0.");
        new TreeMap<>(held).forEach((target, h) -> PromText.sample(out, "socialbridge_target_held",
                java.util.List.of("target"), java.util.List.of(target), h.getAsBoolean() ? "1" : "0"));
        InstanceView view = instance;
        if (view != null) {
            java.util.List<String> label = java.util.List.of("instance");
            java.util.List<String> value = java.util.List.of(view.id());
            PromText.header(out, "socialbridge_instance_partitions", "gauge",
                    "Partitions of the inbox and outbox this instance holds (16 when alone on its store).");
            PromText.sample(out, "socialbridge_instance_partitions", label, value, Integer.toString(view.partitions()));
            PromText.header(out, "socialbridge_instance_leader", "gauge",
                    "1 while this instance holds the leader lease and runs the singleton jobs, else 0.");
            PromText.sample(out, "socialbridge_instance_leader", label, value, view.leader() ? "1" : "0");
            PromText.header(out, "socialbridge_instances_live", "gauge",
                    "Instances on this store whose heartbeat is within one lease, this one included.");
            PromText.sample(out, "socialbridge_instances_live", java.util.List.of(), java.util.List.of(),
                    Integer.toString(view.liveInstances()));
        }
    }
}
