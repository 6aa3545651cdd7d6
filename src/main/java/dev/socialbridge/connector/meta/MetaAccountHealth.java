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
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread-safe registry of accounts whose credentials Meta rejected (Graph error 190). {@link MetaGraphClient}
 * refuses to call for them until {@link #markValid} (after re-authorisation). Reasons never hold tokens.
 * An optional listener hears each new mark (e.g. to persist it); seed persisted marks with {@link #markInvalid}.
 */
public final class MetaAccountHealth {

    /** An account marked invalid, why, and since when. */
    public record InvalidAccount(String accountId, String reason, Instant since) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(MetaAccountHealth.class);

    private final ConcurrentMap<String, InvalidAccount> invalid = new ConcurrentHashMap<>();
    private final Clock clock;
    private final BiConsumer<String, String> onMarkedInvalid;

    public MetaAccountHealth() {
        this(Clock.systemUTC(), (id, reason) -> { });
    }

    public MetaAccountHealth(Clock clock) {
        this(clock, (id, reason) -> { });
    }

    /** @param onMarkedInvalid called with (accountId, reason) when an account becomes invalid; must not block long */
    public MetaAccountHealth(Clock clock, BiConsumer<String, String> onMarkedInvalid) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onMarkedInvalid = Objects.requireNonNull(onMarkedInvalid, "onMarkedInvalid");
    }

    /** Marks the account invalid; the first reason and time are kept while it stays invalid. */
    public void markInvalid(String accountId, String reason) {
        Objects.requireNonNull(accountId, "accountId");
        if (invalid.putIfAbsent(accountId, new InvalidAccount(accountId, reason, clock.instant())) == null) {
            try {
                onMarkedInvalid.accept(accountId, reason);
            } catch (RuntimeException e) {
                // the in-memory mark stands; a listener failure must not turn a delivery result into an exception
                LOG.warn("listener failed for invalid Meta account {}: {}", accountId, e.toString());
            }
        }
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
