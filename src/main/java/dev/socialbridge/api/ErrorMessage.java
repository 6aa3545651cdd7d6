package dev.socialbridge.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The one JSON error body of every error response: {@code {"code","message","details"}}, nulls omitted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorMessage(int code, String message, Object details) {
}
