package dev.socialbridge.host.rt;

import com.fasterxml.jackson.databind.JsonNode;

/** An RT REST2 answer: HTTP status and JSON body ({@code MissingNode} when empty). */
public record RtResponse(int status, JsonNode body) {

    boolean ok() {
        return status >= 200 && status < 300;
    }

    /** RT's error text: {@code {"message": "..."}}, else the raw body. */
    String message() {
        JsonNode message = body.path("message");
        return message.isMissingNode() ? body.toString() : message.asText();
    }
}
