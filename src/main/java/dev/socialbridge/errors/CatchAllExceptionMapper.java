package dev.socialbridge.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything else: logged with a random id, 500 with that id and no internals. */
@Provider
public final class CatchAllExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(CatchAllExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        long id = ThreadLocalRandom.current().nextLong();
        LOG.error(String.format("error %016x handling request", id), e);
        return Errors.response(500, String.format(
                "There was an error processing your request. It has been logged (ID %016x).", id), null);
    }
}
