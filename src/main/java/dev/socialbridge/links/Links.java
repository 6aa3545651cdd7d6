package dev.socialbridge.links;

import dev.socialbridge.attribution.UtmParameters;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Creating campaign links (the admin endpoint and the CLI): checked by Bean Validation and against the allowed
 * domains, each problem naming its field (and, for a target elsewhere, the setting), then stored under a random code.
 * The campaign defaults to {@code utm_campaign} and {@code utm_campaign} to the campaign.
 */
public final class Links {
    private final LinkStore store;
    private final AllowedDomains domains;
    private final Clock clock;

    public Links(LinkStore store, AllowedDomains domains, Clock clock) {
        this.store = store;
        this.domains = domains;
        this.clock = clock;
    }

    /** The problems of {@code request}, empty when it can be created. */
    public List<FieldErrors.FieldError> problems(NewLink request) {
        List<FieldErrors.FieldError> errors = new ArrayList<>(FieldErrors.of(request));
        if (request.target != null && !request.target.isBlank()
                && errors.stream().noneMatch(e -> e.field().equals("target"))) {
            domains.refusal(request.target).ifPresent(r -> errors.add(new FieldErrors.FieldError("target", r)));
        }
        return errors;
    }

    /** Creates the link (422 {@code ApiException} listing the problems); {@code by}: admin or cli. */
    public TrackedLink create(NewLink request, String by) {
        FieldErrors.check("invalid link", problems(request));
        String campaign = blank(request.campaign) != null ? blank(request.campaign) : blank(request.utm_campaign);
        UtmParameters utm = new UtmParameters(blank(request.utm_source), blank(request.utm_medium),
                blank(request.utm_campaign) != null ? blank(request.utm_campaign) : campaign, blank(request.utm_content),
                blank(request.utm_term));
        return store.create(new TrackedLink("pending", request.target.strip(), campaign, utm, blank(request.creator),
                blank(request.channel), null, by, clock.instant()));
    }

    public LinkStore store() {
        return store;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
