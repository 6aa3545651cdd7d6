package dev.socialbridge.descriptor;

/**
 * An escalation queue with its SLA class.
 *
 * @param key             stable key (hot_leads, support, vip_partners, moderation_review, general)
 * @param label           queue name shown in the host
 * @param description     queue description
 * @param defaultPriority 0-100 priority of tickets created in this queue
 * @param sla             the queue's SLA class: its clocks' targets, calendar and escalation
 */
public record QueueDef(String key, String label, String description, int defaultPriority, Sla sla) {

    /** Calendar of a class whose clocks count the business hours ({@code socialbridge.sla.hours}). */
    public static final String CALENDAR_BUSINESS = "business";
    /** Calendar of a class whose clocks run around the clock. */
    public static final String CALENDAR_ALWAYS = "24/7";

    /**
     * An SLA class: three clocks, a calendar and what a breach does.
     *
     * @param firstResponseMinutes the first response (acknowledge) is due this long after the first customer message
     * @param escalateAfterMinutes resolve-or-escalate: the ticket is escalated when it is not resolved this long after
     *                             the first customer message
     * @param nextResponseMinutes  after an answer, each new customer message must be answered within this; null:
     *                             {@code firstResponseMinutes}
     * @param calendar             {@value #CALENDAR_BUSINESS} (default) or {@value #CALENDAR_ALWAYS}
     * @param escalation           what a breach does; null: raise the priority to 100
     */
    public record Sla(int firstResponseMinutes, int escalateAfterMinutes, Integer nextResponseMinutes, String calendar,
                      Escalation escalation) {

        public Sla(int firstResponseMinutes, int escalateAfterMinutes) {
            this(firstResponseMinutes, escalateAfterMinutes, null, null, null);
        }

        /** The next-response target in minutes. */
        public int nextResponse() {
            return nextResponseMinutes != null ? nextResponseMinutes : firstResponseMinutes;
        }

        /** Whether the clocks run around the clock rather than in business hours. */
        public boolean aroundTheClock() {
            return CALENDAR_ALWAYS.equals(calendar);
        }

        /** The escalation steps, with the default when none is declared. */
        public Escalation escalationSteps() {
            return escalation != null ? escalation : new Escalation(100, null, null);
        }
    }

    /**
     * The escalation steps of a breach.
     *
     * @param priority the ticket's priority after a breach (0-100)
     * @param queue    the key of the queue the ticket moves to, or null to stay
     * @param owner    the host login of the person the ticket goes to (a team lead), or null
     */
    public record Escalation(Integer priority, String queue, String owner) {
        public Escalation(Integer priority, String queue) {
            this(priority, queue, null);
        }
    }
}
