package dev.socialbridge.descriptor;

import java.util.List;

/** Stable keys of the descriptor queues the routing code refers to. */
public final class QueueKeys {
    public static final String HOT_LEADS = "hot_leads";
    public static final String SUPPORT = "support";
    public static final String VIP_PARTNERS = "vip_partners";
    public static final String MODERATION_REVIEW = "moderation_review";
    public static final String GENERAL = "general";

    /** Queues every descriptor must declare. */
    public static final List<String> ALL = List.of(HOT_LEADS, SUPPORT, VIP_PARTNERS, MODERATION_REVIEW, GENERAL);

    private QueueKeys() {
    }
}
