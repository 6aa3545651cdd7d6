package dev.socialbridge.errors;

import dev.socialbridge.api.ErrorMessage;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds JSON error responses. */
public final class Errors {
    private Errors() {
    }

    public static Response response(int status, String message, Object details) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMessage(status, message, details)).build();
    }
}
