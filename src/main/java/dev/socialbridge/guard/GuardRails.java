package dev.socialbridge.guard;

import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The limits every automated decision respects, whatever the rules say: no automation on our own
 * accounts, at most N automated replies per author per hour, at most M bot turns per thread.
 * Immutable and thread-safe; per-decision accounting lives in {@link ReplyGate}.
 */
public final class GuardRails {

    private final Set<String> ownAccountIds;
    private final int maxRepliesPerAuthorPerHour;
    private final int maxBotTurnsPerThread;

    /**
     * @param ownAccountIds              ids or handles (case-insensitive, without '@') of our own accounts
     * @param maxRepliesPerAuthorPerHour automated replies allowed per author per rolling hour
     * @param maxBotTurnsPerThread       automated turns allowed per thread before a human takes over
     */
    public GuardRails(Set<String> ownAccountIds, int maxRepliesPerAuthorPerHour, int maxBotTurnsPerThread) {
        this.ownAccountIds = ownAccountIds.stream().map(GuardRails::key).collect(Collectors.toUnmodifiableSet());
        this.maxRepliesPerAuthorPerHour = maxRepliesPerAuthorPerHour;
        this.maxBotTurnsPerThread = maxBotTurnsPerThread;
    }

    /**
     * True when we wrote it: the platform flags it as ours, its author is the receiving account, or
     * the author's id or handle is one of our configured accounts.
     */
    public boolean isOwnAccount(Interaction interaction) {
        Author author = interaction.author();
        return interaction.fromSelf()
                || author.id().equals(interaction.accountId())
                || (!ownAccountIds.isEmpty() && (ownAccountIds.contains(key(author.id()))
                    || (author.handle() != null && ownAccountIds.contains(key(author.handle())))));
    }

    /** True when the thread has used up its bot turns. */
    public boolean botTurnsExhausted(int botTurnsInThread) {
        return botTurnsInThread >= maxBotTurnsPerThread;
    }

    /** True when one more reply keeps the author within the hourly limit. */
    public boolean withinReplyLimit(int repliesLastHour, int plannedNow) {
        return repliesLastHour + plannedNow < maxRepliesPerAuthorPerHour;
    }

    public int maxRepliesPerAuthorPerHour() {
        return maxRepliesPerAuthorPerHour;
    }

    public int maxBotTurnsPerThread() {
        return maxBotTurnsPerThread;
    }

    private static String key(String idOrHandle) {
        String s = idOrHandle.strip();
        return (s.startsWith("@") ? s.substring(1) : s).toLowerCase(Locale.ROOT);
    }
}
