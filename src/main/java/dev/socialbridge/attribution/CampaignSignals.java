package dev.socialbridge.attribution;

import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.Referral;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Derives the campaign signal of an interaction: its referral (a link's {@code ref}, an ad, a Click-to-WhatsApp
 * referral), a promo or creator code in its text, the post it was written on. Pure and thread-safe.
 *
 * <p>Each kind of signal may name a campaign:
 * <ul>
 * <li>{@link SignalType#REF}: a query-string ref names {@code utm_campaign}, else {@code campaign}; a plain ref is
 *     the campaign (a plain ref that is a code of the codes file names that code's campaign and creator); a referral
 *     without ref nor ad is a REF signal without campaign;</li>
 * <li>{@link SignalType#AD} / {@link SignalType#CTWA}: the ad id's campaign in the codes file, else the ad's title
 *     or headline, else {@code ad:<ad id>} (a Click-to-WhatsApp referral from a post: the post's campaign, else its
 *     headline);</li>
 * <li>{@link SignalType#CODE}: the first code of the codes file in the text (whole words, ignoring case and accents);
 * </li>
 * <li>{@link SignalType#POST}: the campaign of the interaction's post (or the referral's) in the codes file.</li>
 * </ul>
 * When they disagree, the campaign comes from the first type of {@link #PRECEDENCE} that names one, and that type is
 * the touch's type; when none names one, the touch takes the first type present, without campaign; with no signal
 * at all the touch is {@link SignalType#ORGANIC}. The creator is the winning signal's, or that of a creator code
 * naming the same campaign.
 */
public final class CampaignSignals {
    /** Which signal names the campaign when several disagree, strongest first: explicit ref/UTM, ad, code, post. */
    public static final List<SignalType> PRECEDENCE = List.of(SignalType.REF, SignalType.AD, SignalType.CTWA,
            SignalType.CODE, SignalType.POST);
    /*
     * LINK and FORM are not in PRECEDENCE: a link click and a form submission are touches of their own (no message
     * text, post or ad to disagree with), built by linkClick / form.
     */

    private final CampaignCodes codes;

    public CampaignSignals(CampaignCodes codes) {
        this.codes = codes;
    }

    /** Refs and ad referrals only: no codes file. */
    public static CampaignSignals withoutCodes() {
        return new CampaignSignals(CampaignCodes.none());
    }

    /** One signal a message carries. */
    private record Candidate(String campaign, String creator) { }

    /** The touch of {@code i}, with its own text. */
    public CampaignSignal of(Interaction i) {
        return of(i, i.text());
    }

    /**
     * The touch of {@code i} whose referral's {@code ref} is the code of a tracked link ({@code m.me/<page>?ref=<code>},
     * set by the link's redirect): the ref names the link's campaign, creator and UTM parameters (a REF signal, the
     * strongest); {@code link} null or for another code: {@link #of(Interaction)}.
     */
    public CampaignSignal of(Interaction i, LinkRef link) {
        CampaignSignal touch = of(i, i.text());
        if (link == null || i.referral() == null || !link.code().equals(i.referral().ref() == null ? null
                : i.referral().ref().strip())) {
            return touch;
        }
        String creator = link.creator() != null ? link.creator() : touch.creator();
        return new CampaignSignal(touch.channel(), SignalType.REF, link.campaign(), creator, link.utm(), touch.ref(),
                touch.adId(), touch.clickId(), touch.postId(), touch.code(), touch.at());
    }

    /** The touch of a click on a tracked link minted for a thread of {@code channel}: a {@link SignalType#LINK}. */
    public static CampaignSignal linkClick(String channel, LinkRef link, Instant at) {
        return new CampaignSignal(channel, SignalType.LINK, link.campaign(), link.creator(), link.utm(), link.code(),
                null, null, null, null, Instant.ofEpochSecond(at.getEpochSecond()));
    }

    /** The touch of a lead form ({@code channel} {@code web}, or the thread's): a {@link SignalType#FORM}. */
    public static CampaignSignal form(String channel, String campaign, UtmParameters utm, String code, Instant at) {
        return new CampaignSignal(channel, SignalType.FORM, campaign, null, utm, code, null, null, null, null,
                Instant.ofEpochSecond(at.getEpochSecond()));
    }

    /** The touch of {@code i}, looking for codes in {@code text}. */
    public CampaignSignal of(Interaction i, String text) {
        Referral r = i.referral() == null || i.referral().isEmpty() ? null : i.referral();
        Map<SignalType, Candidate> found = new EnumMap<>(SignalType.class);
        ReferralRef ref = r == null ? null : ReferralRef.parse(r.ref());
        boolean ctwa = r != null && "ctwa".equalsIgnoreCase(r.type());
        if (ref != null) {
            found.put(SignalType.REF, refCandidate(ref));
        }
        if (r != null && (r.adId() != null || ctwa)) {
            found.put(ctwa ? SignalType.CTWA : SignalType.AD, adCandidate(r, ctwa));
        } else if (r != null && ref == null) {
            found.put(SignalType.REF, new Candidate(null, null));
        }
        Optional<CampaignCodes.Match> code = codes.find(text);
        code.ifPresent(m -> found.put(SignalType.CODE, new Candidate(m.target().campaign(), m.target().creator())));
        String postId = i.postId() != null ? i.postId() : r == null ? null : r.postId();
        Optional<String> postCampaign = codes.campaignOfPost(postId);
        if (postCampaign.isEmpty() && r != null && r.postId() != null && !r.postId().equals(postId)) {
            postId = r.postId();
            postCampaign = codes.campaignOfPost(postId);
        }
        postCampaign.ifPresent(c -> found.put(SignalType.POST, new Candidate(c, null)));

        Instant at = Instant.ofEpochSecond(i.occurredAt().getEpochSecond());
        String channel = i.platform().id();
        SignalType winner = winner(found);
        if (winner == null) {
            return CampaignSignal.organic(channel, at);
        }
        Candidate w = found.get(winner);
        String creator = w.creator() != null ? w.creator() : creatorAgreeingWith(w.campaign(), found);
        // the post it came through: the mapped post that won, else the post an ad or link promoted
        String touchPost = winner == SignalType.POST ? postId : r == null ? null : r.postId();
        return new CampaignSignal(channel, winner, w.campaign(), creator,
                ref == null ? UtmParameters.none() : ref.utm(), r == null ? null : r.ref(), r == null ? null : r.adId(),
                r == null ? null : r.clickId(), touchPost, code.map(CampaignCodes.Match::code).orElse(null), at);
    }

    private Candidate refCandidate(ReferralRef ref) {
        if (ref.queryString()) {
            return new Candidate(ref.campaign(), null);
        }
        return codes.exactly(ref.campaign())
                .map(m -> new Candidate(m.target().campaign(), m.target().creator()))
                .orElseGet(() -> new Candidate(ref.campaign(), null));
    }

    private Candidate adCandidate(Referral r, boolean ctwa) {
        Optional<String> mapped = r.adId() != null ? codes.campaignOfAd(r.adId())
                : ctwa ? codes.campaignOfPost(r.postId()) : Optional.empty();
        String headline = r.headline() == null || r.headline().isBlank() ? null : r.headline().strip();
        return new Candidate(mapped.orElse(headline != null ? headline : r.adId() != null ? "ad:" + r.adId() : null),
                null);
    }

    /** The first type of {@link #PRECEDENCE} that names a campaign, else the first present, else null. */
    private static SignalType winner(Map<SignalType, Candidate> found) {
        for (SignalType t : PRECEDENCE) {
            if (found.containsKey(t) && found.get(t).campaign() != null) {
                return t;
            }
        }
        return PRECEDENCE.stream().filter(found::containsKey).findFirst().orElse(null);
    }

    private static String creatorAgreeingWith(String campaign, Map<SignalType, Candidate> found) {
        if (campaign == null) {
            return null;
        }
        return found.values().stream()
                .filter(c -> c.creator() != null && c.campaign() != null
                        && c.campaign().toLowerCase(Locale.ROOT).equals(campaign.toLowerCase(Locale.ROOT)))
                .map(Candidate::creator).findFirst().orElse(null);
    }
}
