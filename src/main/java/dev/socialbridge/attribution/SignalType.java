package dev.socialbridge.attribution;

import java.util.Locale;

/**
 * How a customer reached us, as written in a touch's source ({@code <channel>:<type>[:<campaign>]}).
 * {@link CampaignSignals#PRECEDENCE} orders the types that name a campaign.
 */
public enum SignalType {
    /** An m.me / ig.me / wa.me link or a t.me start link with a {@code ref} (plain, or a UTM query string). */
    REF,
    /** A click on a tracked link ({@code /r/<code>}) minted for the thread: the link's campaign and UTM. */
    LINK,
    /** A lead form submitted from a landing page ({@code POST /leads}): its campaign and UTM. */
    FORM,
    /** A click-to-message ad (Messenger, Instagram Direct) or a comment on an ad. */
    AD,
    /** A Click-to-WhatsApp ad or post ({@code referral} of a WhatsApp message). */
    CTWA,
    /** A promo or creator code of the codes file found in the message text. */
    CODE,
    /** A comment or story reply on a post of the codes file's post map. */
    POST,
    /** No signal: the customer came on their own. */
    ORGANIC;

    /** The lower-case id used in touch sources and notes. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
