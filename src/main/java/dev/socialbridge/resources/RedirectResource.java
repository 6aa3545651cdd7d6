package dev.socialbridge.resources;

import dev.socialbridge.attribution.UtmParameters;
import dev.socialbridge.errors.ApiException;
import dev.socialbridge.links.LinkCodes;
import dev.socialbridge.links.LinkStore;
import dev.socialbridge.links.TrackedLink;
import dev.socialbridge.links.UserAgents;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;

/**
 * {@code GET /r/{code}}: records the click (time, code, UTM, ref, browser family; never the IP address) and answers
 * 302 to the link's target with its UTM parameters ({@link dev.socialbridge.links.RedirectUrls}). An unknown or
 * malformed code is 404 JSON. The click is stored before answering; a click on a link minted for a thread is queued
 * for the pipeline in the same transaction. {@code ref} is the request's {@code ref} parameter, else the host of its
 * Referer; the click's UTM are those of the request when it has any, else the link's.
 */
@Path("/r/{code}")
public final class RedirectResource {
    private final LinkStore links;
    private final Clock clock;

    public RedirectResource(LinkStore links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    @GET
    public Response follow(@PathParam("code") String code, @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
                           @HeaderParam("Referer") String referer, @QueryParam("ref") String ref,
                           @QueryParam("utm_source") String source, @QueryParam("utm_medium") String medium,
                           @QueryParam("utm_campaign") String campaign, @QueryParam("utm_content") String content,
                           @QueryParam("utm_term") String term) {
        TrackedLink link = (LinkCodes.isCode(code) ? links.find(code) : java.util.Optional.<TrackedLink>empty())
                .orElseThrow(() -> new ApiException(404, "no such link"));
        links.recordClick(link, new UtmParameters(blank(source), blank(medium), blank(campaign), blank(content),
                blank(term)), blank(ref) != null ? blank(ref) : refererHost(referer), UserAgents.family(userAgent),
                clock.instant());
        return Response.status(Response.Status.FOUND).location(URI.create(link.location()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static String refererHost(String referer) {
        try {
            return referer == null ? null : URI.create(referer).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
