package dev.socialbridge.resources;

import dev.socialbridge.kpi.MetricsStore;
import dev.socialbridge.telemetry.PromText;
import dev.socialbridge.telemetry.StoreGauges;
import dev.socialbridge.telemetry.Telemetry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Prometheus text exposition (format 0.0.4): the SLA numbers, the store's gauges (inbox and outbox depth, journal
 * lag) and what the running plugin counted (webhooks, deliveries, errors, latency, outage holds). Not under {@code /admin}: like {@code /health}, it
 * needs no token (restrict it at the reverse proxy if the queue names must stay private).
 */
@Path("/metrics")
public final class MetricsResource {
    /** The content type Prometheus expects from a text exposition. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final MetricsStore store;
    private final StoreGauges gauges;
    private final Telemetry telemetry;
    private final Clock clock;
    private dev.socialbridge.telemetry.ClassifierGauges classifier;

    public MetricsResource(MetricsStore store, StoreGauges gauges, Telemetry telemetry) {
        this(store, gauges, telemetry, Clock.systemUTC());
    }

    public MetricsResource(MetricsStore store, StoreGauges gauges, Telemetry telemetry, Clock clock) {
        this.store = store;
        this.gauges = gauges;
        this.telemetry = telemetry;
        this.clock = clock;
    }

    /** Adds the classifier's quality gauges. */
    public MetricsResource with(dev.socialbridge.telemetry.ClassifierGauges gauges) {
        this.classifier = gauges;
        return this;
    }

    @GET
    @Produces({MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    public Response metrics() {
        StringBuilder out = new StringBuilder(render(store.snapshot(clock.instant())));
        gauges.render(out);
        if (classifier != null) {
            classifier.render(out);
        }
        telemetry.render(out);
        return Response.ok(out.toString(), CONTENT_TYPE).build();
    }

    /** The exposition text of a snapshot: HELP and TYPE lines, then one sample a line. */
    public static String render(MetricsStore.Snapshot s) {
        StringBuilder out = new StringBuilder();
        PromText.header(out, "socialbridge_sla_breaches_total", "counter", "SLA breaches recorded, per clock and queue at the time of the breach.");
        slaCounts(out, "socialbridge_sla_breaches_total", s.breaches());
        PromText.header(out, "socialbridge_sla_warnings_total", "counter", "SLA warnings recorded, per clock and queue at the time of the warning.");
        slaCounts(out, "socialbridge_sla_warnings_total", s.warnings());
        PromText.header(out, "socialbridge_open_tickets", "gauge", "Tickets of social threads not resolved, per queue.");
        perQueue(out, "socialbridge_open_tickets", s.openTickets());
        PromText.header(out, "socialbridge_tickets_near_breach", "gauge",
                "Open tickets with a response or resolve clock due within the next hour and not yet breached, per queue.");
        perQueue(out, "socialbridge_tickets_near_breach", s.nearBreach());
        return out.toString();
    }

    private static void slaCounts(StringBuilder out, String name, List<MetricsStore.SlaCount> counts) {
        for (MetricsStore.SlaCount c : counts) {
            out.append(name).append("{clock=\"").append(PromText.label(c.clock())).append("\",queue=\"").append(PromText.label(c.queue()))
                    .append("\"} ").append(c.count()).append('\n');
        }
    }

    private static void perQueue(StringBuilder out, String name, Map<String, Long> counts) {
        counts.forEach((queue, n) -> out.append(name).append("{queue=\"").append(PromText.label(queue)).append("\"} ")
                .append(n).append('\n'));
    }

}
