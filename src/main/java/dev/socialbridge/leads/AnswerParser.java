package dev.socialbridge.leads;

import dev.socialbridge.guard.TextNormalizer;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a customer's answer to a qualifier step, in French or English: an e-mail (validated, lower-cased), a phone
 * (normalised to {@code +<country><number>}; a national number takes the configured country code), a quantity
 * ({@code 200}, {@code 2k}, {@code 1,5k}, {@code deux cents}), a budget (the same, with its currency when given:
 * {@code 500€} → {@code 500 EUR}), a timing (a date or a date-ish phrase, kept as written) or free text.
 * Stateless and thread-safe.
 */
public final class AnswerParser {
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.+-])([A-Za-z0-9._%+-]{1,64})@([A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63})*\\.[A-Za-z]{2,24})(?![\\w-])");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])(\\+|00)?\\s*(\\(?\\d[\\d\\s.()/-]{6,20}\\d)(?!\\w)");
    private static final Pattern AMOUNT = Pattern.compile(
            "(?<![\\w.,])(\\d{1,3}(?:[ \u00a0\u202f.]\\d{3})+|\\d+)(?:[.,](\\d{1,2}))?\\s*([kKmM])?(?![\\w])");
    private static final Pattern DIGIT_DATE = Pattern.compile(
            "\\b\\d{1,2}[/.-]\\d{1,2}(?:[/.-]\\d{2,4})?\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b(?:q|t)[1-4]\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TIMING_WORDS = Pattern.compile("\\b(?:"
            + "aujourd hui|demain|apres demain|cette semaine|semaine|semaines|mois|an|annee|trimestre|bientot|"
            + "rapidement|vite|urgent|urgence|des que possible|au plus vite|asap|maintenant|immediatement|"
            + "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janvier|fevrier|mars|avril|mai|juin|juillet|"
            + "aout|septembre|octobre|novembre|decembre|rentree|noel|printemps|ete|automne|hiver|"
            + "today|tomorrow|tonight|week|weeks|month|months|year|quarter|soon|now|immediately|urgent|"
            + "monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|"
            + "august|september|october|november|december|christmas|spring|summer|autumn|fall|winter|next|"
            + "jours?|days?|heures?|hours?)\\b");
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("un", 1), Map.entry("une", 1), Map.entry("one", 1),
            Map.entry("deux", 2), Map.entry("two", 2), Map.entry("trois", 3), Map.entry("three", 3),
            Map.entry("quatre", 4), Map.entry("four", 4), Map.entry("cinq", 5), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("sept", 7), Map.entry("seven", 7), Map.entry("huit", 8),
            Map.entry("eight", 8), Map.entry("neuf", 9), Map.entry("nine", 9), Map.entry("dix", 10),
            Map.entry("ten", 10), Map.entry("onze", 11), Map.entry("eleven", 11), Map.entry("douze", 12),
            Map.entry("twelve", 12), Map.entry("treize", 13), Map.entry("quatorze", 14), Map.entry("quinze", 15),
            Map.entry("fifteen", 15), Map.entry("seize", 16), Map.entry("vingt", 20), Map.entry("vingts", 20),
            Map.entry("twenty", 20), Map.entry("trente", 30), Map.entry("thirty", 30), Map.entry("quarante", 40),
            Map.entry("forty", 40), Map.entry("cinquante", 50), Map.entry("fifty", 50), Map.entry("soixante", 60),
            Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90));
    private static final Map<String, String> CURRENCIES = Map.ofEntries(
            Map.entry("€", "EUR"), Map.entry("eur", "EUR"), Map.entry("euro", "EUR"), Map.entry("euros", "EUR"),
            Map.entry("$", "USD"), Map.entry("usd", "USD"), Map.entry("dollar", "USD"), Map.entry("dollars", "USD"),
            Map.entry("£", "GBP"), Map.entry("gbp", "GBP"), Map.entry("livres", "GBP"), Map.entry("pounds", "GBP"),
            Map.entry("chf", "CHF"), Map.entry("cad", "CAD"));
    private static final Pattern CURRENCY = Pattern.compile(
            "(€|\\$|£|\\b(?:eur|euros?|usd|dollars?|gbp|livres|pounds|chf|cad)\\b)", Pattern.CASE_INSENSITIVE);

    private final String countryCode;

    /** @param countryCode the calling code a national phone number ({@code 06 12 34 56 78}) takes, e.g. {@code 33} */
    public AnswerParser(String countryCode) {
        this.countryCode = countryCode;
    }

    /** A parsed answer: the field it goes to and its value. */
    public record Parsed(String field, String value) { }

    /**
     * The answer in {@code text} for a step of {@code type} whose field is {@code field} (for {@link StepType#CONTACT}
     * the field follows what was given), or empty when the text is not such an answer.
     */
    public Optional<Parsed> parse(StepType type, String field, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return switch (type) {
            case TEXT -> Optional.of(new Parsed(field, text.strip()));
            case EMAIL -> email(text).map(v -> new Parsed(field, v));
            case PHONE -> phone(text).map(v -> new Parsed(field, v));
            case CONTACT -> email(text).map(v -> new Parsed(LeadFields.EMAIL, v))
                    .or(() -> phone(text).map(v -> new Parsed(LeadFields.PHONE, v)));
            case QUANTITY -> quantity(text).map(v -> new Parsed(field, v.toPlainString()));
            case BUDGET -> budget(text).map(v -> new Parsed(field, v));
            case TIMING -> timing(text).map(v -> new Parsed(field, v));
        };
    }

    /** The e-mail address in {@code text}, its domain lower-cased. */
    public static Optional<String> email(String text) {
        Matcher m = EMAIL.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String local = m.group(1);
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return Optional.empty();
        }
        return Optional.of(local + "@" + m.group(2).toLowerCase(Locale.ROOT));
    }

    /** The phone number in {@code text}: 8 to 15 digits, as {@code +<digits>}. */
    public Optional<String> phone(String text) {
        Matcher m = PHONE.matcher(text);
        while (m.find()) {
            String digits = m.group(2).replaceAll("\\D", "");
            boolean international = m.group(1) != null;
            if (!international && digits.startsWith("0") && digits.length() == 10) {
                digits = countryCode + digits.substring(1);
            } else if (!international && digits.length() < 10) {
                continue;
            }
            if (digits.length() >= 8 && digits.length() <= 15) {
                return Optional.of("+" + digits);
            }
        }
        return Optional.empty();
    }

    /** A quantity: the first number in {@code text} (digits, {@code k}/{@code m} suffix, number words). */
    public static Optional<BigDecimal> quantity(String text) {
        Matcher m = AMOUNT.matcher(text);
        if (m.find()) {
            BigDecimal n = new BigDecimal(m.group(1).replaceAll("[ \u00a0\u202f.]", "")
                    + (m.group(2) != null ? "." + m.group(2) : ""));
            if (m.group(3) != null) {
                n = n.multiply(BigDecimal.valueOf("k".equalsIgnoreCase(m.group(3)) ? 1_000 : 1_000_000));
            }
            return Optional.of(n.stripTrailingZeros().scale() < 0 ? n.setScale(0) : n.stripTrailingZeros());
        }
        return words(TextNormalizer.fold(text)).map(BigDecimal::valueOf);
    }

    /** An amount with its ISO currency when one is written ({@code 500 EUR}), else the number alone. */
    public static Optional<String> budget(String text) {
        Optional<BigDecimal> amount = quantity(text);
        if (amount.isEmpty()) {
            return Optional.empty();
        }
        Matcher c = CURRENCY.matcher(text);
        String currency = c.find() ? CURRENCIES.get(c.group(1).toLowerCase(Locale.ROOT)) : null;
        return Optional.of(amount.get().toPlainString() + (currency != null ? " " + currency : ""));
    }

    /** The text as written, when it names a time: a date, a weekday or month, "demain", "next week"... */
    public static Optional<String> timing(String text) {
        String folded = TextNormalizer.fold(text).replace('\'', ' ').replace('-', ' ');
        return DIGIT_DATE.matcher(text).find() || TIMING_WORDS.matcher(folded).find()
                ? Optional.of(text.strip()) : Optional.empty();
    }

    /** French or English number words ("deux cents", "trois mille", "quatre-vingts", "two hundred"), if any. */
    static Optional<Long> words(String folded) {
        long total = 0;
        long current = 0;
        boolean seen = false;
        String previous = "";
        for (String w : folded.replace('-', ' ').split("[^a-z]+")) {
            Integer unit = NUMBER_WORDS.get(w);
            if (unit != null) {
                current = ("vingt".equals(w) || "vingts".equals(w)) && "quatre".equals(previous) ? current - 4 + 80
                        : current + unit;
                seen = true;
            } else if (w.equals("cent") || w.equals("cents") || w.equals("hundred")) {
                current = Math.max(current, 1) * 100;
                seen = true;
            } else if (w.equals("mille") || w.equals("thousand")) {
                total += Math.max(current, 1) * 1000;
                current = 0;
                seen = true;
            } else if (!w.equals("et") && !w.equals("and") && seen && !w.isEmpty()) {
                if (total != 0 || current != 1) {
                    break;
                }
                seen = false;   // "un devis pour deux cents": an article, not the number
                current = 0;
            }
            previous = w;
        }
        return seen ? Optional.of(total + current) : Optional.empty();
    }
}
