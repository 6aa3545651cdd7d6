package dev.socialbridge.people;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Normalises phone numbers to E.164 ({@code +33612345678}). A number written with its country ({@code +33 6 12 34 56
 * 78}, {@code 0033 ...}) keeps it; a national number ({@code 06 12 34 56 78}) takes the default country's code (where
 * national numbers start with 0, a number without it is not taken for one). Obviously
 * invalid numbers are rejected: fewer than 8 or more than 15 digits in all, an unknown or missing country, a national
 * number whose length the country does not use. Deliberately small (the countries a European shop meets): it checks
 * plausibility, not whether a number is assigned.
 */
public final class PhoneNumbers {
    /**
     * Per ISO 3166 country: calling code, national trunk prefix and the lengths of the national significant number.
     */
    private record Country(String code, String trunk, int minLength, int maxLength) { }

    private static final Map<String, Country> COUNTRIES = Map.ofEntries(
            Map.entry("FR", new Country("33", "0", 9, 9)),
            Map.entry("BE", new Country("32", "0", 8, 9)),
            Map.entry("CH", new Country("41", "0", 9, 9)),
            Map.entry("LU", new Country("352", "", 6, 11)),
            Map.entry("DE", new Country("49", "0", 6, 13)),
            Map.entry("ES", new Country("34", "", 9, 9)),
            Map.entry("IT", new Country("39", "", 6, 11)),
            Map.entry("PT", new Country("351", "", 9, 9)),
            Map.entry("NL", new Country("31", "0", 9, 9)),
            Map.entry("GB", new Country("44", "0", 9, 10)),
            Map.entry("IE", new Country("353", "0", 7, 9)),
            Map.entry("US", new Country("1", "1", 10, 10)),
            Map.entry("CA", new Country("1", "1", 10, 10)),
            Map.entry("MA", new Country("212", "0", 9, 9)),
            Map.entry("TN", new Country("216", "", 8, 8)),
            Map.entry("DZ", new Country("213", "0", 8, 9)),
            Map.entry("SN", new Country("221", "", 9, 9)),
            Map.entry("CI", new Country("225", "", 10, 10)));

    private final Country country;

    /**
     * @param defaultCountry ISO 3166 alpha-2 code of the country of national numbers ({@code FR})
     * @throws IllegalArgumentException for a country this class does not know
     */
    public PhoneNumbers(String defaultCountry) {
        this.country = COUNTRIES.get(defaultCountry == null ? "" : defaultCountry.trim().toUpperCase(Locale.ROOT));
        if (country == null) {
            throw new IllegalArgumentException("'" + defaultCountry + "' is not one of the supported countries "
                    + new java.util.TreeSet<>(COUNTRIES.keySet()));
        }
    }

    /** The calling code of the default country ({@code 33} for FR): what a national number is given. */
    public String callingCode() {
        return country.code();
    }

    /** The supported default countries. */
    public static java.util.Set<String> countries() {
        return new java.util.TreeSet<>(COUNTRIES.keySet());
    }

    /** {@code raw} in E.164, or empty when it is not a plausible phone number. */
    public Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip().replaceAll("[\\s.\\-()/]", "");
        if (s.startsWith("00")) {
            s = "+" + s.substring(2);
        }
        if (!s.matches("\\+?\\d+")) {
            return Optional.empty();
        }
        if (s.startsWith("+")) {
            return international(s.substring(1));
        }
        if ("0".equals(country.trunk()) && !s.startsWith("0")) {
            return Optional.empty();   // "06 12 34 56 78" is a number; "123456789" is more likely an order number
        }
        String national = !country.trunk().isEmpty() && s.startsWith(country.trunk()) ? s.substring(country.trunk().length()) : s;
        return plausible(country, national) ? Optional.of("+" + country.code() + national) : Optional.empty();
    }

    private static Optional<String> international(String digits) {
        if (digits.length() < 8 || digits.length() > 15) {
            return Optional.empty();
        }
        for (Country c : COUNTRIES.values()) {
            if (digits.startsWith(c.code())) {
                String national = digits.substring(c.code().length());
                // "+33 (0)6 ..." is written often enough
                if (!c.trunk().isEmpty() && national.startsWith(c.trunk()) && !plausible(c, national)) {
                    national = national.substring(c.trunk().length());
                }
                if (plausible(c, national)) {
                    return Optional.of("+" + c.code() + national);
                }
            }
        }
        // another country: only the overall E.164 length can be checked
        return digits.charAt(0) == '0' ? Optional.empty() : Optional.of("+" + digits);
    }

    private static boolean plausible(Country c, String national) {
        return national.length() >= c.minLength() && national.length() <= c.maxLength()
                && national.charAt(0) != '0' && !national.chars().allMatch(ch -> ch == national.charAt(0));
    }
}
