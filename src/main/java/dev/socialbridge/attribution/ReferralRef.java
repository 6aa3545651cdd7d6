package dev.socialbridge.attribution;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code ref} of a link (m.me, ig.me, t.me start), read as what campaign it names. A ref containing {@code =}
 * is a query string ({@code utm_source=instagram_bio&utm_campaign=black_friday_2026}, or a whole URL whose query
 * is taken): its keys and values are URL-decoded ({@code %20} and {@code +} are spaces), keys are case-insensitive
 * and the first occurrence of a key wins; its campaign is {@code utm_campaign}, else {@code campaign}. A ref that is
 * itself URL-encoded once ({@code utm_source%3Dx%26utm_campaign%3Dy}) is decoded first. Any other ref is plain:
 * the ref itself (percent-decoded) is the campaign. Pure.
 *
 * @param raw         the ref as received
 * @param queryString whether it was read as a query string
 * @param parameters  the decoded parameters of a query string (lower-case keys), empty for a plain ref
 * @param utm         its UTM parameters
 * @param campaign    the campaign it names, or null (a query string without {@code utm_campaign} / {@code campaign})
 */
public record ReferralRef(String raw, boolean queryString, Map<String, String> parameters, UtmParameters utm,
                          String campaign) {

    public ReferralRef {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The ref read, or null for a null or blank ref. */
    public static ReferralRef parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        if (s.indexOf('=') < 0 && s.toLowerCase(Locale.ROOT).contains("%3d")) {
            s = decode(s, false);
        }
        if (s.indexOf('=') < 0) {
            String plain = s.indexOf('%') >= 0 ? decode(s, false).strip() : s;
            return new ReferralRef(raw, false, Map.of(), UtmParameters.none(), plain.isEmpty() ? null : plain);
        }
        int question = s.indexOf('?');
        if (question >= 0) {
            s = s.substring(question + 1);
        }
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String part : s.split("[&;]")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = decode(part.substring(0, eq), true).strip().toLowerCase(Locale.ROOT);
            String value = decode(part.substring(eq + 1), true).strip();
            if (!key.isEmpty() && !value.isEmpty()) {
                params.putIfAbsent(key, value);
            }
        }
        UtmParameters utm = new UtmParameters(params.get("utm_source"), params.get("utm_medium"),
                params.get("utm_campaign"), params.get("utm_content"), params.get("utm_term"));
        String campaign = utm.campaign() != null ? utm.campaign() : params.get("campaign");
        return new ReferralRef(raw, true, params, utm, campaign);
    }

    /** Percent-decoding ({@code +} is a space in form encoding only); text that is not valid encoding stays as is. */
    private static String decode(String s, boolean form) {
        try {
            return URLDecoder.decode(form ? s : s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
