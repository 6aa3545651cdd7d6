package dev.socialbridge.descriptor;

/**
 * An escalation queue with its SLA targets.
 *
 * @param key             stable key (hot_leads, support, vip_partners, moderation_review, general)
 * @param label           queue name shown in the host
 * @param description     queue description
 * @param defaultPriority 0-100 priority of tickets created in this queue
 * @param sla             service-level targets
 */
public record QueueDef(String key, String label, String description, int defaultPriority, Sla sla) {

    /**
     * @param firstResponseMinutes first response due this many minutes after the first message
     * @param escalateAfterMinutes unresolved tickets are escalated after this many minutes
     */
    public record Sla(int firstResponseMinutes, int escalateAfterMinutes) { }
}
