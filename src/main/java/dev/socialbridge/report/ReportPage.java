package dev.socialbridge.report;

import dev.socialbridge.support.Json;
import java.util.List;
import java.util.Map;

/**
 * The HTML of the report page and of its sign-in page. No inline script or style (the page is served with
 * {@code Content-Security-Policy: default-src 'self'}): the charts' data ride in {@code data-series} attributes and
 * {@code /assets/reports/reports.js} draws them with the bundled Chart.js. Stable hooks for browser tests: every chart
 * card is {@code section#card-<id>[data-chart-card=<id>]}; a chart with data is {@code canvas#chart-<id>[data-chart=<id>]}
 * that the script marks {@code data-rendered="true"} and {@code data-points="<n>"} once drawn; a chart without data is
 * {@code p#empty-<id>[data-empty=true]} instead; the downloads are {@code a#csv-<id>} and {@code a#json-<id>}.
 */
public final class ReportPage {
    /** The security headers of every page and data answer of the report (no inline code, no framing, no referrer). */
    public static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store");
    /** How each chart is drawn. */
    static final Map<String, String> KINDS = Map.of("frt", "line", "sla", "line", "automation", "bar",
            "campaigns", "bar", "moderation", "line");

    private final String assetVersion;
    private final String chartJsPath;

    /**
     * @param assetVersion the plugin's version, appended to the page's own script and style URLs so a new version is
     *                     fetched at once despite their cache lifetime
     * @param chartJsPath  the path of the bundled Chart.js ({@code /assets/chart.js/4.4.1/chart.umd.js})
     */
    public ReportPage(String assetVersion, String chartJsPath) {
        this.assetVersion = assetVersion;
        this.chartJsPath = chartJsPath;
    }

    /**
     * The report page.
     *
     * @param who        who is signed in, shown in the header
     * @param canSignOut whether the visitor holds the report's own sign-in cookie (a sign-out button is shown)
     */
    public String page(ReportRange range, ReportTexts t, List<Chart> charts, String who, boolean canSignOut) {
        StringBuilder b = head(t, t.get("title"));
        String q = "?days=" + range.days() + "&lang=" + t.lang();
        b.append("<body id=\"reports\" data-days=\"").append(range.days()).append("\" data-lang=\"").append(t.lang())
                .append("\">\n<header>\n<h1>").append(esc(t.get("title"))).append("</h1>\n");
        b.append("<nav id=\"range\" aria-label=\"").append(esc(t.get("range"))).append("\">");
        for (int d : ReportRange.CHOICES) {
            b.append("<a id=\"range-").append(d).append("\" data-days=\"").append(d).append("\" href=\"?days=").append(d)
                    .append("&amp;lang=").append(t.lang()).append('"')
                    .append(d == range.days() ? " aria-current=\"page\"" : "").append('>')
                    .append(esc(t.get("range." + d))).append("</a>");
        }
        b.append("</nav>\n<nav id=\"lang\">");
        for (String l : ReportTexts.LANGUAGES) {
            b.append("<a id=\"lang-").append(l).append("\" hreflang=\"").append(l).append("\" href=\"?days=")
                    .append(range.days()).append("&amp;lang=").append(l).append('"')
                    .append(l.equals(t.lang()) ? " aria-current=\"page\"" : "").append('>')
                    .append(l.toUpperCase(java.util.Locale.ROOT)).append("</a>");
        }
        b.append("</nav>\n<p id=\"user\">").append(esc(t.get("signed-in", who))).append("</p>\n");
        if (canSignOut) {
            b.append("<form id=\"sign-out\" method=\"post\" action=\"/admin/reports/logout\"><input type=\"hidden\""
                    + " name=\"lang\" value=\"").append(t.lang()).append("\"><button type=\"submit\">")
                    .append(esc(t.get("sign-out"))).append("</button></form>\n");
        }
        b.append("</header>\n<main>\n");
        for (Chart c : charts) {
            String id = c.chart();
            b.append("<section class=\"card\" id=\"card-").append(id).append("\" data-chart-card=\"").append(id)
                    .append("\">\n<h2>").append(esc(t.get(id + ".title"))).append("</h2>\n<p class=\"explain\">")
                    .append(esc(t.get(id + ".explain"))).append("</p>\n<p class=\"downloads\">")
                    .append("<a id=\"csv-").append(id).append("\" href=\"/admin/reports/").append(id).append(".csv")
                    .append(esc(q)).append("\" download>CSV</a> <a id=\"json-").append(id)
                    .append("\" href=\"/admin/reports/").append(id).append(".json").append(esc(q))
                    .append("\">JSON</a></p>\n");
            if (c.empty()) {
                b.append("<p class=\"empty\" id=\"empty-").append(id).append("\" data-empty=\"true\">")
                        .append(esc(t.get("empty"))).append("</p>\n");
            } else {
                b.append("<div class=\"plot\"><canvas id=\"chart-").append(id).append("\" data-chart=\"").append(id)
                        .append("\" data-kind=\"").append(KINDS.get(id)).append("\" role=\"img\" aria-label=\"")
                        .append(esc(t.get(id + ".title"))).append("\" data-series=\"").append(esc(Json.write(c)))
                        .append("\"></canvas></div>\n");
            }
            b.append("</section>\n");
        }
        b.append("</main>\n<script src=\"").append(esc(chartJsPath)).append("\"></script>\n<script src=\"/assets/reports/")
                .append("reports.js?v=").append(esc(assetVersion)).append("\"></script>\n</body>\n</html>\n");
        return b.toString();
    }

    /**
     * The sign-in page: how to sign in with an RT session, and a form for the admin token.
     *
     * @param groups  the RT groups whose members may see the reports
     * @param problem a sentence saying why the last attempt failed, or null
     */
    public String signIn(ReportTexts t, List<String> groups, String problem, int days) {
        StringBuilder b = head(t, t.get("login.title"));
        b.append("<body id=\"sign-in\">\n<main class=\"narrow\">\n<h1>").append(esc(t.get("login.title"))).append("</h1>\n");
        if (problem != null) {
            b.append("<p id=\"problem\" class=\"problem\" role=\"alert\">").append(esc(problem)).append("</p>\n");
        }
        b.append("<p id=\"rt-help\">").append(esc(t.get("login.rt", String.join(", ", groups)))).append("</p>\n")
                .append("<form id=\"token-form\" method=\"post\" action=\"/admin/reports/login\">\n<p>")
                .append(esc(t.get("login.token"))).append("</p>\n<label for=\"token\">")
                .append(esc(t.get("login.token-label"))).append("</label> <input id=\"token\" name=\"token\""
                        + " type=\"password\" autocomplete=\"current-password\" required>\n")
                .append("<input type=\"hidden\" name=\"lang\" value=\"").append(t.lang()).append("\">")
                .append("<input type=\"hidden\" name=\"days\" value=\"").append(days).append("\">\n")
                .append("<button type=\"submit\">").append(esc(t.get("login.submit"))).append("</button>\n</form>\n")
                .append("<p class=\"api\">").append(esc(t.get("login.api"))).append("</p>\n</main>\n</body>\n</html>\n");
        return b.toString();
    }

    private StringBuilder head(ReportTexts t, String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(t.lang()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<link rel=\"stylesheet\" href=\"/assets/reports/")
                .append("reports.css?v=").append(esc(assetVersion)).append("\">\n</head>\n");
    }

    /** HTML-escapes text and attribute values (double or single quoted). */
    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
