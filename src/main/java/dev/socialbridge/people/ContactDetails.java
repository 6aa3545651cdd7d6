package dev.socialbridge.people;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The email address and phone number a customer gives in a message ("mon mail c'est jane@example.com, tel 06 12 34
 * 56 78"): the first valid one of each, normalised (email lower-cased; phone in E.164, see {@link PhoneNumbers}).
 *
 * @param email the address, or null
 * @param phone the number in E.164, or null
 */
public record ContactDetails(String email, String phone) {
    /** A practical address check: local part, @, a domain with a dot and a 2+ letter top level. */
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.+-])([A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24})(?![\\w-])");
    /** A run of digits with the usual separators, optionally international. */
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])((?:\\+|00)?\\d[\\d .\\-()/]{6,20}\\d)(?!\\w)");

    /** No detail. */
    public static ContactDetails none() {
        return new ContactDetails(null, null);
    }

    public boolean isEmpty() {
        return email == null && phone == null;
    }

    /** The details found in {@code text}. */
    public static ContactDetails find(String text, PhoneNumbers phones) {
        if (text == null || text.isBlank()) {
            return none();
        }
        String email = null;
        String withoutEmails = text;
        if (mayHaveEmail(text)) {   // the address pattern backtracks at every letter: skip texts that cannot match
            Matcher m = EMAIL.matcher(text);
            while (email == null && m.find()) {
                email = email(m.group(1)).orElse(null);
            }
            withoutEmails = EMAIL.matcher(text).replaceAll(" ");
        }
        String phone = null;
        Matcher p = PHONE.matcher(withoutEmails);
        while (phone == null && p.find()) {
            phone = phones.normalise(p.group(1)).orElse(null);
        }
        return new ContactDetails(email, phone);
    }

    /**
     * Whether {@code text} has an '@' right after a character an address's local part can end with: every match of
     * {@link #EMAIL} has one, so a text without (no '@', or only @mentions) needs no search.
     */
    static boolean mayHaveEmail(String text) {
        for (int at = text.indexOf('@', 1); at > 0; at = text.indexOf('@', at + 1)) {
            char c = text.charAt(at - 1);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '%' || c == '+'
                    || c == '-') {
                return true;
            }
        }
        return false;
    }

    /** {@code raw} as a valid, lower-cased address, or empty. */
    public static Optional<String> email(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        Matcher m = EMAIL.matcher(s);
        if (!m.matches() || s.length() > 254 || s.contains("..")) {
            return Optional.empty();
        }
        return Optional.of(s.toLowerCase(Locale.ROOT));
    }
}
