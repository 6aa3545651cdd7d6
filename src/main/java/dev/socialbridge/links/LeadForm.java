package dev.socialbridge.links;

import dev.socialbridge.attribution.UtmParameters;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Map;

/**
 * A lead form as a landing page posts it ({@code POST /leads}, JSON or form-encoded, the same field names):
 * {@code name}, {@code email} (required: it is the RT requestor), {@code phone} (optional, international: spaces,
 * dots, dashes and brackets are dropped and a leading {@code 00} becomes {@code +}, then {@code +} and 7 to 15
 * digits), {@code message}, {@code consent} (required, true: a lead is a request to be contacted, and one without
 * consent may not be contacted, so it is refused rather than stored), {@code utm_source} … {@code utm_term},
 * {@code campaign}, the click {@code code} of the link that brought the visitor, {@code conversation} (the thread key
 * or RT ticket id of the conversation that sent the visitor to the form), {@code idempotency_key}, and the honeypot
 * {@code website} (hidden from people: a filled one is a robot). Checked by Bean Validation, each violation naming
 * its field.
 */
public final class LeadForm {
    /** The honeypot field. */
    public static final String HONEYPOT = "website";

    @Size(max = 200)
    public String name;

    @NotBlank @Email @Size(max = 254)
    public String email;

    @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an international number such as +33612345678")
    public String phone;

    @Size(max = 5000)
    public String message;

    @NotNull @AssertTrue(message = "must be true: the visitor must agree to be contacted")
    public Boolean consent;

    @Size(max = 200) public String utm_source;
    @Size(max = 200) public String utm_medium;
    @Size(max = 200) public String utm_campaign;
    @Size(max = 200) public String utm_content;
    @Size(max = 200) public String utm_term;

    @Size(max = 200) @Pattern(regexp = "[^,\\n\\r]*", message = "must not contain a comma or a line break")
    public String campaign;

    @Pattern(regexp = "[0-9A-Za-z]{" + LinkCodes.LENGTH + "}", message = "is not a link code")
    public String code;

    @Size(max = 512)
    public String conversation;

    @Size(max = 200)
    public String idempotency_key;

    public String website;

    /** The form from its fields (blank values are absent; unknown fields ignored). */
    public static LeadForm of(Map<String, String> fields) {
        LeadForm f = new LeadForm();
        f.name = text(fields.get("name"));
        f.email = text(fields.get("email"));
        f.phone = normalizePhone(text(fields.get("phone")));
        f.message = text(fields.get("message"));
        f.consent = bool(text(fields.get("consent")));
        f.utm_source = text(fields.get("utm_source"));
        f.utm_medium = text(fields.get("utm_medium"));
        f.utm_campaign = text(fields.get("utm_campaign"));
        f.utm_content = text(fields.get("utm_content"));
        f.utm_term = text(fields.get("utm_term"));
        f.campaign = text(fields.get("campaign"));
        f.code = text(fields.get("code"));
        f.conversation = text(fields.get("conversation"));
        f.idempotency_key = text(fields.get("idempotency_key"));
        f.website = text(fields.get(HONEYPOT));
        return f;
    }

    /** Whether the honeypot is filled (a robot): the submission is answered as accepted and dropped. */
    public boolean isRobot() {
        return website != null;
    }

    public UtmParameters utm() {
        return new UtmParameters(utm_source, utm_medium, utm_campaign, utm_content, utm_term);
    }

    /** The campaign the form names: {@code campaign}, else {@code utm_campaign}; null when neither. */
    public String namedCampaign() {
        return campaign != null ? campaign : utm_campaign;
    }

    /**
     * {@code +} and digits: separators (space, dot, dash, brackets, slash) dropped, {@code 00} → {@code +}; anything
     * else is returned as given, for validation to name it.
     */
    static String normalizePhone(String phone) {
        if (phone == null) {
            return null;
        }
        String p = phone.replaceAll("[\\s.\\-()/\\u00a0]", "");
        if (p.startsWith("00")) {
            p = "+" + p.substring(2);
        }
        return p.matches("\\+?[0-9]+") ? p : phone;
    }

    /** true / on / yes / 1 and false / off / no / 0 (any case); anything else: false (not consent). */
    private static Boolean bool(String v) {
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1", "oui" -> Boolean.TRUE;
            default -> Boolean.FALSE;
        };
    }

    private static String text(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    @Override
    public String toString() {
        return "LeadForm[campaign=" + namedCampaign() + ", code=" + code + "]";
    }
}
