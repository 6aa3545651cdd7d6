package dev.socialbridge.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialbridge.support.Json;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Makes Jersey use the shared mapper (ISO dates, nulls omitted). */
@Provider
final class JacksonConfig implements ContextResolver<ObjectMapper> {
    @Override
    public ObjectMapper getContext(Class<?> type) {
        return Json.MAPPER;
    }
}
