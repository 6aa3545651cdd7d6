package dev.socialbridge.interaction;

/**
 * Where a conversation came from: an m.me / ig.me link with a {@code ref}, a click-to-message ad, a
 * shop or a post. All fields are nullable.
 *
 * @param ref    the {@code ref} parameter of the link
 * @param source platform source (SHORTLINK, ADS, CUSTOMER_CHAT_PLUGIN, ...)
 * @param type   referral type (OPEN_THREAD, ...)
 * @param adId     ad id when the conversation started from an ad
 * @param url      the referring URL when given
 * @param clickId  the ad click id (Click-to-WhatsApp {@code ctwa_clid}), or null
 * @param headline the ad's headline or title when given (Click-to-WhatsApp {@code headline}, Meta
 *                 {@code ads_context_data.ad_title}, an Instagram ad comment's {@code media.ad_title}), or null
 * @param postId   the post the ad or link promoted ({@code ads_context_data.post_id}, a Click-to-WhatsApp
 *                 {@code source_id} of {@code source_type: post}), or null
 */
public record Referral(String ref, String source, String type, String adId, String url, String clickId, String headline,
                       String postId) {

    /** A referral without click id, headline or post. */
    public Referral(String ref, String source, String type, String adId, String url) {
        this(ref, source, type, adId, url, null, null, null);
    }

    /** A referral without post. */
    public Referral(String ref, String source, String type, String adId, String url, String clickId, String headline) {
        this(ref, source, type, adId, url, clickId, headline, null);
    }

    public boolean isEmpty() {
        return ref == null && source == null && type == null && adId == null && url == null && clickId == null
                && headline == null && postId == null;
    }
}
