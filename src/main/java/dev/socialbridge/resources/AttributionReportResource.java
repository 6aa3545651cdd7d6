package dev.socialbridge.resources;

import dev.socialbridge.errors.ApiException;
import dev.socialbridge.kpi.KpiQuery;
import dev.socialbridge.people.AttributionQuery;
import dev.socialbridge.people.AttributionReport;
import dev.socialbridge.people.AttributionReportStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code GET /admin/reports/attribution?from=&to=&group=campaign|source|medium|post|ad|creator|template
 * &model=first|last|linear&format=json|csv}: leads and revenue per touch dimension (default: the last 7 days, by
 * campaign, first touch, JSON; CSV also with {@code Accept: text/csv}). Admin token required. Bad parameters: 400
 * naming each one with its value.
 */
@Path("/admin/reports/attribution")
public final class AttributionReportResource {
    private final AttributionReportStore store;

    public AttributionReportResource(AttributionReportStore store) {
        this.store = store;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", MediaType.WILDCARD})
    public Response report(@QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("group") String group, @QueryParam("model") String model,
                           @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        List<String> problems = new ArrayList<>();
        Instant fromAt = parse(problems, () -> KpiQuery.parseInstant("from", from));
        Instant toAt = parse(problems, () -> KpiQuery.parseInstant("to", to));
        AttributionQuery.Group g = parse(problems, () -> AttributionQuery.Group.of("group", group));
        AttributionQuery.Model m = parse(problems, () -> AttributionQuery.Model.of("model", model));
        String fmt = format == null || format.isBlank()
                ? accept != null && accept.toLowerCase(Locale.ROOT).startsWith("text/csv") ? "csv" : "json"
                : format.trim().toLowerCase(Locale.ROOT);
        if (!fmt.equals("json") && !fmt.equals("csv")) {
            problems.add("format: '" + format + "' is not one of json, csv");
        }
        AttributionQuery query = problems.isEmpty()
                ? parse(problems, () -> AttributionQuery.withDefaults(fromAt, toAt, g, m, Instant.now())) : null;
        if (!problems.isEmpty()) {
            throw new ApiException(400, "invalid request parameters", problems);
        }
        AttributionReport report = store.report(query);
        return fmt.equals("csv") ? Response.ok(report.toCsv(), KpiResource.TEXT_CSV).build()
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
