package dev.socialbridge.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Malformed JSON request bodies: 400 naming the parse problem. */
@Provider
public final class JsonParseExceptionMapper implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
        return Errors.response(400, "malformed JSON", e.getOriginalMessage());
    }
}
