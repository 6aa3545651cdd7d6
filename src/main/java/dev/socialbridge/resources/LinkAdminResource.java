package dev.socialbridge.resources;

import dev.socialbridge.links.Links;
import dev.socialbridge.links.NewLink;
import dev.socialbridge.links.TrackedLink;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/links} (admin token required, {@link AdminAuthFilter}): {@code POST} creates a campaign link
 * ({@link NewLink}: 201 with its code and public URL; 422 naming each invalid field, a target outside
 * {@code socialbridge.links.allowed-domains} included); {@code GET [?minted=true&limit=]} lists links, newest first,
 * with their clicks (campaign links only unless {@code minted=true}).
 */
@Path("/admin/links")
@Produces(MediaType.APPLICATION_JSON)
public final class LinkAdminResource {
    private final Links links;
    private final String baseUrl;

    /** @param baseUrl {@code socialbridge.links.base-url}, or null: the answer shows the path only */
    public LinkAdminResource(Links links, String baseUrl) {
        this.links = links;
        this.baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewLink request) {
        TrackedLink link = links.create(request == null ? new NewLink() : request, "admin");
        return Response.status(201).entity(view(link, 0, null)).build();
    }

    @GET
    public List<Map<String, Object>> list(@QueryParam("minted") boolean minted, @QueryParam("limit") Integer limit) {
        return links.store().list(limit == null ? 200 : Math.min(limit, 1000), minted).stream()
                .map(s -> view(s.link(), s.clicks(), s.lastClickAt())).toList();
    }

    private Map<String, Object> view(TrackedLink l, long clicks, Instant lastClick) {
        return view(l, baseUrl, clicks, lastClick);
    }

    /** The JSON view of a link (also printed by the CLI). */
    public static Map<String, Object> view(TrackedLink l, String baseUrl, long clicks, Instant lastClick) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", l.code());
        m.put("url", (baseUrl == null ? "" : baseUrl.replaceAll("/+$", "")) + "/r/" + l.code());
        m.put("target", l.target());
        m.put("location", l.location());
        put(m, "campaign", l.campaign());
        put(m, "utm_source", l.utm().source());
        put(m, "utm_medium", l.utm().medium());
        put(m, "utm_campaign", l.utm().campaign());
        put(m, "utm_content", l.utm().content());
        put(m, "utm_term", l.utm().term());
        put(m, "creator", l.creator());
        put(m, "channel", l.channel());
        put(m, "thread_key", l.threadKey());
        m.put("created_by", l.createdBy());
        m.put("created_at", l.createdAt().toString());
        m.put("clicks", clicks);
        put(m, "last_click_at", lastClick == null ? null : lastClick.toString());
        return m;
    }

    private static void put(Map<String, Object> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
