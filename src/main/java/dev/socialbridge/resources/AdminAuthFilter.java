package dev.socialbridge.resources;

import dev.socialbridge.config.Secret;
import dev.socialbridge.errors.Errors;
import dev.socialbridge.report.ReportPage;
import dev.socialbridge.report.ReportRange;
import dev.socialbridge.report.ReportTexts;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Requires {@code Authorization: Bearer <socialbridge.admin.token>} on every {@code /admin} path (constant-time check),
 * except the report page's own paths ({@code /admin/reports}, {@code /admin/reports/<chart>.csv|.json}), where
 * {@link ReportAccess} also accepts its sign-in cookie or a host (RT) session, and its sign-in and sign-out forms,
 * which need nothing. A browser (Accept: text/html) that may not read the report page gets the sign-in page instead of
 * the JSON error.
 */
@PreMatching
public final class AdminAuthFilter implements ContainerRequestFilter {
    private static final String PREFIX = "Bearer ";
    private static final Pattern REPORT_PAGE = Pattern.compile("/?admin/reports/?|/?admin/reports/[a-z]+\\.(csv|json)");
    private static final Pattern REPORT_FORMS = Pattern.compile("/?admin/reports/(login|logout)");
    private final Secret token;
    private final ReportAccess reports;
    private final ReportPage page;

    public AdminAuthFilter(Secret token) {
        this(token, null, null);
    }

    /**
     * @param reports who may read the report page; null: the report page needs the bearer token like any admin path
     * @param page    the sign-in page's HTML
     */
    public AdminAuthFilter(Secret token, ReportAccess reports, ReportPage page) {
        this.token = token;
        this.reports = reports;
        this.page = page;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!(path.equals("admin") || path.startsWith("admin/") || path.startsWith("/admin"))) {
            return;
        }
        if (reports != null && REPORT_FORMS.matcher(path).matches()) {
            return;
        }
        if (reports != null && REPORT_PAGE.matcher(path).matches()) {
            Map<String, String> cookies = new HashMap<>();
            for (Cookie c : request.getCookies().values()) {
                cookies.put(c.getName(), c.getValue());
            }
            ReportAccess.Decision d = reports.check(request.getHeaderString(HttpHeaders.AUTHORIZATION), cookies);
            if (d.allowed()) {
                request.setProperty(ReportResource.DECISION, d);
            } else {
                request.abortWith(refusal(request, d));
            }
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = header != null && header.startsWith(PREFIX) ? header.substring(PREFIX.length()).trim() : null;
        if (token == null || !token.matches(presented)) {
            request.abortWith(Errors.response(401, "admin endpoints need 'Authorization: Bearer <socialbridge.admin.token>'", null));
        }
    }

    private Response refusal(ContainerRequestContext request, ReportAccess.Decision d) {
        boolean browser = request.getAcceptableMediaTypes().stream()
                .anyMatch(m -> !m.isWildcardType() && m.isCompatible(MediaType.TEXT_HTML_TYPE));
        String message = d.status() == 403
                ? "RT user '" + d.who() + "' may not read the reports (privileged members of "
                        + String.join(", ", reports.groups()) + ", or SuperUsers, may)"
                : "the report page needs 'Authorization: Bearer <socialbridge.admin.token>', its sign-in cookie or an RT"
                        + " session of a member of " + String.join(", ", reports.groups());
        if (!browser) {
            return Errors.response(d.status(), message, null);
        }
        ReportTexts t = ReportTexts.of(ReportTexts.language(request.getUriInfo().getQueryParameters().getFirst("lang"),
                request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
        String problem = d.status() == 403 ? t.get("login.forbidden", d.who(), String.join(", ", reports.groups())) : null;
        int days;
        try {
            days = ReportRange.of(request.getUriInfo().getQueryParameters().getFirst("days"), java.time.Instant.now()).days();
        } catch (IllegalArgumentException e) {
            days = ReportRange.DEFAULT_DAYS;
        }
        return ReportResource.secured(Response.status(d.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(page.signIn(t, reports.groups(), problem, days)));
    }
}
