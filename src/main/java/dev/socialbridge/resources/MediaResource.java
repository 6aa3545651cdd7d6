package dev.socialbridge.resources;

import dev.socialbridge.api.ErrorMessage;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.HostAttachment;
import dev.socialbridge.host.spi.HostException;
import dev.socialbridge.media.MediaLinks;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code GET /media/{token}/{name}}: streams a file an agent attached in the host to the platform that fetches it,
 * for a valid signed link ({@link MediaLinks}); anything else is 404, saying no more.
 */
@Path(MediaLinks.PATH + "/{token}/{name}")
public final class MediaResource {
    private final MediaLinks links;
    private final HostAdapter host;

    public MediaResource(MediaLinks links, HostAdapter host) {
        this.links = links;
        this.host = host;
    }

    @GET
    public Response get(@PathParam("token") String token, @PathParam("name") String name) {
        Optional<String> id = links.fileId(token);
        if (id.isEmpty()) {
            return notFound();
        }
        Optional<HostAttachment> file;
        try {
            file = host.downloadFile(id.get());
        } catch (HostException e) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Retry-After", "30")
                    .entity(new ErrorMessage(503, "the helpdesk did not answer; try again", null)).build();
        }
        if (file.isEmpty()) {
            return notFound();
        }
        return Response.ok(file.get().content(), file.get().mimeType())
                .header("Content-Length", file.get().content().length)
                .header("Cache-Control", "private, max-age=300")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMessage(404, "no such file", null)).build();
    }
}
