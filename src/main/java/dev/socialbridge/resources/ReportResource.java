package dev.socialbridge.resources;

import dev.socialbridge.errors.ApiException;
import dev.socialbridge.report.Chart;
import dev.socialbridge.report.ReportCharts;
import dev.socialbridge.report.ReportPage;
import dev.socialbridge.report.ReportRange;
import dev.socialbridge.report.ReportTexts;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The report page: {@code GET /admin/reports?days=7|30|90&lang=fr|en} (HTML, one card per chart), and each chart's
 * plotted series as {@code GET /admin/reports/<chart>.csv} and {@code .json} with the same parameters. Who may read
 * them is {@link ReportAccess}'s decision, taken by {@link AdminAuthFilter} before this runs; {@code POST
 * /admin/reports/login} (form field {@code token}) signs a browser in with the admin token and {@code POST
 * /admin/reports/logout} signs it out. Every answer carries {@link ReportPage#SECURITY_HEADERS}.
 */
@Path("/admin/reports")
public final class ReportResource {
    /** The request property where the filter leaves its {@link ReportAccess.Decision}. */
    public static final String DECISION = "socialbridge.report.decision";

    private final ReportCharts charts;
    private final ReportPage page;
    private final ReportAccess access;
    private final Clock clock;

    public ReportResource(ReportCharts charts, ReportPage page, ReportAccess access, Clock clock) {
        this.charts = charts;
        this.page = page;
        this.access = access;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("days") String days, @QueryParam("lang") String lang,
                         @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                         @Context ContainerRequestContext request) {
        ReportRange range = range(days);
        ReportTexts texts = ReportTexts.of(ReportTexts.language(lang, acceptLanguage));
        List<Chart> all = new ArrayList<>();
        for (String id : ReportCharts.IDS) {
            all.add(charts.chart(id, range, texts));
        }
        ReportAccess.Decision d = (ReportAccess.Decision) request.getProperty(DECISION);
        String who = d == null ? "admin" : d.who();
        boolean signOut = d != null && d.via() == ReportAccess.Via.COOKIE;
        return secured(Response.ok(page.page(range, texts, all, who, signOut), MediaType.TEXT_HTML_TYPE.withCharset("utf-8")));
    }

    @GET
    @Path("{chart}.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("chart") String chart, @QueryParam("days") String days, @QueryParam("lang") String lang,
                        @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Chart c = chart(chart, days, lang, acceptLanguage);
        return secured(Response.ok(c.toCsv(), KpiResource.TEXT_CSV).header("Content-Disposition",
                "attachment; filename=\"" + c.chart() + "-" + range(days).days() + "d.csv\""));
    }

    @GET
    @Path("{chart}.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response json(@PathParam("chart") String chart, @QueryParam("days") String days, @QueryParam("lang") String lang,
                         @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return secured(Response.ok(chart(chart, days, lang, acceptLanguage), MediaType.APPLICATION_JSON_TYPE));
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response login(@FormParam("token") String token, @FormParam("lang") String lang, @FormParam("days") String days,
                          @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, @Context UriInfo uri,
                          @Context HttpHeaders headers) {
        ReportTexts texts = ReportTexts.of(ReportTexts.language(lang, acceptLanguage));
        int n = ReportRange.CHOICES.contains(parseOr(days, -1)) ? parseOr(days, -1) : ReportRange.DEFAULT_DAYS;
        if (!access.isAdminToken(token)) {
            return secured(Response.status(401).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                    .entity(page.signIn(texts, access.groups(), texts.get("login.wrong"), n)));
        }
        return secured(Response.seeOther(URI.create("/admin/reports?days=" + n + "&lang=" + texts.lang()))
                .header("Set-Cookie", cookie(access.newCookie(), ReportAccess.COOKIE_TTL.toSeconds(), uri, headers)));
    }

    @POST
    @Path("logout")
    public Response logout(@FormParam("lang") String lang, @Context UriInfo uri, @Context HttpHeaders headers) {
        String l = ReportTexts.LANGUAGES.contains(lang) ? lang : "en";
        return secured(Response.seeOther(URI.create("/admin/reports?lang=" + l))
                .header("Set-Cookie", cookie("", 0, uri, headers)));
    }

    /** The sign-in cookie: HttpOnly, SameSite=Strict, only for the report's paths, Secure when the request was HTTPS. */
    static String cookie(String value, long maxAge, UriInfo uri, HttpHeaders headers) {
        boolean https = "https".equalsIgnoreCase(uri.getRequestUri().getScheme())
                || "https".equalsIgnoreCase(headers.getHeaderString("X-Forwarded-Proto"));
        return ReportAccess.COOKIE + "=" + value + "; Path=/admin/reports; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
                + (https ? "; Secure" : "");
    }

    /** Adds the report's security headers. */
    static Response secured(Response.ResponseBuilder b) {
        ReportPage.SECURITY_HEADERS.forEach(b::header);
        return b.build();
    }

    private Chart chart(String chart, String days, String lang, String acceptLanguage) {
        if (!ReportCharts.IDS.contains(chart)) {
            throw new ApiException(404, "no chart '" + chart + "' (one of " + String.join(", ", ReportCharts.IDS) + ")", null);
        }
        return charts.chart(chart, range(days), ReportTexts.of(ReportTexts.language(lang, acceptLanguage)));
    }

    private ReportRange range(String days) {
        try {
            return ReportRange.of(days, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "invalid request parameters", List.of(e.getMessage()));
        }
    }

    private static int parseOr(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
