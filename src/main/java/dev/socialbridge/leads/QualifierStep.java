package dev.socialbridge.leads;

import java.util.List;

/**
 * One question of a qualifier flow.
 *
 * @param id           the step's name (need, quantity, ...), unique in its flow
 * @param type         how its answer is read
 * @param field        the ticket field its answer goes to (a {@link LeadFields#ANSWER_FIELDS} key)
 * @param question     the question, French then English
 * @param hint         what is said before the question is asked again after an answer that does not parse
 * @param quickRepliesFr short answers offered as buttons where the platform has them, in French
 * @param quickRepliesEn the same in English
 */
public record QualifierStep(String id, StepType type, String field, Texts question, Texts hint,
                            List<String> quickRepliesFr, List<String> quickRepliesEn) {
    public QualifierStep {
        quickRepliesFr = List.copyOf(quickRepliesFr);
        quickRepliesEn = List.copyOf(quickRepliesEn);
    }

    public List<String> quickReplies(String language) {
        return Texts.isFrench(language) ? quickRepliesFr : quickRepliesEn;
    }

    /** A text in French and English. */
    public record Texts(String fr, String en) {
        public String in(String language) {
            return isFrench(language) ? fr : en;
        }

        static boolean isFrench(String language) {
            return "fr".equals(language);
        }
    }
}
