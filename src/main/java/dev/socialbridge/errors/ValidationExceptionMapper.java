package dev.socialbridge.errors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** Bean Validation failures: 400 for invalid parameters, 422 for an invalid body, listing every violation. */
@Provider
public final class ValidationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
        boolean body = e.getConstraintViolations().stream().anyMatch(v -> v.getPropertyPath().toString().contains(".arg"));
        List<String> details = e.getConstraintViolations().stream().map(ValidationExceptionMapper::describe).sorted().toList();
        return Errors.response(body ? 422 : 400, body ? "invalid request body" : "invalid request parameters", details);
    }

    private static String describe(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        int dot = path.indexOf('.');
        return (dot >= 0 ? path.substring(dot + 1) : path) + ": " + v.getMessage();
    }
}
