package dev.socialbridge.links;

import dev.socialbridge.attribution.UtmParameters;
import java.time.Instant;

/**
 * An accepted lead as stored ({@code lead_submission}) and queued in the inbox (kind {@value #KIND}) for the
 * pipeline, which creates its RT ticket or updates the ticket of the conversation it names.
 *
 * @param leadId       the lead's id (answered to the landing page; a duplicate gets the same)
 * @param receivedAt   when it was accepted
 * @param name         the visitor's name, or null
 * @param email        the visitor's email (the RT requestor)
 * @param phone        the normalised phone, or null
 * @param message      the message, or null
 * @param consent      whether the visitor agreed to be contacted (always true for an accepted lead)
 * @param campaign     the campaign the form names ({@code campaign}, else {@code utm_campaign}), or null
 * @param utm          the form's UTM parameters
 * @param code         the click code it came with, or null
 * @param conversation the thread key or ticket id it names, or null
 */
public record LeadSubmission(String leadId, Instant receivedAt, String name, String email, String phone,
                             String message, boolean consent, String campaign, UtmParameters utm, String code,
                             String conversation) {
    /** Inbox item kind of a lead to process. */
    public static final String KIND = "lead_form";

    public LeadSubmission {
        utm = utm == null ? UtmParameters.none() : utm;
    }

    @Override
    public String toString() {
        // contact details are personal data: kept out of logs
        return "LeadSubmission[" + leadId + ", campaign=" + campaign + "]";
    }
}
