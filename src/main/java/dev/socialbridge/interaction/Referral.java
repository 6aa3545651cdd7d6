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
 * @param headline the ad's headline when given, or null
 */
public record Referral(String ref, String source, String type, String adId, String url, String clickId, String headline) {

    /** A referral without click id or headline. */
    public Referral(String ref, String source, String type, String adId, String url) {
        this(ref, source, type, adId, url, null, null);
    }

    public boolean isEmpty() {
        return ref == null && source == null && type == null && adId == null && url == null && clickId == null
                && headline == null;
    }
}
