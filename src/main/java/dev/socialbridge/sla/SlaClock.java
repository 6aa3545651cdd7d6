package dev.socialbridge.sla;

/** The clocks of an SLA class. */
public enum SlaClock {
    /** From the first customer message to the first answer (acknowledge). */
    FIRST_RESPONSE("first_response", "first response"),
    /** From a customer message after an answer to the next answer. */
    NEXT_RESPONSE("next_response", "next response"),
    /** From the first customer message to resolution, else the ticket is escalated. */
    RESOLVE("resolve", "resolution");

    private final String id;
    private final String label;

    SlaClock(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** Stable id, as stored and reported. */
    public String id() {
        return id;
    }

    /** Words for people (ticket comments). */
    public String label() {
        return label;
    }

    public static SlaClock of(String id) {
        for (SlaClock c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown SLA clock '" + id + "'");
    }
}
