package dev.socialbridge.links;

import dev.socialbridge.attribution.LinkRef;
import dev.socialbridge.attribution.UtmParameters;
import java.time.Instant;
import java.util.Objects;

/**
 * A tracked link: {@code /r/<code>} redirects to its target with its UTM parameters.
 *
 * @param code      its code ({@link LinkCodes})
 * @param target    where it leads (on an allowed domain)
 * @param campaign  the campaign it names, or null
 * @param utm       its UTM parameters, never null
 * @param creator   the creator or partner it is for, or null
 * @param channel   the channel it is published on (instagram, messenger...), or null
 * @param threadKey the thread it was minted for by {@code {link}}, or null for a campaign link
 * @param createdBy who made it: {@code admin}, {@code cli} or {@code template}
 * @param createdAt when
 */
public record TrackedLink(String code, String target, String campaign, UtmParameters utm, String creator,
                          String channel, String threadKey, String createdBy, Instant createdAt) {
    public TrackedLink {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(target, "target");
        utm = utm == null ? UtmParameters.none() : utm;
    }

    /** What a touch takes from it. */
    public LinkRef ref() {
        return new LinkRef(code, campaign, creator, utm);
    }

    /** Where {@code /r/<code>} sends the browser. */
    public String location() {
        return RedirectUrls.location(target, utm, code);
    }
}
