package dev.socialbridge.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The satisfaction survey of a resolved conversation: a CSAT question (1–5), then, when enabled, an NPS question
 * (0–10), then thanks; in French or English after the conversation. Reads an answer from the customer's next
 * message: a number alone ("4", "4/5", "9 !") or stars ("⭐⭐⭐⭐"); anything else is a new message, not an answer.
 *
 * @param queues     descriptor keys of the queues whose resolved conversations are surveyed
 * @param nps        ask the NPS question after the CSAT answer
 * @param disclosure prefix the questions with the automated-message disclosure
 */
public record SatisfactionSurvey(Set<String> queues, boolean nps, boolean disclosure) {
    /** How long after a question its answer is awaited (the platforms' standard messaging window). */
    public static final Duration ANSWER_WINDOW = Duration.ofHours(24);
    public static final String CSAT = "csat";
    public static final String NPS = "nps";
    public static final String DONE = "done";
    private static final Pattern NUMBER = Pattern.compile("\\s*(\\d{1,2})\\s*(?:/\\s*(5|10)\\s*)?[.!]*\\s*");
    private static final Pattern STARS = Pattern.compile("\\s*((?:\u2b50|\u2605|\ud83c\udf1f)\\s*){1,5}[.!]*\\s*");

    public SatisfactionSurvey {
        queues = Set.copyOf(queues);
    }

    /** No survey. */
    public static SatisfactionSurvey off() {
        return new SatisfactionSurvey(Set.of(), false, true);
    }

    /** Whether conversations of {@code queueKey} are surveyed when resolved. */
    public boolean surveys(String queueKey) {
        return queueKey != null && queues.contains(queueKey);
    }

    /** The answer to the question of {@code step} in {@code text}, if the text is one. */
    public static Optional<Integer> answer(String step, String text) {
        if (text == null) {
            return Optional.empty();
        }
        int max = NPS.equals(step) ? 10 : 5;
        int min = NPS.equals(step) ? 0 : 1;
        Matcher m = NUMBER.matcher(text);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            boolean scaleOk = m.group(2) == null || Integer.parseInt(m.group(2)) == max;
            return scaleOk && n >= min && n <= max ? Optional.of(n) : Optional.empty();
        }
        if (CSAT.equals(step) && STARS.matcher(text).matches()) {
            return Optional.of(text.codePoints().map(cp -> cp == 0x2b50 || cp == 0x2605 || cp == 0x1f31f ? 1 : 0).sum());
        }
        return Optional.empty();
    }

    /** The CSAT question, the first message of the survey. */
    public String csatQuestion(String language) {
        return prefix(language) + (fr(language)
                ? "Votre demande est résolue. Sur une échelle de 1 à 5, êtes-vous satisfait(e) de notre aide ?"
                        + " Répondez par un chiffre (5 = très satisfait)."
                : "Your request is resolved. On a scale of 1 to 5, how satisfied are you with our help?"
                        + " Reply with a number (5 = very satisfied).");
    }

    /** The NPS question, after the CSAT answer. */
    public String npsQuestion(String language) {
        return prefix(language) + (fr(language)
                ? "Merci ! Et de 0 à 10, quelle est la probabilité que vous nous recommandiez à un proche ?"
                : "Thank you! And from 0 to 10, how likely are you to recommend us to a friend?");
    }

    /** The last message of the survey. */
    public String thanks(String language) {
        return prefix(language) + (fr(language) ? "Merci pour votre retour !" : "Thanks for your feedback!");
    }

    /** The ticket field an answer to {@code step} goes to. */
    public static String field(String step) {
        return NPS.equals(step) ? NPS : CSAT;
    }

    /** The steps, in order. */
    public List<String> steps() {
        return nps ? List.of(CSAT, NPS) : List.of(CSAT);
    }

    private String prefix(String language) {
        return disclosure ? (fr(language) ? "Message automatique : " : "Automated message: ") : "";
    }

    private static boolean fr(String language) {
        return "fr".equals(language);
    }
}
