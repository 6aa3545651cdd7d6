package dev.socialbridge.pipeline;

import dev.socialbridge.connector.Connectors;
import dev.socialbridge.connector.spi.AuthorProfileLookup;
import dev.socialbridge.connector.spi.AuthorProfileLookup.ProfileResult;
import dev.socialbridge.connector.spi.Connector;
import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.host.spi.ContactUpsert;
import dev.socialbridge.inbox.InboxStore;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.outbox.OutboxCommand;
import dev.socialbridge.outbox.OutboxStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authors' names looked up on the platform (through a connector's {@link AuthorProfileLookup}) and cached in
 * {@link AuthorProfileStore}. Used by the platform outbox thread only: a webhook request never waits for a platform.
 * The first lookup ({@link LookUpProfileCommand}) makes one attempt and queues the interaction again in every case;
 * when the platform did not answer, a {@link RetryProfileCommand} keeps trying and the name reaches the host contact
 * through a {@link HostProfileCommand}.
 */
final class ProfileLookups {
    /** Attempts of a {@link RetryProfileCommand} before the name is left to the author's next message. */
    static final int MAX_RETRIES = 5;
    /** Delay before the first retry. */
    static final Duration RETRY_DELAY = Duration.ofMinutes(1);
    /** Lane suffix of retries: they hold back nothing else of the thread. */
    static final String RETRY_LANE = "|profile";
    private static final Logger LOG = LoggerFactory.getLogger(ProfileLookups.class);

    private final Connectors connectors;
    private final AccountStatusStore accounts;
    private final InboxStore inbox;
    private final OutboxStore outbox;
    private final AuthorProfileStore profiles;

    ProfileLookups(Connectors connectors, AccountStatusStore accounts, InboxStore inbox, OutboxStore outbox,
                   AuthorProfileStore profiles) {
        this.connectors = connectors;
        this.accounts = accounts;
        this.inbox = inbox;
        this.outbox = outbox;
        this.profiles = profiles;
    }

    /**
     * One attempt, then the interaction goes on: with the name when found, with the id otherwise. An author named
     * meanwhile (an earlier message of the thread was looked up first) is not asked again.
     */
    DeliveryResult lookUp(LookUpProfileCommand command) {
        Interaction i = command.interaction();
        Instant checked = Instant.now();
        Optional<AuthorProfileStore.Profile> known = profiles.database().inTransaction(c -> profiles.find(c, i.platform(),
                i.author().id(), checked));
        ProfileResult r = known.<ProfileResult>map(p -> p.found() ? new ProfileResult.Found(p.displayName(), p.handle())
                : new ProfileResult.Unavailable("cached")).orElseGet(() -> attempt(i));
        Interaction next = i;
        if (r instanceof ProfileResult.Found f) {
            next = i.withAuthor(i.author().withProfile(f.displayName(), f.handle()));
        } else if (r instanceof ProfileResult.NotLookedUp n && n.status() instanceof DeliveryResult.Retry) {
            Instant now = Instant.now();
            outbox.database().inTransaction(c -> outbox.enqueue(c, new OutboxCommand(command.dedupeKey() + "#retry",
                    i.threadKey() + RETRY_LANE, OutboxCommand.PLATFORM, RetryProfileCommand.TYPE,
                    new RetryProfileCommand(i)), now, now.plus(RETRY_DELAY)));
        }
        inbox.insertCompleted(command.dedupeKey(), next);
        return new DeliveryResult.Delivered(null);
    }

    /**
     * A later attempt for an author whose ticket went on with the id: found, the name goes to the host contact; a
     * platform still unreachable is retried by the outbox up to {@value #MAX_RETRIES} attempts.
     */
    DeliveryResult retry(RetryProfileCommand command, int attempts) {
        Interaction i = command.interaction();
        ProfileResult r = attempt(i);
        if (r instanceof ProfileResult.Found f) {
            ContactUpsert contact = new ContactUpsert(i.platform().id(), i.author().id(), f.handle(), f.displayName());
            outbox.database().inTransaction(c -> outbox.enqueue(c, new OutboxCommand("profile:" + i.platform().id() + ":"
                    + i.author().id() + ":" + i.inboxId(), i.threadKey() + "|host", OutboxCommand.HOST,
                    HostProfileCommand.TYPE, new HostProfileCommand(contact)), Instant.now()));
            return new DeliveryResult.Delivered(null);
        }
        if (r instanceof ProfileResult.NotLookedUp n && n.status() instanceof DeliveryResult.Retry retry) {
            if (attempts + 1 >= MAX_RETRIES) {
                LOG.info("no name for {} author {} after {} attempts: {}", i.platform().id(), i.author().id(),
                        attempts + 1, retry.reason());
                return new DeliveryResult.Delivered(null);
            }
            return retry;
        }
        return new DeliveryResult.Delivered(null);
    }

    /** One lookup; a found name and a refusal are cached, an invalid account is flagged. */
    private ProfileResult attempt(Interaction i) {
        Optional<AuthorProfileLookup> lookup = connectors.forPlatform(i.platform())
                .flatMap(Connector::profileLookup).filter(l -> l.canLookUpProfile(i));
        if (lookup.isEmpty()) {
            return new ProfileResult.Unavailable("no profile lookup on " + i.platform().id());
        }
        ProfileResult r = lookup.get().lookUpProfile(i);
        Instant now = Instant.now();
        if (r instanceof ProfileResult.Found f) {
            profiles.record(i.platform(), i.author().id(), f.displayName(), f.handle(), now);
        } else if (r instanceof ProfileResult.Unavailable u) {
            LOG.debug("{} will not name author {}: {}", i.platform().id(), i.author().id(), u.reason());
            profiles.record(i.platform(), i.author().id(), null, null, now);
        } else if (((ProfileResult.NotLookedUp) r).status() instanceof DeliveryResult.AccountInvalid a) {
            accounts.markInvalid(i.accountId(), i.platform().id(), a.reason());
        }
        return r;
    }
}
