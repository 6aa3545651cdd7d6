package dev.socialbridge.resources;

import dev.socialbridge.errors.ApiException;
import dev.socialbridge.learning.ClassifierQuality;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;

/**
 * {@code GET /admin/classifier[?days=N]}: the model in use, the installation's models, the corrections recorded, and
 * over the last N days (default 30) the moderation false-positive rate and the tagging accuracy, with their targets.
 * Under {@code /admin}: the admin token is required.
 */
@Path("/admin/classifier")
@Produces(MediaType.APPLICATION_JSON)
public final class ClassifierResource {
    static final int DEFAULT_DAYS = 30;

    private final ClassifierQuality quality;

    public ClassifierResource(ClassifierQuality quality) {
        this.quality = quality;
    }

    @GET
    public ClassifierQuality.Report report(@QueryParam("days") String days) {
        int n = DEFAULT_DAYS;
        if (days != null) {
            try {
                n = Integer.parseInt(days.strip());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > 3660) {
                throw new ApiException(400, "invalid request parameters",
                        List.of("days: '" + days + "' is not a number of days from 1 to 3660"));
            }
        }
        return quality.report(Duration.ofDays(n));
    }
}
