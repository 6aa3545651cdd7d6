package dev.socialbridge.resources;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The report page's static files, from the plugin's own class path (never a CDN), without a token (they hold code,
 * no data): {@code GET /assets/chart.js/<version>/chart.umd.js}, Chart.js from its webjar, cached for a year since its
 * URL changes with its version; {@code GET /assets/reports/reports.js} and {@code reports.css}, the page's own script
 * and style, cached a day (the page asks for them with {@code ?v=<plugin version>}).
 */
@Path("/assets")
public final class AssetsResource {
    /** The version of the bundled Chart.js, read from its webjar. */
    public static final String CHART_JS_VERSION = webjarVersion();
    /** Where the page loads Chart.js from. */
    public static final String CHART_JS_PATH = "/assets/chart.js/" + CHART_JS_VERSION + "/chart.umd.js";
    private static final String CHART_JS = "META-INF/resources/webjars/chart.js/" + CHART_JS_VERSION + "/dist/chart.umd.js";
    private static final Map<String, String> OWN = Map.of("reports.js", "text/javascript; charset=utf-8",
            "reports.css", "text/css; charset=utf-8");

    @GET
    @Path("chart.js/{version}/chart.umd.js")
    public Response chartJs(@PathParam("version") String version) {
        if (!CHART_JS_VERSION.equals(version)) {
            throw new NotFoundException();
        }
        return Response.ok(bytes(CHART_JS), "text/javascript; charset=utf-8")
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("reports/{file}")
    public Response own(@PathParam("file") String file) {
        String type = OWN.get(file);
        if (type == null) {
            throw new NotFoundException();
        }
        return Response.ok(bytes("reports/" + file), type).header("Cache-Control", "public, max-age=86400")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = AssetsResource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " (is the chart.js webjar on the class path?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String webjarVersion() {
        try (InputStream in = AssetsResource.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/chart.js/pom.properties")) {
            if (in == null) {
                return "missing";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "missing");
        } catch (IOException e) {
            return "missing";
        }
    }
}
