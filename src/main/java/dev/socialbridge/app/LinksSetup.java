package dev.socialbridge.app;

import dev.socialbridge.config.SocialBridgeConfig;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.links.AllowedDomains;
import dev.socialbridge.links.LinkCodes;
import dev.socialbridge.links.ThreadLinks;
import java.util.List;
import java.util.Optional;

/** Tracked links and the lead form as configured by {@code socialbridge.links.*} and {@code socialbridge.leads.*}. */
final class LinksSetup {
    static final String LANDING_URL = "socialbridge.links.landing-url";
    static final String LEADS_QUEUE = "socialbridge.leads.queue";

    private LinksSetup() {
    }

    static AllowedDomains domains(SocialBridgeConfig config) {
        return new AllowedDomains(config.links().allowedDomains().orElse(List.of()));
    }

    /**
     * The {@code {link}} minter: with a base URL, a landing page and the admin token (the minting key is derived
     * from it); else empty, and {@code {link}} stays unknown (templates use their fallback).
     */
    static Optional<ThreadLinks> threadLinks(SocialBridgeConfig config) {
        SocialBridgeConfig.Links l = config.links();
        if (l.baseUrl().isEmpty() || l.landingUrl().isEmpty() || config.admin().token().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ThreadLinks(new LinkCodes(config.admin().token().get().reveal()), l.baseUrl().get(),
                l.landingUrl().get()));
    }

    /** The problems of the links and leads settings, each naming its setting. */
    static void check(SocialBridgeConfig config, Descriptor descriptor, List<String> problems) {
        config.links().landingUrl().ifPresent(url -> domains(config).refusal(url)
                .ifPresent(r -> problems.add(LANDING_URL + ": " + r)));
        if (descriptor != null && descriptor.queue(config.leads().queue()).isEmpty()) {
            problems.add(LEADS_QUEUE + ": '" + config.leads().queue() + "' is not a queue of the descriptor ("
                    + String.join(", ", descriptor.queues().stream().map(q -> q.key()).toList()) + ")");
        }
    }
}
