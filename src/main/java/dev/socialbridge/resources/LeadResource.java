package dev.socialbridge.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.errors.ApiException;
import dev.socialbridge.errors.Errors;
import dev.socialbridge.links.FieldErrors;
import dev.socialbridge.links.LeadForm;
import dev.socialbridge.links.LeadStore;
import dev.socialbridge.links.RateLimiter;
import dev.socialbridge.pipeline.AuditStore;
import dev.socialbridge.store.Database;
import dev.socialbridge.support.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.glassfish.grizzly.http.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /leads}: the lead form of a landing page, as JSON or {@code application/x-www-form-urlencoded} (the same
 * field names, {@link LeadForm}); an {@code Idempotency-Key} header counts as the {@code idempotency_key} field.
 * <ul>
 * <li>more than {@code socialbridge.leads.rate-limit} submissions from one client IP in a minute: 429 with
 *     {@code Retry-After} (the IP is only counted in memory, never stored);</li>
 * <li>a filled honeypot ({@code website}): 202 as if accepted, dropped and audited (no lead);</li>
 * <li>invalid fields: 422 listing each field and its message;</li>
 * <li>a new lead: stored and queued for the pipeline in one transaction, 202 {@code {"lead_id", "status":
 *     "accepted"}}; the pipeline creates its RT ticket (or updates its conversation's);</li>
 * <li>a duplicate (same idempotency key, or same email or phone and campaign within
 *     {@code socialbridge.leads.duplicate-window}): 200 {@code {"lead_id": <the first one's>, "status":
 *     "duplicate"}}, no second lead.</li>
 * </ul>
 * CORS is {@link LeadCorsFilter}'s.
 */
@Path("/leads")
@Produces(MediaType.APPLICATION_JSON)
public final class LeadResource {
    private static final Logger LOG = LoggerFactory.getLogger(LeadResource.class);
    private final LeadStore leads;
    private final RateLimiter limiter;
    private final AuditStore audit;
    private final Database db;
    private final Clock clock;

    public LeadResource(LeadStore leads, RateLimiter limiter, Database db, Clock clock) {
        this.leads = leads;
        this.limiter = limiter;
        this.audit = new AuditStore(db);
        this.db = db;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response json(String body, @HeaderParam("Idempotency-Key") String key, @Context Request request) {
        Response limited = limited(request);
        if (limited != null) {
            return limited;
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body == null ? "" : body);
        } catch (IOException e) {
            throw new ApiException(400, "malformed JSON", e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ApiException(400, "the lead must be a JSON object");
        }
        Map<String, String> fields = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNull()) {
                fields.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
            }
        }
        return submit(fields, key);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response form(MultivaluedMap<String, String> form, @HeaderParam("Idempotency-Key") String key,
                         @Context Request request) {
        Response limited = limited(request);
        if (limited != null) {
            return limited;
        }
        Map<String, String> fields = new HashMap<>();
        form.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                fields.put(k, v.get(0));
            }
        });
        return submit(fields, key);
    }

    /** 429 with {@code Retry-After} when the client's IP is over the limit, else null (counted). */
    private Response limited(Request request) {
        String ip = request == null || request.getRemoteAddr() == null ? "unknown" : request.getRemoteAddr();
        OptionalLong wait = limiter.acquire(ip);
        if (wait.isEmpty()) {
            return null;
        }
        return Response.fromResponse(Errors.response(429, "too many lead submissions from this address: retry in "
                + wait.getAsLong() + " s", null)).header("Retry-After", Long.toString(wait.getAsLong())).build();
    }

    private Response submit(Map<String, String> fields, String idempotencyKey) {
        if (idempotencyKey != null && !idempotencyKey.isBlank() && !fields.containsKey("idempotency_key")) {
            fields.put("idempotency_key", idempotencyKey);
        }
        LeadForm form = LeadForm.of(fields);
        Instant now = clock.instant();
        if (form.isRobot()) {
            db.inTransaction(c -> {
                audit.insert(c, new AuditStore.AuditRow(0, "leads", 0, null, null, null, "lead_form", "dropped",
                        null, "honeypot filled: submission dropped (campaign " + form.namedCampaign() + ")", now));
                return null;
            });
            LOG.info("lead form with a filled honeypot dropped");
            // answered like a real lead, so that the robot learns nothing
            return Response.accepted(body("lead-" + java.util.UUID.randomUUID(), "accepted")).build();
        }
        FieldErrors.check("invalid lead", FieldErrors.of(form));
        LeadStore.Accepted accepted = leads.submit(form, now);
        return accepted.duplicate()
                ? Response.ok(body(accepted.leadId(), "duplicate")).build()
                : Response.accepted(body(accepted.leadId(), "accepted")).build();
    }

    private static Map<String, Object> body(String leadId, String status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lead_id", leadId);
        m.put("status", status);
        return m;
    }
}
