package dev.socialbridge.leads;

import java.util.List;

/** Descriptor keys of the ticket fields the qualifier flow and the lead score write. */
public final class LeadFields {
    public static final String NEED = "lead_need";
    public static final String QUANTITY = "lead_quantity";
    public static final String BUDGET = "lead_budget";
    public static final String TIMING = "lead_timing";
    public static final String EMAIL = "lead_email";
    public static final String PHONE = "lead_phone";
    /** Where the flow stands: in_progress, answered, timeout, handed_over, stopped. */
    public static final String QUALIFIER_STATUS = "qualifier_status";
    public static final String SCORE = "lead_score";
    public static final String SCORE_BREAKDOWN = "lead_score_breakdown";

    /** The fields a qualifier step may fill. */
    public static final List<String> ANSWER_FIELDS = List.of(NEED, QUANTITY, BUDGET, TIMING, EMAIL, PHONE);

    private LeadFields() {
    }
}
