package dev.socialbridge.resources;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** Liveness (the process answers) and readiness (store and host reachable, accounts valid). */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {
    private final ReadinessCheck readiness;

    public HealthResource(ReadinessCheck readiness) {
        this.readiness = readiness;
    }

    @GET
    @Path("live")
    public Map<String, String> live() {
        return Map.of("status", "UP");
    }

    @GET
    @Path("ready")
    public Response ready() {
        Map<String, String> checks = readiness.check();
        boolean up = checks.values().stream().allMatch("UP"::equals);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("checks", checks);
        return Response.status(up ? 200 : 503).entity(body).build();
    }
}
