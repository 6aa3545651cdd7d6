package dev.socialbridge.people;

import dev.socialbridge.descriptor.FieldKeys;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The descriptor-keyed fields a person writes in the host: on its contact, first and last touch
 * ({@code <channel>:<signal>[:<campaign>] <instant>}) and the lead score; on its tickets, the email and phone it gave.
 */
public final class ContactFields {
    private ContactFields() {
    }

    /** The contact's fields; touches or score not known are left out. */
    public static Map<String, String> contact(Person person, PersonTouch first, PersonTouch last) {
        Map<String, String> f = new LinkedHashMap<>();
        if (first != null) {
            f.put(FieldKeys.CONTACT_FIRST_TOUCH, describe(first));
        }
        if (last != null) {
            f.put(FieldKeys.CONTACT_LAST_TOUCH, describe(last));
        }
        if (person.leadScore() != null) {
            f.put(FieldKeys.CONTACT_LEAD_SCORE, Integer.toString(person.leadScore()));
        }
        return f;
    }

    /** The ticket's {@code contact_email} and {@code contact_phone}, when known. */
    public static Map<String, String> ticket(Person person) {
        Map<String, String> f = new LinkedHashMap<>();
        if (person.email() != null) {
            f.put(FieldKeys.CONTACT_EMAIL, person.email());
        }
        if (person.phone() != null) {
            f.put(FieldKeys.CONTACT_PHONE, person.phone());
        }
        return f;
    }

    /** {@code instagram:ref:black_friday_2026 2026-11-27T09:12:00Z}. */
    public static String describe(PersonTouch t) {
        return t.touch().source() + " " + t.touch().at();
    }
}
