package dev.socialbridge.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The closed value sets rules refer to: classifier labels and descriptor queue keys. */
final class Vocabulary {

    static final List<String> INTENTS = List.of(
            "sales_lead", "support", "refund_cancel", "complaint", "praise", "question", "spam", "toxic", "other");
    static final List<String> LANGUAGES = List.of("fr", "en", "other");
    static final List<String> SENTIMENTS = List.of("negative", "neutral", "positive");

    /** Descriptor queue keys with the priority used when an escalate action gives none. */
    static final Map<String, Integer> QUEUE_PRIORITIES = queues();

    static final String SUPPORT = "support";
    static final String GENERAL = "general";

    private Vocabulary() {
    }

    private static Map<String, Integer> queues() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("hot_leads", 80);
        m.put("vip_partners", 70);
        m.put("support", 60);
        m.put("moderation_review", 50);
        m.put("general", 30);
        return java.util.Collections.unmodifiableMap(m);
    }
}
