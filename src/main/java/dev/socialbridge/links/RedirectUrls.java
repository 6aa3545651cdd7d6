package dev.socialbridge.links;

import dev.socialbridge.attribution.UtmParameters;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where {@code /r/<code>} sends the browser: the link's target with its UTM parameters in the query. The target's
 * query is kept as written (order and encoding); a {@code utm_*} key it already has is replaced in place by the
 * link's value: <b>the link's values win</b>, since the link is the campaign's explicit tag, and no key appears twice
 * (a key the target repeats keeps one occurrence). The fragment stays at the end. On Messenger and Instagram
 * conversation links ({@code m.me}, {@code ig.me}) the link's code is also the {@code ref} (replacing one the target
 * had), so that the conversation it opens carries it back in its referral. WhatsApp's {@code wa.me} links carry no
 * ref: they are redirected with the UTM parameters only. Pure.
 */
public final class RedirectUrls {
    /** Hosts of conversation links whose referral webhook returns the {@code ref}. */
    static final Set<String> REF_HOSTS = Set.of("m.me", "ig.me", "www.m.me", "www.ig.me");

    private RedirectUrls() {
    }

    /** The URL to redirect to for the link {@code code} to {@code target} with {@code utm}. */
    public static String location(String target, UtmParameters utm, String code) {
        Map<String, String> add = new LinkedHashMap<>();
        put(add, "utm_source", utm.source());
        put(add, "utm_medium", utm.medium());
        put(add, "utm_campaign", utm.campaign());
        put(add, "utm_content", utm.content());
        put(add, "utm_term", utm.term());
        if (code != null && REF_HOSTS.contains(host(target))) {
            add.put("ref", code);
        }
        return withParameters(target, add);
    }

    /** {@code url} with {@code params} set (replacing the keys it had, compared case-insensitively), values encoded. */
    static String withParameters(String url, Map<String, String> params) {
        String fragment = "";
        int hash = url.indexOf('#');
        if (hash >= 0) {
            fragment = url.substring(hash);
            url = url.substring(0, hash);
        }
        int q = url.indexOf('?');
        String base = q >= 0 ? url.substring(0, q) : url;
        String query = q >= 0 ? url.substring(q + 1) : "";
        Map<String, String> pending = new LinkedHashMap<>();
        params.forEach((k, v) -> pending.put(k.toLowerCase(Locale.ROOT), k + "=" + encode(v)));
        List<String> parts = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String part : query.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = decode(eq >= 0 ? part.substring(0, eq) : part).toLowerCase(Locale.ROOT);
            if (pending.containsKey(key) || params.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(key))) {
                if (seen.add(key)) {
                    parts.add(pending.remove(key));
                }
                continue;
            }
            parts.add(part);
        }
        parts.addAll(pending.values());
        return base + (parts.isEmpty() ? "" : "?" + String.join("&", parts)) + fragment;
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value.strip());
        }
    }

    private static String encode(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String host(String url) {
        try {
            String h = java.net.URI.create(url).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
