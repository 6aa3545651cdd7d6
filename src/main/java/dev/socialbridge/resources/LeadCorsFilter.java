package dev.socialbridge.resources;

import dev.socialbridge.errors.Errors;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CORS for {@code /leads}, for the origins of {@code socialbridge.leads.allowed-origins} only. A preflight
 * ({@code OPTIONS} with {@code Origin}) from an allowed origin is answered 204 with the allowed method ({@code POST}),
 * headers ({@code Content-Type}, {@code Idempotency-Key}) and a max age; from another origin 403 JSON. A request whose
 * {@code Origin} is not allowed is refused 403 JSON before it is read (a browser on another site cannot post leads);
 * one without {@code Origin} (a server, curl) passes. Answers to allowed origins carry
 * {@code Access-Control-Allow-Origin} with that origin and {@code Vary: Origin}, errors included.
 */
@PreMatching
public final class LeadCorsFilter implements ContainerRequestFilter, ContainerResponseFilter {
    /** The setting that lists the origins, named in refusals. */
    public static final String SETTING = "socialbridge.leads.allowed-origins";
    private final Set<String> origins;

    public LeadCorsFilter(List<String> origins) {
        this.origins = origins.stream().map(LeadCorsFilter::normal).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether a browser on {@code origin} may post the form. */
    public boolean allows(String origin) {
        return origin != null && origins.contains(normal(origin));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!isLeads(request)) {
            return;
        }
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            if ("OPTIONS".equals(request.getMethod())) {
                request.abortWith(Response.noContent().header("Allow", "POST, OPTIONS").build());
            }
            return;
        }
        if (!allows(origin)) {
            request.abortWith(Errors.response(403, "origin '" + origin + "' may not post leads (" + SETTING + ")",
                    null));
            return;
        }
        if ("OPTIONS".equals(request.getMethod())) {
            request.abortWith(Response.noContent()
                    .header("Access-Control-Allow-Methods", "POST, OPTIONS")
                    .header("Access-Control-Allow-Headers", "Content-Type, Idempotency-Key")
                    .header("Access-Control-Max-Age", "600")
                    .build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (isLeads(request) && allows(origin)) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
            response.getHeaders().add("Vary", "Origin");
            response.getHeaders().putSingle("Access-Control-Expose-Headers", "Retry-After");
        }
    }

    private static boolean isLeads(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.equals("leads") || path.equals("/leads") || path.equals("leads/") || path.equals("/leads/");
    }

    private static String normal(String origin) {
        return origin.strip().replaceAll("/+$", "").toLowerCase(Locale.ROOT);
    }
}
