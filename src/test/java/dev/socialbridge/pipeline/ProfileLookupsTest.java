package dev.socialbridge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.connector.Connectors;
import dev.socialbridge.connector.spi.AuthorProfileLookup;
import dev.socialbridge.connector.spi.AuthorProfileLookup.ProfileResult;
import dev.socialbridge.connector.spi.Connector;
import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.connector.spi.PlatformClient;
import dev.socialbridge.host.spi.ContactUpsert;
import dev.socialbridge.inbox.InboxItem;
import dev.socialbridge.inbox.InboxStore;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.outbox.OutboxItem;
import dev.socialbridge.outbox.OutboxStatus;
import dev.socialbridge.outbox.OutboxStore;
import dev.socialbridge.store.Database;
import dev.socialbridge.store.TestStores;
import dev.socialbridge.support.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Authors' names looked up by the platform outbox: cached (negative entries too, each with its time to live), the
 * interaction always goes on, and a name that comes late reaches the host contact.
 */
class ProfileLookupsTest {
    private static final String PSID = "7010000000000001";

    private Database db;
    private InboxStore inbox;
    private OutboxStore outbox;
    private AuthorProfileStore profiles;
    private PlatformCommandHandler handler;
    private final FakeMessenger messenger = new FakeMessenger();

    @BeforeEach
    void open() {
        db = TestStores.open("profiles");
        inbox = new InboxStore(db);
        outbox = new OutboxStore(db);
        profiles = new AuthorProfileStore(db);
        handler = new PlatformCommandHandler(Connectors.of(List.of(messenger)), new AccountStatusStore(db),
                new ThreadStore(db), new SentMessageStore(db), outbox, inbox, new AuthorAudienceStore(db),
                new SlaClocks(new dev.socialbridge.sla.SlaStore(db), dev.socialbridge.sla.SlaPolicy.aroundTheClock(),
                        dev.socialbridge.descriptor.DescriptorLoader.fromClasspath())).withProfiles(profiles);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Interaction dm() {
        return new Interaction(Platform.MESSENGER, InteractionKind.DM, "100000000000001",
                "messenger:dm:100000000000001:" + PSID, "m_1", null, null, Author.of(PSID), "Bonjour, ma commande ?",
                List.of(), null, null, Instant.parse("2026-11-22T10:00:00Z"), false, null, null, 7L);
    }

    private static OutboxItem item(String type, Object payload, int attempts) {
        return new OutboxItem(1, "k", "lane|platform", "platform", type, Json.write(payload), OutboxStatus.PENDING,
                attempts, Instant.now(), null, null, Instant.now(), 0, false);
    }

    private DeliveryResult lookUp() {
        return handler.handle(item(LookUpProfileCommand.TYPE, new LookUpProfileCommand("k#profile", dm()), 0));
    }

    private List<Interaction> queued() {
        return inbox.pending(10).stream().map(InboxItem::interactionJson).map(j -> Json.read(j, Interaction.class)).toList();
    }

    private Optional<AuthorProfileStore.Profile> cached(Instant at) {
        return db.inTransaction(c -> profiles.find(c, Platform.MESSENGER, PSID, at));
    }

    @Test
    void aFoundNameIsCachedAndTheInteractionGoesOnWithIt() {
        messenger.answers.add(new ProfileResult.Found("Camille Martin", null));
        assertInstanceOf(DeliveryResult.Delivered.class, lookUp());
        assertEquals("Camille Martin", queued().get(0).author().displayName());
        assertEquals("Camille Martin", cached(Instant.now()).orElseThrow().displayName());
        assertTrue(outbox.all(10).isEmpty(), "nothing left to do");
    }

    @Test
    void aRefusalIsCachedAsSuchAndTheInteractionGoesOnWithTheId() {
        messenger.answers.add(new ProfileResult.Unavailable("(#100) No profile available for this user."));
        assertInstanceOf(DeliveryResult.Delivered.class, lookUp());
        assertNull(queued().get(0).author().displayName());
        assertFalse(cached(Instant.now()).orElseThrow().found(), "negative entry");
        assertTrue(outbox.all(10).isEmpty(), "a refusal is not retried");
    }

    @Test
    void aTimeoutLetsTheTicketGoOnWithTheIdAndTheNameComesLaterToTheContact() {
        messenger.answers.add(new ProfileResult.NotLookedUp(new DeliveryResult.Retry("timeout: GET /" + PSID, null)));
        assertInstanceOf(DeliveryResult.Delivered.class, lookUp());
        assertEquals(PSID, queued().get(0).author().id());
        assertNull(queued().get(0).author().displayName(), "the ticket is created with the id");
        assertTrue(cached(Instant.now()).isEmpty(), "a timeout is not cached");

        OutboxItem retry = outbox.all(10).get(0);
        assertEquals(RetryProfileCommand.TYPE, retry.type());
        assertEquals(dm().threadKey() + ProfileLookups.RETRY_LANE, retry.lane(), "its own lane: it holds back no reply");
        assertTrue(retry.nextAttemptAt().isAfter(Instant.now().plusSeconds(30)), "not retried at once");

        messenger.answers.add(new ProfileResult.NotLookedUp(new DeliveryResult.Retry("HTTP 503", null)));
        assertInstanceOf(DeliveryResult.Retry.class, handler.handle(retry), "the outbox retries");
        messenger.answers.add(new ProfileResult.Found("Camille Martin", null));
        assertInstanceOf(DeliveryResult.Delivered.class, handler.handle(retry));
        OutboxItem host = outbox.all(10).stream().filter(o -> o.type().equals(HostProfileCommand.TYPE)).findFirst()
                .orElseThrow();
        assertEquals(dm().threadKey() + "|host", host.lane(), "after the ticket's creation in the thread's host lane");
        assertEquals(new ContactUpsert("messenger", PSID, null, "Camille Martin"),
                Json.read(host.payloadJson(), HostProfileCommand.class).contact());
        assertEquals("Camille Martin", cached(Instant.now()).orElseThrow().displayName());
    }

    @Test
    void retriesStopAfterTheLastAttempt() {
        messenger.answers.add(new ProfileResult.NotLookedUp(new DeliveryResult.Retry("timeout", null)));
        assertInstanceOf(DeliveryResult.Delivered.class, handler.handle(item(RetryProfileCommand.TYPE,
                new RetryProfileCommand(dm()), ProfileLookups.MAX_RETRIES - 1)));
        assertTrue(outbox.all(10).isEmpty());
    }

    @Test
    void aCachedAuthorIsNotAskedAgain() {
        profiles.record(Platform.MESSENGER, PSID, "Camille Martin", null, Instant.now());
        assertInstanceOf(DeliveryResult.Delivered.class, lookUp());
        assertEquals(0, messenger.calls, "answered from the cache");
        assertEquals("Camille Martin", queued().get(0).author().displayName());
    }

    @Test
    void aFoundNameLivesLongerThanARefusal() {
        Instant at = Instant.parse("2026-11-22T10:00:00Z");
        profiles.record(Platform.MESSENGER, PSID, "Camille Martin", null, at);
        assertTrue(cached(at.plus(AuthorProfileStore.FOUND_TTL)).isPresent());
        assertTrue(cached(at.plus(AuthorProfileStore.FOUND_TTL).plusSeconds(1)).isEmpty(), "stale: asked again");

        profiles.record(Platform.MESSENGER, PSID, null, null, at);
        assertTrue(cached(at.plus(AuthorProfileStore.NEGATIVE_TTL)).isPresent());
        assertTrue(cached(at.plus(AuthorProfileStore.NEGATIVE_TTL).plusSeconds(1)).isEmpty());
        assertTrue(AuthorProfileStore.NEGATIVE_TTL.compareTo(AuthorProfileStore.FOUND_TTL) < 0);
        assertTrue(AuthorProfileStore.NEGATIVE_TTL.compareTo(Duration.ofHours(1)) >= 0, "a refusing platform is not hammered");
    }

    @Test
    void lookupsRunOnTheThreadThatHandlesTheOutboxItem() {
        messenger.answers.add(new ProfileResult.Found("Camille Martin", null));
        Thread caller = Thread.currentThread();
        lookUp();
        assertEquals(caller, messenger.thread, "the lookup runs where the outbox handler runs, nowhere else");
    }

    /** A Messenger connector whose profile lookups answer from a queue. */
    private static final class FakeMessenger implements Connector, PlatformClient, AuthorProfileLookup {
        final Deque<ProfileResult> answers = new ArrayDeque<>();
        int calls;
        Thread thread;

        @Override
        public boolean canLookUpProfile(Interaction interaction) {
            return interaction.author().displayName() == null;
        }

        @Override
        public ProfileResult lookUpProfile(Interaction interaction) {
            calls++;
            thread = Thread.currentThread();
            return answers.poll();
        }

        @Override
        public Optional<AuthorProfileLookup> profileLookup() {
            return Optional.of(this);
        }

        @Override
        public DeliveryResult deliver(OutboundAction action) {
            return new DeliveryResult.Delivered(null);
        }

        @Override
        public String id() {
            return "fake";
        }

        @Override
        public java.util.Set<Platform> platforms() {
            return java.util.Set.of(Platform.MESSENGER);
        }

        @Override
        public Optional<dev.socialbridge.connector.spi.WebhookIngress> webhookIngress() {
            return Optional.empty();
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
    }
}
