package dev.socialbridge.pipeline;

import dev.socialbridge.store.TestStores;
import dev.socialbridge.connector.Connectors;
import dev.socialbridge.connector.spi.Connector;
import dev.socialbridge.outbox.OutboxStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.connector.spi.AuthorAudienceLookup;
import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.connector.spi.InteractionFetcher;
import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.connector.spi.PlatformClient;
import dev.socialbridge.inbox.InboxItem;
import dev.socialbridge.inbox.InboxStore;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.outbox.OutboxItem;
import dev.socialbridge.outbox.OutboxStatus;
import dev.socialbridge.store.Database;
import dev.socialbridge.support.Json;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The platform outbox's lookups: an @mention's text, an author's follower count; nothing is ever lost. */
class PlatformLookupsTest {
    private Database db;
    private InboxStore inbox;
    private AuthorAudienceStore audiences;
    private AccountStatusStore accounts;
    private PlatformCommandHandler handler;
    private final FakeClient client = new FakeClient();

    @BeforeEach
    void open() {
        db = TestStores.open("lookups");
        inbox = new InboxStore(db);
        audiences = new AuthorAudienceStore(db);
        accounts = new AccountStatusStore(db);
        handler = new PlatformCommandHandler(Connectors.of(List.of(client)), accounts, new ThreadStore(db),
                new SentMessageStore(db), new OutboxStore(db), inbox, audiences,
                new SlaClocks(new dev.socialbridge.sla.SlaStore(db), dev.socialbridge.sla.SlaPolicy.aroundTheClock(),
                        dev.socialbridge.descriptor.DescriptorLoader.fromClasspath()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Interaction comment(String handle) {
        return new Interaction(Platform.INSTAGRAM, InteractionKind.COMMENT, "acct", "instagram:comment:acct:c1", "c1",
                null, "m1", new Author("u1", handle, null, null, false), "on pourrait collaborer ?", List.of(), null,
                null, Instant.parse("2026-11-22T10:00:00Z"), false, null, null, 0L);
    }

    private static Interaction mention() {
        return new Interaction(Platform.INSTAGRAM, InteractionKind.MENTION, "acct", "instagram:mention:acct:c9", "c9",
                null, "m9", Author.of("unknown"), "", List.of(), null, null, Instant.parse("2026-11-22T10:00:00Z"),
                false, null, null, 0L);
    }

    private static OutboxItem item(String type, Object payload, int attempts, Instant createdAt) {
        return new OutboxItem(1, "k", "lane|platform", "platform", type, Json.write(payload), OutboxStatus.PENDING,
                attempts, createdAt, null, null, createdAt);
    }

    private DeliveryResult lookUp(String handle) {
        return handler.handle(item(LookUpAuthorCommand.TYPE, new LookUpAuthorCommand("k#audience-" + handle, comment(handle)),
                0, Instant.now()));
    }

    private List<Interaction> queued() {
        return inbox.pending(10).stream().map(InboxItem::interactionJson).map(j -> Json.read(j, Interaction.class)).toList();
    }

    private Optional<AuthorAudienceStore.Audience> cached(String handle) {
        return db.inTransaction(c -> audiences.find(c, Platform.INSTAGRAM, handle, Instant.EPOCH));
    }

    @Test
    void foundFollowerCountIsCachedAndTheInteractionGoesOnWithIt() {
        client.audience.add(new AuthorAudienceLookup.AudienceResult.Found(248_712));
        assertInstanceOf(DeliveryResult.Delivered.class, lookUp("lea.influence"));
        assertEquals(248_712L, queued().get(0).author().followerCount());
        assertEquals(248_712L, cached("lea.influence").orElseThrow().followers());
        assertEquals(InboxStore.FETCH_SOURCE, inbox.pending(1).get(0).source());
    }

    @Test
    void anAuthorWithoutDataIsCachedAsSuchAndGoesOnWithoutACount() {
        client.audience.add(new AuthorAudienceLookup.AudienceResult.Unavailable("not a business account"));
        assertInstanceOf(DeliveryResult.Delivered.class, lookUp("lea.influence"));
        assertNull(queued().get(0).author().followerCount());
        assertTrue(cached("lea.influence").isPresent());
        assertNull(cached("lea.influence").get().followers());
    }

    @Test
    void aFailedLookupIsNotRetriedAndTheInteractionGoesOnWithoutACount() {
        client.audience.add(new AuthorAudienceLookup.AudienceResult.NotLookedUp(new DeliveryResult.Retry("HTTP 500", null)));
        assertInstanceOf(DeliveryResult.Delivered.class, lookUp("lea.influence"));
        assertEquals(1, queued().size());
        assertNull(queued().get(0).author().followerCount());
        assertTrue(cached("lea.influence").isEmpty(), "a failed lookup is not cached: the next message tries again");
    }

    @Test
    void aRateLimitPausesLookupsForTheTimeThePlatformAsks() {
        client.audience.add(new AuthorAudienceLookup.AudienceResult.NotLookedUp(
                new DeliveryResult.Retry("rate limited", java.time.Duration.ofMinutes(10))));
        client.audience.add(new AuthorAudienceLookup.AudienceResult.Found(1));
        assertInstanceOf(DeliveryResult.Delivered.class, lookUp("lea.influence"));
        assertInstanceOf(DeliveryResult.Delivered.class, lookUp("marc.studio"));
        assertEquals(1, client.audience.size(), "no call while paused");
        assertEquals(2, queued().size());
    }

    @Test
    void aRejectedTokenFlagsTheAccountAndLetsTheInteractionGoOn() {
        client.audience.add(new AuthorAudienceLookup.AudienceResult.NotLookedUp(
                new DeliveryResult.AccountInvalid("access token rejected")));
        assertInstanceOf(DeliveryResult.Delivered.class, lookUp("lea.influence"));
        assertEquals(1, queued().size());
        assertTrue(accounts.invalidAccounts().containsKey("acct"));
    }

    @Test
    void aFetchedMentionIsQueuedAndAFailedFetchIsLeftToTheOutbox() {
        Interaction complete = new Interaction(Platform.INSTAGRAM, InteractionKind.MENTION, "acct",
                "instagram:mention:acct:c9", "c9", null, "m9", new Author("u9", "claire", null, null, false),
                "@acme c'est combien ?", List.of(), null, null, Instant.parse("2026-11-22T10:00:00Z"), false, null, null, 0L);
        client.fetches.add(new InteractionFetcher.FetchResult.NotFetched(new DeliveryResult.Retry("timeout", null)));
        client.fetches.add(new InteractionFetcher.FetchResult.Fetched(complete));
        OutboxItem fetch = item(FetchInteractionCommand.TYPE, new FetchInteractionCommand("k#fetched", mention()), 0,
                Instant.now());

        assertInstanceOf(DeliveryResult.Retry.class, handler.handle(fetch));
        assertTrue(queued().isEmpty());
        assertInstanceOf(DeliveryResult.Delivered.class, handler.handle(fetch));
        assertEquals("@acme c'est combien ?", queued().get(0).text());
    }

    /** An Instagram connector whose client answers lookups from queues. */
    private static final class FakeClient implements Connector, PlatformClient, InteractionFetcher, AuthorAudienceLookup {
        final Deque<AudienceResult> audience = new ArrayDeque<>();
        final Deque<FetchResult> fetches = new ArrayDeque<>();

        @Override
        public DeliveryResult deliver(OutboundAction action) {
            return new DeliveryResult.Delivered(null);
        }

        @Override
        public boolean canFetch(Interaction partial) {
            return partial.kind() == InteractionKind.MENTION && partial.text().isBlank();
        }

        @Override
        public boolean needsFetch(Interaction interaction) {
            return canFetch(interaction);
        }

        @Override
        public String id() {
            return "fake";
        }

        @Override
        public java.util.Set<Platform> platforms() {
            return java.util.Set.of(Platform.INSTAGRAM);
        }

        @Override
        public java.util.Optional<dev.socialbridge.connector.spi.WebhookIngress> webhookIngress() {
            return java.util.Optional.empty();
        }

        @Override
        public dev.socialbridge.connector.spi.WebhookParser parser() {
            return (body, endpoint) -> List.of();
        }

        @Override
        public PlatformClient client() {
            return this;
        }

        @Override
        public java.util.Set<String> ownAccountIds() {
            return java.util.Set.of();
        }

        @Override
        public dev.socialbridge.connector.spi.ActionPolicy actionPolicy() {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.Optional<InteractionFetcher> interactionFetcher() {
            return java.util.Optional.of(this);
        }

        @Override
        public java.util.Optional<AuthorAudienceLookup> audienceLookup() {
            return java.util.Optional.of(this);
        }

        @Override
        public FetchResult fetch(Interaction partial) {
            return fetches.poll();
        }

        @Override
        public boolean canLookUp(Interaction interaction) {
            return interaction.author().handle() != null;
        }

        @Override
        public AudienceResult lookUp(Interaction interaction) {
            return audience.poll();
        }
    }
}
