package dev.socialbridge.resources;

import dev.socialbridge.errors.ApiException;
import dev.socialbridge.kpi.KpiQuery;
import dev.socialbridge.kpi.KpiReport;
import dev.socialbridge.kpi.KpiStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code GET /admin/kpis?from=&to=&group=queue|channel|intent|day|none&format=json|csv}: service KPIs of the threads that
 * started in {@code [from, to)} (default: the 7 days before now, per queue, JSON). Under {@code /admin}, so the
 * admin token is required ({@link AdminAuthFilter}). Bad parameters: 400 listing each one with its value.
 */
@Path("/admin/kpis")
public final class KpiResource {
    /** The CSV content type. */
    public static final String TEXT_CSV = "text/csv; charset=utf-8";

    private final KpiStore store;
    private final Clock clock;

    public KpiResource(KpiStore store) {
        this(store, Clock.systemUTC());
    }

    public KpiResource(KpiStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", MediaType.WILDCARD})
    public Response kpis(@QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("group") String group, @QueryParam("format") String format) {
        List<String> problems = new ArrayList<>();
        Instant fromAt = parse(problems, () -> KpiQuery.parseInstant("from", from));
        Instant toAt = parse(problems, () -> KpiQuery.parseInstant("to", to));
        KpiQuery.Group groupBy = parse(problems, () -> KpiQuery.Group.of("group", group));
        String fmt = format == null || format.isBlank() ? "json" : format.trim().toLowerCase(Locale.ROOT);
        if (!fmt.equals("json") && !fmt.equals("csv")) {
            problems.add("format: '" + format + "' is not one of json, csv");
        }
        KpiQuery query = problems.isEmpty() ? parse(problems, () -> KpiQuery.withDefaults(fromAt, toAt, groupBy, clock.instant())) : null;
        if (!problems.isEmpty()) {
            throw new ApiException(400, "invalid request parameters", problems);
        }
        KpiReport report = store.report(query);
        return fmt.equals("csv")
                ? Response.ok(report.toCsv(), TEXT_CSV).build()
                : Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static <T> T parse(List<String> problems, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }
}
