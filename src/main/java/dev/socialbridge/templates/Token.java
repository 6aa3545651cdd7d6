package dev.socialbridge.templates;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The {@code {name}} placeholders a template or note may contain. Reply tokens come from the thread
 * ({@code ThreadFacts.tokens}) plus the brand; note-only tokens describe the interaction and may only
 * appear in internal notes, never in text sent to the author.
 */
public enum Token {
    FIRST_NAME(true), BRAND(true), PRODUCT(true), ORDER_ID(true), AGENT_NAME(true), LINK(true),
    AUTHOR_HANDLE(false), FOLLOWERS(false), PLATFORM(false), KIND(false), INTENT(false), CONFIDENCE(false),
    SENTIMENT(false);

    private static final Token[] ALL = values();
    private final boolean reply;

    Token(boolean reply) {
        this.reply = reply;
    }

    /** The name as written between braces, e.g. {@code first_name}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when the token may appear in text sent to the author. */
    public boolean allowedInReplies() {
        return reply;
    }

    /** The token called {@code key}, or null. */
    public static Token byKey(String key) {
        for (Token t : ALL) {
            if (t.key().equals(key)) {
                return t;
            }
        }
        return null;
    }

    /** Keys of the tokens allowed in replies ({@code notes=false}) or in notes. */
    public static List<String> keys(boolean notes) {
        return Arrays.stream(ALL).filter(t -> notes || t.reply).map(Token::key).toList();
    }
}
