package dev.socialbridge.descriptor;

import java.util.List;

/** Stable keys of the descriptor fields the plugin code reads and writes. */
public final class FieldKeys {
    public static final String SOCIAL_CHANNEL = "social_channel";
    public static final String SOCIAL_ACCOUNT = "social_account";
    public static final String SOCIAL_USER_ID = "social_user_id";
    public static final String SOCIAL_HANDLE = "social_handle";
    public static final String POST_ID = "post_id";
    public static final String MESSAGE_ID = "message_id";
    public static final String CONVERSATION_ID = "conversation_id";
    /** Idempotency key of a ticket: one social thread = one ticket. Unique ticket field. */
    public static final String THREAD_KEY = "thread_key";
    public static final String PERMALINK = "permalink";
    /** Optional ticket field: the customer's public profile address (a link in the host). */
    public static final String SOCIAL_PROFILE_URL = "social_profile_url";
    public static final String INTENT = "intent";
    public static final String SENTIMENT = "sentiment";
    public static final String LANGUAGE = "language";
    public static final String CAMPAIGN_TAG = "campaign_tag";
    public static final String UTM_SOURCE = "utm_source";
    public static final String UTM_MEDIUM = "utm_medium";
    public static final String UTM_CAMPAIGN = "utm_campaign";
    public static final String UTM_CONTENT = "utm_content";
    public static final String UTM_TERM = "utm_term";
    public static final String REF = "ref";
    public static final String AD_ID = "ad_id";
    /** Optional ticket field: the ad click id (Click-to-WhatsApp {@code ctwa_clid}). */
    public static final String AD_CLICK_ID = "ad_click_id";
    /** Optional ticket field: the creator or partner whose code brought the customer. */
    public static final String CAMPAIGN_CREATOR = "campaign_creator";
    public static final String FIRST_TOUCH_AT = "first_touch_at";
    public static final String FIRST_TOUCH_SOURCE = "first_touch_source";
    public static final String LAST_TOUCH_AT = "last_touch_at";
    public static final String LAST_TOUCH_SOURCE = "last_touch_source";
    public static final String LEAD_SCORE = "lead_score";
    public static final String AUTOMATION_STATUS = "automation_status";
    public static final String MODERATION_STATUS = "moderation_status";
    /**
     * Prefix of the transaction fields that record a ticket field per customer message: {@code message_intent}
     * keeps, on each message's transaction, the {@code intent} the ticket had from that message.
     */
    public static final String MESSAGE_FIELD_PREFIX = "message_";
    public static final String MODERATION_REASON = "moderation_reason";
    /** User field: the contact's social identity, e.g. {@code instagram:@jane}. */
    public static final String SOCIAL_PROFILE = "social_profile";
    /** User field: the person's first touch, {@code <channel>:<signal>[:<campaign>] <instant>}. */
    public static final String CONTACT_FIRST_TOUCH = "contact_first_touch";
    /** User field: the person's last touch, {@code <channel>:<signal>[:<campaign>] <instant>}. */
    public static final String CONTACT_LAST_TOUCH = "contact_last_touch";
    /** User field: the person's latest lead score. */
    public static final String CONTACT_LEAD_SCORE = "contact_lead_score";
    /** Optional ticket field: the email address the customer gave. */
    public static final String CONTACT_EMAIL = "contact_email";
    /** Optional ticket field: the phone number the customer gave (E.164). */
    public static final String CONTACT_PHONE = "contact_phone";
    /** Optional ticket field: the customer's latest conversion, {@code 129.00 EUR}. */
    public static final String CONVERSION_VALUE = "conversion_value";
    /** Ticket field: a delivery for the ticket was dead-lettered ({@link #DEAD_LETTERED}); admins clear it. */
    public static final String DELIVERY_STATUS = "delivery_status";
    /** The value of {@link #DELIVERY_STATUS} set when a delivery for the ticket is given up. */
    public static final String DEAD_LETTERED = "dead_lettered";
    /** Transaction field: per-message id used to dedupe correspondence. */
    public static final String SOCIAL_MESSAGE_ID = "social_message_id";

    /** Ticket fields every descriptor must declare. */
    public static final List<String> TICKET_FIELDS = List.of(
            SOCIAL_CHANNEL, SOCIAL_ACCOUNT, SOCIAL_USER_ID, SOCIAL_HANDLE, POST_ID, MESSAGE_ID, CONVERSATION_ID,
            THREAD_KEY, PERMALINK, INTENT, SENTIMENT, LANGUAGE, CAMPAIGN_TAG, UTM_SOURCE, UTM_MEDIUM,
            UTM_CAMPAIGN, UTM_CONTENT, UTM_TERM, REF, AD_ID, FIRST_TOUCH_AT, FIRST_TOUCH_SOURCE, LAST_TOUCH_AT,
            LAST_TOUCH_SOURCE, LEAD_SCORE, AUTOMATION_STATUS, MODERATION_STATUS, MODERATION_REASON);

    private FieldKeys() {
    }
}
