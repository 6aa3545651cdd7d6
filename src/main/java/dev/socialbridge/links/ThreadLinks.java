package dev.socialbridge.links;

import dev.socialbridge.attribution.UtmParameters;
import dev.socialbridge.interaction.ReplyChannel;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The links {@code {link}} puts in automated replies: one per thread, campaign and medium, to the landing page
 * ({@code socialbridge.links.landing-url}), tagged {@code utm_source=<channel>}, {@code utm_medium=social_dm} (a DM
 * or private reply) or {@code social_comment} (a public reply) and {@code utm_campaign=<the thread's campaign>}; its
 * public URL is {@code <socialbridge.links.base-url>/r/<code>}.
 *
 * <p>Why the code is derived rather than drawn: the rules engine renders replies and must stay pure (no I/O in
 * {@code AutomationEngine.decide}). The code is an HMAC of thread key, campaign and medium under a key of this
 * installation ({@link LinkCodes#forThread}), so the token's value is known before deciding, without a lookup, and is
 * the same for every reply on that thread and campaign (idempotent minting). The pipeline stores the link
 * ({@link #link}) in the transaction that queues a reply containing it; a reply that does not use {@code {link}}
 * stores nothing. Changing the admin token changes future codes; links already sent keep working (they are stored).
 * Immutable, thread-safe.
 */
public final class ThreadLinks {
    /** Reply token keys: {@code link:<channel audit name>}, e.g. {@code link:dm}, read by the rules per reply channel. */
    public static final String TOKEN_PREFIX = "link:";
    private final LinkCodes codes;
    private final String baseUrl;
    private final String landingUrl;

    /**
     * @param baseUrl    {@code socialbridge.links.base-url}
     * @param landingUrl {@code socialbridge.links.landing-url}
     */
    public ThreadLinks(LinkCodes codes, String baseUrl, String landingUrl) {
        this.codes = Objects.requireNonNull(codes, "codes");
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.landingUrl = Objects.requireNonNull(landingUrl, "landingUrl");
    }

    /** {@code social_comment} for a public reply, else {@code social_dm}. */
    public static String medium(ReplyChannel channel) {
        return channel == ReplyChannel.PUBLIC ? "social_comment" : "social_dm";
    }

    /** The public URL of a code. */
    public String url(String code) {
        return baseUrl + "/r/" + code;
    }

    /** The link of {@code threadKey} on {@code channel} (platform id) with {@code campaign} for a reply on {@code via}. */
    public TrackedLink link(String threadKey, String channel, String campaign, ReplyChannel via, Instant now) {
        String medium = medium(via);
        return new TrackedLink(codes.forThread(threadKey, campaign, medium), landingUrl, campaign,
                new UtmParameters(channel, medium, campaign, null, null), null, channel, threadKey, "template", now);
    }

    /**
     * The reply tokens {@code link:<channel>} of a thread: each reply channel's URL (the rules pick the one of the
     * reply they render).
     */
    public Map<String, String> tokens(String threadKey, String channel, String campaign) {
        Map<String, String> t = new LinkedHashMap<>();
        for (ReplyChannel via : ReplyChannel.values()) {
            t.put(TOKEN_PREFIX + via.auditName(), url(link(threadKey, channel, campaign, via, Instant.EPOCH).code()));
        }
        return t;
    }

    /** The links of {@code threadKey} that {@code text} contains (at most one per medium). */
    public List<TrackedLink> linksIn(String text, String threadKey, String channel, String campaign, Instant now) {
        return java.util.Arrays.stream(ReplyChannel.values())
                .map(via -> link(threadKey, channel, campaign, via, now))
                .filter(l -> text != null && text.contains(url(l.code())))
                .collect(java.util.stream.Collectors.toMap(TrackedLink::code, l -> l, (a, b) -> a, LinkedHashMap::new))
                .values().stream().toList();
    }

    @Override
    public String toString() {
        return "ThreadLinks[" + baseUrl + " -> " + landingUrl + "]";
    }
}
