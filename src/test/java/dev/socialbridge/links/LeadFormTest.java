package dev.socialbridge.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadFormTest {

    private static Map<String, String> valid() {
        Map<String, String> f = new HashMap<>();
        f.put("name", "Léa Martin");
        f.put("email", "lea@example.com");
        f.put("phone", "+33 6 12 34 56 78");
        f.put("consent", "true");
        f.put("utm_campaign", "black_friday_2026");
        return f;
    }

    private static List<String> fields(Map<String, String> form) {
        return FieldErrors.of(LeadForm.of(form)).stream().map(FieldErrors.FieldError::field).toList();
    }

    @Test
    void aCompleteFormIsValid() {
        LeadForm form = LeadForm.of(valid());
        assertEquals(List.of(), FieldErrors.of(form));
        assertEquals("+33612345678", form.phone, "separators dropped");
        assertEquals("black_friday_2026", form.namedCampaign());
        assertFalse(form.isRobot());
    }

    @Test
    void eachInvalidFieldIsNamed() {
        Map<String, String> f = valid();
        f.put("email", "lea-at-example.com");
        f.put("phone", "06 12");
        f.put("consent", "no");
        f.put("code", "short");
        f.put("utm_source", "x".repeat(201));
        f.put("name", "n".repeat(201));
        assertEquals(List.of("code", "consent", "email", "name", "phone", "utm_source"), fields(f));
    }

    @Test
    void emailAndConsentAreRequired() {
        Map<String, String> f = valid();
        f.remove("email");
        f.remove("consent");
        List<FieldErrors.FieldError> errors = FieldErrors.of(LeadForm.of(f));
        assertEquals(List.of("consent", "email"), errors.stream().map(FieldErrors.FieldError::field).toList());
    }

    @Test
    void phonesAreNormalisedToInternationalNumbers() {
        assertEquals("+33612345678", LeadForm.normalizePhone("0033 (6) 12-34.56.78"));
        assertEquals("+4915112345678", LeadForm.normalizePhone("+49 151 1234 5678"));
        assertEquals("0612345678", LeadForm.normalizePhone("06 12 34 56 78"), "a national number stays, and is refused");
        assertEquals("call me", LeadForm.normalizePhone("call me"));
        Map<String, String> f = valid();
        f.put("phone", "06 12 34 56 78");
        assertEquals(List.of("phone"), fields(f));
    }

    @Test
    void consentAcceptsFormCheckboxValues() {
        for (String yes : List.of("on", "1", "TRUE", "yes")) {
            Map<String, String> f = valid();
            f.put("consent", yes);
            assertEquals(List.of(), fields(f), yes);
        }
    }

    @Test
    void aFilledHoneypotIsARobot() {
        Map<String, String> f = valid();
        f.put(LeadForm.HONEYPOT, "http://spam.example");
        assertTrue(LeadForm.of(f).isRobot());
    }

    @Test
    void blankValuesAreAbsentAndPersonalDataStaysOutOfToString() {
        Map<String, String> f = valid();
        f.put("message", "   ");
        LeadForm form = LeadForm.of(f);
        assertNull(form.message);
        assertFalse(form.toString().contains("lea@example.com"));
    }
}
