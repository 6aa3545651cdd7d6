package dev.socialbridge.pipeline;

import dev.socialbridge.connector.spi.AuthorAudienceLookup;
import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.connector.spi.InteractionFetcher;
import dev.socialbridge.connector.Connectors;
import dev.socialbridge.connector.spi.Connector;
import dev.socialbridge.inbox.InboxStore;
import dev.socialbridge.interaction.Interaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the platform outbox looks up before an interaction can be processed: an incomplete interaction's content
 * ({@link FetchInteractionCommand}, through an {@link InteractionFetcher}: an Instagram @mention's text and
 * author) and an author's follower count ({@link LookUpAuthorCommand}, through an {@link AuthorAudienceLookup},
 * cached in {@link AuthorAudienceStore}). Either way the result goes back to the inbox as a new item. Used by
 * the platform outbox thread only.
 */
final class PlatformLookups {
    private static final Duration MAX_LOOKUP_PAUSE = Duration.ofHours(1);

    private final Connectors connectors;
    private final AccountStatusStore accounts;
    private final InboxStore inbox;
    private final AuthorAudienceStore audiences;
    /** Author lookups are skipped until then, after the platform rate-limited one. */
    private Instant lookupsPausedUntil = Instant.EPOCH;

    PlatformLookups(Connectors connectors, AccountStatusStore accounts, InboxStore inbox, AuthorAudienceStore audiences) {
        this.connectors = connectors;
        this.accounts = accounts;
        this.inbox = inbox;
        this.audiences = audiences;
    }

    DeliveryResult fetch(FetchInteractionCommand command) {
        Interaction partial = command.partial();
        Optional<InteractionFetcher> fetcher = connectors.forPlatform(partial.platform())
                .flatMap(Connector::interactionFetcher).filter(f -> f.canFetch(partial));
        if (fetcher.isEmpty()) {
            return new DeliveryResult.Failed("no lookup for a " + partial.kind().id() + " on " + partial.platform().id());
        }
        InteractionFetcher.FetchResult result = fetcher.get().fetch(partial);
        if (result instanceof InteractionFetcher.FetchResult.Fetched f) {
            inbox.insertCompleted(command.dedupeKey(), f.interaction());
            return new DeliveryResult.Delivered(null);
        }
        DeliveryResult status = ((InteractionFetcher.FetchResult.NotFetched) result).status();
        if (status instanceof DeliveryResult.AccountInvalid a) {
            accounts.markInvalid(partial.accountId(), partial.platform().id(), a.reason());
        }
        return status;
    }

    /**
     * One lookup attempt, then the interaction goes on in every case: with the count when found, without it
     * otherwise. A failed lookup is not retried (the next message of the author tries again); a rate limit
     * pauses lookups for the time the platform asks, so automation never waits on a throttled API.
     */
    DeliveryResult lookUpAuthor(LookUpAuthorCommand command) {
        Interaction i = command.interaction();
        Optional<AuthorAudienceLookup> lookup = connectors.forPlatform(i.platform())
                .flatMap(Connector::audienceLookup).filter(l -> l.canLookUp(i));
        Long followers = null;
        Instant now = Instant.now();
        if (lookup.isPresent() && now.isAfter(lookupsPausedUntil)) {
            AuthorAudienceLookup.AudienceResult r = lookup.get().lookUp(i);
            if (r instanceof AuthorAudienceLookup.AudienceResult.Found f) {
                followers = f.followers();
                audiences.record(i.platform(), i.author().handle(), followers, now);
            } else if (r instanceof AuthorAudienceLookup.AudienceResult.Unavailable) {
                audiences.record(i.platform(), i.author().handle(), null, now);
            } else {
                DeliveryResult status = ((AuthorAudienceLookup.AudienceResult.NotLookedUp) r).status();
                if (status instanceof DeliveryResult.AccountInvalid a) {
                    accounts.markInvalid(i.accountId(), i.platform().id(), a.reason());
                } else if (status instanceof DeliveryResult.Retry retry && retry.retryAfter() != null) {
                    Duration pause = retry.retryAfter().compareTo(MAX_LOOKUP_PAUSE) > 0 ? MAX_LOOKUP_PAUSE : retry.retryAfter();
                    lookupsPausedUntil = now.plus(pause);
                }
            }
        }
        inbox.insertCompleted(command.dedupeKey(), followers == null ? i : i.withAuthor(i.author().withFollowerCount(followers)));
        return new DeliveryResult.Delivered(null);
    }
}
