package dev.socialbridge.leads;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where one customer's qualifier flow stands.
 *
 * @param answerKey {@code platform:account:author}: where the answers come from (a comment's flow is answered in
 *                  the author's conversation, another thread)
 * @param threadKey the lead's thread: its ticket gets the answers and the score
 * @param flowId    the flow
 * @param step      index of the question waiting for an answer
 * @param retried   that question was already asked again after an answer that did not parse
 * @param language  fr or en
 * @param answers   field → value, the answers so far
 * @param askedAt   when the waiting question was sent (the timeout counts from it)
 */
public record QualifierState(String answerKey, String threadKey, String flowId, int step, boolean retried,
                             String language, Map<String, String> answers, Instant askedAt) {
    public QualifierState {
        answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    /** A flow that just asked its first question. */
    public static QualifierState started(String answerKey, String threadKey, String flowId, String language, Instant at) {
        return new QualifierState(answerKey, threadKey, flowId, 0, false, "fr".equals(language) ? "fr" : "en",
                Map.of(), at);
    }

    /** The answer key of an author on a platform account. */
    public static String answerKey(String platform, String accountId, String authorId) {
        return platform + ":" + accountId + ":" + authorId;
    }

    QualifierState next(Map<String, String> added, Instant at) {
        Map<String, String> all = new LinkedHashMap<>(answers);
        all.putAll(added);
        return new QualifierState(answerKey, threadKey, flowId, step + 1, false, language, all, at);
    }

    QualifierState askedAgain(Instant at) {
        return new QualifierState(answerKey, threadKey, flowId, step, true, language, answers, at);
    }
}
