package dev.socialbridge.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /openapi.json}: the {@link OpenApiDocument} of this server. Needs no token, like {@code /health}. */
@Path("/openapi.json")
public final class OpenApiResource {
    private final ObjectNode document;

    public OpenApiResource(ObjectNode document) {
        this.document = document;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode openapi() {
        return document;
    }
}
