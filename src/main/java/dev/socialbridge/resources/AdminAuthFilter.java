package dev.socialbridge.resources;

import dev.socialbridge.config.Secret;
import dev.socialbridge.errors.Errors;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;

/** Requires {@code Authorization: Bearer <socialbridge.admin.token>} on every {@code /admin} path (constant-time check). */
@PreMatching
public final class AdminAuthFilter implements ContainerRequestFilter {
    private static final String PREFIX = "Bearer ";
    private final Secret token;

    public AdminAuthFilter(Secret token) {
        this.token = token;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!(path.equals("admin") || path.startsWith("admin/") || path.startsWith("/admin"))) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = header != null && header.startsWith(PREFIX) ? header.substring(PREFIX.length()).trim() : null;
        if (token == null || !token.matches(presented)) {
            request.abortWith(Errors.response(401, "admin endpoints need 'Authorization: Bearer <socialbridge.admin.token>'", null));
        }
    }
}
