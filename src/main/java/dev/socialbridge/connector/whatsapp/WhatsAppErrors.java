package dev.socialbridge.connector.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * WhatsApp error codes (Cloud API error codes, WA-ERR) in words an agent can act on, for failed statuses written on
 * the ticket and for refused sends. The platform's own title and details follow in parentheses.
 */
final class WhatsAppErrors {
    static final int REENGAGEMENT = 131047;
    static final String OUTSIDE_WINDOW_ADVICE = "send an approved template (rule outsideWindow) or wait for the"
            + " customer to write";

    private static final Map<Integer, String> ADVICE = Map.ofEntries(
            Map.entry(REENGAGEMENT, "more than 24 h since the customer's last message: " + OUTSIDE_WINDOW_ADVICE),
            Map.entry(131026, "message undeliverable: the number may not be on WhatsApp, the customer may use an old"
                    + " app version or may have blocked us; reach them another way"),
            Map.entry(131049, "not delivered by WhatsApp to limit marketing messages to this customer: do not retry"
                    + " at once, answer when the customer writes"),
            Map.entry(131050, "the customer has stopped marketing messages from this business"),
            Map.entry(131051, "unsupported message type: send text or a supported interactive message"),
            Map.entry(131052, "the customer's media could not be downloaded: ask them to send it again"),
            Map.entry(131053, "the media could not be uploaded: check its type and size"),
            Map.entry(131056, "too many messages to this customer in a short time: wait a moment before writing"
                    + " again"),
            Map.entry(130429, "WhatsApp throughput limit reached for this number: too many messages in a short"
                    + " time, send again later"),
            Map.entry(131030, "the customer's number is not in the allowed list of this test number: add it in the"
                    + " Meta App Dashboard or use a production number"),
            Map.entry(131031, "the WhatsApp Business Account is locked: check WhatsApp Manager"),
            Map.entry(131062, "this message cannot be sent to a username (business-scoped id) without a phone number:"
                    + " answer with text or ask the customer for their number"),
            Map.entry(132000, "the template's parameters do not match its approved definition: fix the rule's"
                    + " outsideWindow template"),
            Map.entry(132001, "the template does not exist in that language or is not approved: check the rule's"
                    + " outsideWindow name and language in WhatsApp Manager"),
            Map.entry(132015, "the template is paused for low quality: edit it in WhatsApp Manager or use another"),
            Map.entry(132016, "the template is disabled: use another approved template"),
            Map.entry(133010, "the business phone number is not registered with the Cloud API: register it"),
            Map.entry(190, "the access token was rejected: replace"
                    + " socialbridge.whatsapp.accounts.<name>.access-token"));

    private WhatsAppErrors() {
    }

    /** What to tell an agent about {@code code}, or null when we have nothing better than the platform's text. */
    static String advice(int code) {
        return ADVICE.get(code);
    }

    /**
     * A readable description of one WhatsApp error object ({@code code}, {@code title}/{@code message},
     * {@code error_data.details}): the advice for its code, then what the platform said.
     */
    static String describe(JsonNode error) {
        int code = error.path("code").asInt(-1);
        String title = WhatsAppJson.text(error, "title");
        if (title == null) {
            title = WhatsAppJson.text(error, "message");
        }
        String details = WhatsAppJson.text(WhatsAppJson.object(error, "error_data"), "details");
        return describe(code, title, details);
    }

    static String describe(int code, String title, String details) {
        String said = join(title, details);
        String advice = advice(code);
        if (advice == null) {
            return said.isEmpty() ? "WhatsApp error " + code : said;
        }
        return said.isEmpty() ? advice : advice + " (" + said + ")";
    }

    private static String join(String title, String details) {
        if (title == null) {
            return details == null ? "" : details;
        }
        return details == null || details.equals(title) ? title : title + ": " + details;
    }
}
