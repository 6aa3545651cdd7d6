package dev.socialbridge.descriptor;

/**
 * An escalation queue with its SLA class.
 *
 * @param key             stable key (hot_leads, support, vip_partners, moderation_review, general)
 * @param label           queue name shown in the host
 * @param description     queue description
 * @param defaultPriority 0-100 priority of tickets created in this queue
 * @param sla             the queue's SLA class: its clocks' targets, calendar and escalation
 * @param owner           who a ticket the plugin creates in (or moves to) this queue goes to; null: nobody
 */
public record QueueDef(String key, String label, String description, int defaultPriority, Sla sla, Owner owner) {

    public QueueDef {
        owner = owner == null ? Owner.NOBODY : owner;
    }

    /** A queue whose tickets stay unowned. */
    public QueueDef(String key, String label, String description, int defaultPriority, Sla sla) {
        this(key, label, description, defaultPriority, sla, null);
    }

    /** This queue with another owner policy. */
    public QueueDef withOwner(Owner newOwner) {
        return new QueueDef(key, label, description, defaultPriority, sla, newOwner);
    }

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

    /**
     * The owner policy of a queue: who a ticket gets when the plugin creates it in the queue, or moves an unowned
     * ticket there. A ticket a person owns keeps its owner.
     *
     * @param policy {@value #NONE} (the host's nobody), {@value #USER} (always {@code user}) or {@value #ROUND_ROBIN}
     *               (in turn among the enabled members of host group {@code group}, or among {@code users})
     * @param user   the host login of a {@value #USER} policy
     * @param group  the host group of a {@value #ROUND_ROBIN} policy
     * @param users  the host logins of a {@value #ROUND_ROBIN} policy without a group
     */
    public record Owner(String policy, String user, String group, java.util.List<String> users) {
        public static final String NONE = "none";
        public static final String USER = "user";
        public static final String ROUND_ROBIN = "round-robin";
        /** Every policy, in the order the docs list them. */
        public static final java.util.List<String> POLICIES = java.util.List.of(NONE, USER, ROUND_ROBIN);
        /** Tickets stay unowned. */
        public static final Owner NOBODY = new Owner(NONE, null, null, null);

        public Owner {
            users = users == null ? java.util.List.of() : java.util.List.copyOf(users);
        }

        /** Always {@code login}. */
        public static Owner user(String login) {
            return new Owner(USER, login, null, null);
        }

        /** In turn among the enabled members of {@code group}. */
        public static Owner roundRobinGroup(String group) {
            return new Owner(ROUND_ROBIN, null, group, null);
        }

        /** In turn among {@code logins}. */
        public static Owner roundRobin(java.util.List<String> logins) {
            return new Owner(ROUND_ROBIN, null, null, logins);
        }

        /** Whether tickets get an owner at all. */
        public boolean assigns() {
            return USER.equals(policy) || ROUND_ROBIN.equals(policy);
        }

        /** For the matrix: "nobody", "alice", "round-robin among group Social Sales". */
        public String describe() {
            if (USER.equals(policy)) {
                return user;
            }
            if (ROUND_ROBIN.equals(policy)) {
                return "round-robin among " + (group != null ? "group " + group : String.join(", ", users));
            }
            return "nobody";
        }
    }
}
