package dev.socialbridge.connector.meta;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Thread-safe registry of accounts whose credentials Meta rejected (Graph error 190). {@link MetaGraphClient}
 * refuses to call for them until {@link #markValid} (after re-authorisation). Reasons never hold tokens.
 */
public final class MetaAccountHealth {

    /** An account marked invalid, why, and since when. */
    public record InvalidAccount(String accountId, String reason, Instant since) {
    }

    private final ConcurrentMap<String, InvalidAccount> invalid = new ConcurrentHashMap<>();
    private final Clock clock;

    public MetaAccountHealth() {
        this(Clock.systemUTC());
    }

    public MetaAccountHealth(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Marks the account invalid; the first reason and time are kept while it stays invalid. */
    public void markInvalid(String accountId, String reason) {
        Objects.requireNonNull(accountId, "accountId");
        invalid.putIfAbsent(accountId, new InvalidAccount(accountId, reason, clock.instant()));
    }

    /** Clears the mark, e.g. after the token was replaced. */
    public void markValid(String accountId) {
        invalid.remove(accountId);
    }

    public boolean isInvalid(String accountId) {
        return accountId != null && invalid.containsKey(accountId);
    }

    public Optional<InvalidAccount> get(String accountId) {
        return Optional.ofNullable(accountId == null ? null : invalid.get(accountId));
    }

    /** The invalid accounts, oldest first. */
    public List<InvalidAccount> list() {
        List<InvalidAccount> out = new ArrayList<>(invalid.values());
        out.sort(Comparator.comparing(InvalidAccount::since).thenComparing(InvalidAccount::accountId));
        return out;
    }
}
