package dev.socialbridge.leads;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a qualifier step reads its answer, and the ticket field it fills by default. */
public enum StepType {
    /** Any non-blank text. */
    TEXT(LeadFields.NEED),
    /** A quantity: digits, {@code 2k}, or French/English number words. */
    QUANTITY(LeadFields.QUANTITY),
    /** An amount, with its currency when given ({@code 500€}, {@code 2k$}, {@code deux cents euros}). */
    BUDGET(LeadFields.BUDGET),
    /** When: a date or a date-ish phrase ({@code demain}, {@code next month}, {@code 12/03}). */
    TIMING(LeadFields.TIMING),
    /** An e-mail address. */
    EMAIL(LeadFields.EMAIL),
    /** A phone number, normalised to international form. */
    PHONE(LeadFields.PHONE),
    /** An e-mail address or a phone number (each to its own field). */
    CONTACT(LeadFields.EMAIL);

    private final String defaultField;

    StepType(String defaultField) {
        this.defaultField = defaultField;
    }

    /** The field an answer goes to unless the step names another. */
    public String defaultField() {
        return defaultField;
    }

    /** The YAML name: {@code text}, {@code quantity}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StepType> of(String id) {
        return Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst();
    }
}
