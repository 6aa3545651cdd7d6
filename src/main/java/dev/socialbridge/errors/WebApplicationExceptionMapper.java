package dev.socialbridge.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS errors (404 unknown path, 405, 415...) keep their status but get the JSON error body. */
@Provider
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        Response r = e.getResponse();
        String reason = r.getStatusInfo().getReasonPhrase();
        return Errors.response(r.getStatus(), reason == null ? "HTTP " + r.getStatus() : reason, null);
    }
}
