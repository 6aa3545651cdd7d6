package dev.socialbridge.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Email addresses and phone numbers found in customers' messages, and phone numbers normalised to E.164. */
class ContactDetailsTest {
    private final PhoneNumbers fr = new PhoneNumbers("FR");

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "mon mail c'est Jane.Doe@Example.com merci      | jane.doe@example.com | -",
            "appelez-moi au 06 12 34 56 78 svp               | -                    | +33612345678",
            "+33 6 12 34 56 78 ou jane@example.fr            | jane@example.fr      | +33612345678",
            "0033 (0)6.12.34.56.78                            | -                    | +33612345678",
            "UK: +44 20 7946 0958                             | -                    | +442079460958",
            "commande 1234, prix 49.90 €                      | -                    | -",
            "ma commande 123456789 est en retard              | -                    | -",
            "mon numéro 00 00 00 00 00                        | -                    | -",
            "jane@localhost ou jane@@example.com             | -                    | -",
            "pas de contact ici                               | -                    | -",
            "vu chez @atelier.lumen, écrivez à @bob ou 06 12 34 56 78 | -           | +33612345678",
            "@atelier.lumen m'a dit: a_b+c@example.com       | a_b+c@example.com    | -",
            "vu chez @atelier.lumen, 2@example.com           | 2@example.com        | -"})
    void findsTheFirstValidEmailAndPhone(String text, String email, String phone) {
        ContactDetails d = ContactDetails.find(text, fr);
        assertEquals(email, d.email(), text);
        assertEquals(phone, d.phone(), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "06 12 34 56 78    | FR | +33612345678",
            "061234567890      | BE | -",
            "0470 12 34 56     | BE | +32470123456",
            "+1 (415) 555-0142 | FR | +14155550142",
            "415 555 0142      | US | +14155550142",
            "12345             | FR | -",
            "612345678         | FR | -",
            "+33 6 12          | FR | -",
            "+999 1234 5678 9012 3456 | FR | -",
            "abc               | FR | -"})
    void normalisesToE164WithTheDefaultCountry(String raw, String country, String expected) {
        assertEquals(Optional.ofNullable(expected), new PhoneNumbers(country).normalise(raw), raw + " in " + country);
    }

    @Test
    void anUnknownDefaultCountryIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PhoneNumbers("XX"));
        assertEquals(true, e.getMessage().contains("'XX'"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "@mention only, no address | false", "hello @ world | false", "@x | false", "a@ | true", "x-@y | true",
            "(9@y | true", "é@y | false", "plain text | false"})
    void onlyAnAtAfterALocalPartCharacterMayStartAnAddress(String text, boolean may) {
        assertEquals(may, ContactDetails.mayHaveEmail(text), text);
    }

    @Test
    void anEmptyTextHasNoDetails() {
        assertNull(ContactDetails.find(null, fr).email());
        assertEquals(true, ContactDetails.find("  ", fr).isEmpty());
    }
}
