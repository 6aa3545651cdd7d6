package dev.socialbridge.links;

import java.util.Locale;

/**
 * The family of a browser's {@code User-Agent}, the only thing a click keeps of it: {@code bot} (crawlers and link
 * previews, e.g. facebookexternalhit, Twitterbot, curl), {@code edge}, {@code opera}, {@code samsung},
 * {@code chrome}, {@code firefox}, {@code safari}, else {@code other}. Order matters: Edge and Opera also say
 * "Chrome", Chrome also says "Safari". Pure.
 */
public final class UserAgents {
    private static final String[] BOTS = {"bot", "crawler", "spider", "slurp", "facebookexternalhit", "facebot",
        "preview", "curl/", "wget/", "python-requests", "python-urllib", "java/", "okhttp", "go-http-client",
        "headless"};

    private UserAgents() {
    }

    /** The family of {@code userAgent} (null or blank: other). */
    public static String family(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "other";
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        for (String bot : BOTS) {
            if (ua.contains(bot)) {
                return "bot";
            }
        }
        if (ua.contains("edg/") || ua.contains("edge/") || ua.contains("edga/") || ua.contains("edgios/")) {
            return "edge";
        }
        if (ua.contains("opr/") || ua.contains("opera")) {
            return "opera";
        }
        if (ua.contains("samsungbrowser/")) {
            return "samsung";
        }
        if (ua.contains("firefox/") || ua.contains("fxios/")) {
            return "firefox";
        }
        if (ua.contains("chrome/") || ua.contains("crios/") || ua.contains("chromium/")) {
            return "chrome";
        }
        if (ua.contains("safari/") || ua.contains("applewebkit/")) {
            return "safari";
        }
        return "other";
    }
}
