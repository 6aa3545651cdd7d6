package dev.socialbridge.links;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The domains tracked links may lead to ({@code socialbridge.links.allowed-domains}): a target is allowed when it is
 * an absolute http(s) URL without user info whose host is one of the domains or a subdomain of one
 * ({@code shop.example.com} allows {@code www.shop.example.com}, not {@code shop.example.com.evil.org} nor
 * {@code evilshop.example.com}). Immutable.
 */
public final class AllowedDomains {
    /** The setting that lists them, named in every refusal. */
    public static final String SETTING = "socialbridge.links.allowed-domains";
    private final List<String> domains;

    public AllowedDomains(List<String> domains) {
        this.domains = domains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT).replaceAll("^\\.+|\\.+$", ""))
                .filter(d -> !d.isEmpty()).distinct().toList();
    }

    public List<String> domains() {
        return domains;
    }

    /** Why {@code target} may not be a link's target, or empty when it may. */
    public Optional<String> refusal(String target) {
        URI uri;
        try {
            uri = new URI(target == null ? "" : target.strip());
        } catch (URISyntaxException e) {
            return Optional.of("'" + target + "' is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("'" + target + "' is not an absolute http(s) URL");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            return Optional.of("'" + target + "' has user info before its host (a disguised host)");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("'" + target + "' has no host");
        }
        host = host.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        if (!allows(host)) {
            return Optional.of("host '" + host + "' is not in " + SETTING
                    + (domains.isEmpty() ? " (unset)" : " (" + String.join(", ", domains) + ")"));
        }
        return Optional.empty();
    }

    /** Whether {@code host} (lower case) is one of the domains or a subdomain of one. */
    boolean allows(String host) {
        for (String d : domains) {
            if (host.equals(d) || host.endsWith("." + d)) {
                return true;
            }
        }
        return false;
    }
}
