package dev.socialbridge.attribution;

import dev.socialbridge.guard.TextNormalizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The campaign maps of the codes file ({@code socialbridge.attribution.codes-file}): promo and creator codes
 * (matched in message texts as whole words, ignoring case and accents: {@code BF26} matches "code bf26 svp" but
 * not "bf265"), post or media ids and ad ids, each to a campaign (and a code to its creator). Immutable,
 * thread-safe.
 */
public final class CampaignCodes {
    private static final CampaignCodes NONE = new CampaignCodes(Map.of(), Map.of(), Map.of());

    /** Where a code leads: its campaign and, for a creator's code, the creator (else null). */
    public record Target(String campaign, String creator) { }

    /** A code found in a text: the code as configured and its target. */
    public record Match(String code, Target target) { }

    /** Folded code (" bf26 ") → the code as written and its target. */
    private final Map<String, Match> codes;
    private final Map<String, String> posts;
    private final Map<String, String> ads;

    /**
     * @param codes code → target; two codes that fold to the same words (case, accents) are one code: the first wins
     * @param posts post or media id → campaign
     * @param ads   ad id → campaign
     */
    public CampaignCodes(Map<String, Target> codes, Map<String, String> posts, Map<String, String> ads) {
        Map<String, Match> folded = new LinkedHashMap<>();
        codes.forEach((code, target) -> {
            String key = TextNormalizer.fold(code);
            if (!key.isBlank()) {
                folded.putIfAbsent(key, new Match(code, target));
            }
        });
        this.codes = Collections.unmodifiableMap(folded);
        this.posts = Map.copyOf(posts);
        this.ads = Map.copyOf(ads);
    }

    /** No codes, posts or ads: only refs and ad referrals name campaigns. */
    public static CampaignCodes none() {
        return NONE;
    }

    /** The words a code matches on: lower case, without accents, separators collapsed ({@code "Été-26"} → "ete 26"). */
    public static String fold(String code) {
        return TextNormalizer.fold(code).strip();
    }

    /**
     * The code of the map that occurs first in {@code text} (as whole words, ignoring case and accents); at equal
     * positions the longer code wins ("BF26 VIP" before "BF26").
     */
    public Optional<Match> find(String text) {
        if (codes.isEmpty() || text == null || text.isBlank()) {
            return Optional.empty();
        }
        String folded = TextNormalizer.fold(text);
        Match best = null;
        int bestAt = Integer.MAX_VALUE;
        int bestLength = 0;
        for (Map.Entry<String, Match> e : codes.entrySet()) {
            int at = folded.indexOf(e.getKey());
            if (at >= 0 && (at < bestAt || at == bestAt && e.getKey().length() > bestLength)) {
                best = e.getValue();
                bestAt = at;
                bestLength = e.getKey().length();
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The campaign of a post or media id, if mapped; a Facebook id {@code <page id>_<post id>} also matches its post
     * id alone.
     */
    public Optional<String> campaignOfPost(String postId) {
        if (postId == null) {
            return Optional.empty();
        }
        String campaign = posts.get(postId);
        int underscore = postId.lastIndexOf('_');
        if (campaign == null && underscore >= 0) {
            campaign = posts.get(postId.substring(underscore + 1));
        }
        return Optional.ofNullable(campaign);
    }

    /** The campaign of an ad id, if mapped. */
    public Optional<String> campaignOfAd(String adId) {
        return adId == null ? Optional.empty() : Optional.ofNullable(ads.get(adId));
    }

    /** The code matching {@code value} exactly (ignoring case and accents), e.g. a plain ref that is a code. */
    public Optional<Match> exactly(String value) {
        return value == null ? Optional.empty() : Optional.ofNullable(codes.get(TextNormalizer.fold(value)));
    }

    public int codeCount() {
        return codes.size();
    }

    public int postCount() {
        return posts.size();
    }

    public int adCount() {
        return ads.size();
    }
}
