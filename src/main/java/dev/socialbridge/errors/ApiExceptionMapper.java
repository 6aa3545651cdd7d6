package dev.socialbridge.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Our domain errors: status from the exception (401 bad signature, 404, 409, 422...). */
@Provider
public final class ApiExceptionMapper implements ExceptionMapper<ApiException> {
    @Override
    public Response toResponse(ApiException e) {
        return Errors.response(e.status(), e.getMessage(), e.details());
    }
}
