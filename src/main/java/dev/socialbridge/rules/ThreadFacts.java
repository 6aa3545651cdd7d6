package dev.socialbridge.rules;

import java.time.Instant;
import java.util.Map;

/**
 * What the store knows about the thread and author of an interaction, supplied by the caller.
 *
 * @param firstMessageInThread            this interaction opens the thread
 * @param botTurnsInThread                automated replies already sent in the thread
 * @param automatedRepliesToAuthorLastHour automated replies sent to this author in the last hour, all channels
 * @param authorOptedOutAt                when the author opted out of automation, or null
 * @param campaignTag                     campaign of the thread (referral ref, ad, code), or null
 * @param tokens                          template token values known for this interaction (first_name,
 *                                        product, order_id, agent_name, link, brand), never null; a value
 *                                        for one reply channel only is keyed {@code <token>:<channel audit
 *                                        name>} (e.g. {@code link:dm}, {@code link:public_reply}: a tracked link
 *                                        tagged with the reply's medium) and wins over {@code <token>} there
 */
public record ThreadFacts(
        boolean firstMessageInThread,
        int botTurnsInThread,
        int automatedRepliesToAuthorLastHour,
        Instant authorOptedOutAt,
        String campaignTag,
        Map<String, String> tokens) {

    public ThreadFacts {
        tokens = tokens == null ? Map.of() : Map.copyOf(tokens);
    }

    /** A first message from an author with no history and no known tokens. */
    public static ThreadFacts firstMessage() {
        return new ThreadFacts(true, 0, 0, null, null, Map.of());
    }

    public ThreadFacts withTokens(Map<String, String> value) {
        return new ThreadFacts(firstMessageInThread, botTurnsInThread, automatedRepliesToAuthorLastHour,
                authorOptedOutAt, campaignTag, value);
    }
}
