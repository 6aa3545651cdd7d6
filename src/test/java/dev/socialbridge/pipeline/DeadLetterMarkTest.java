package dev.socialbridge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.connector.Connectors;
import dev.socialbridge.descriptor.FieldKeys;
import dev.socialbridge.inbox.InboxStore;
import dev.socialbridge.outbox.OutboxCommand;
import dev.socialbridge.outbox.OutboxItem;
import dev.socialbridge.outbox.OutboxStatus;
import dev.socialbridge.outbox.OutboxStore;
import dev.socialbridge.store.Database;
import dev.socialbridge.store.TestStores;
import dev.socialbridge.support.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A reply or moderation action given up for good marks the thread's ticket, which the admins' saved search lists. */
class DeadLetterMarkTest {
    private Database db;
    private OutboxStore outbox;
    private PlatformCommandHandler handler;

    @BeforeEach
    void open() {
        db = TestStores.open("deadmark");
        outbox = new OutboxStore(db);
        InboxStore inbox = new InboxStore(db);
        handler = new PlatformCommandHandler(Connectors.of(List.of()), new AccountStatusStore(db), new ThreadStore(db),
                new SentMessageStore(db), outbox, inbox, new AuthorAudienceStore(db),
                new SlaClocks(new dev.socialbridge.sla.SlaStore(db), dev.socialbridge.sla.SlaPolicy.aroundTheClock(),
                        dev.socialbridge.descriptor.DescriptorLoader.fromClasspath()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aDeadReplyMarksItsTicketOnceWithHowToRetry() {
        OutboxItem reply = item(PlatformCommandHandler.REPLY, "instagram:t1|platform");

        handler.dead(reply, "attempts exhausted: HTTP 500");
        handler.dead(reply, "attempts exhausted: HTTP 500");

        List<OutboxItem> host = outbox.all(10).stream().filter(i -> i.target().equals(OutboxCommand.HOST)).toList();
        assertEquals(1, host.size(), host::toString);
        assertEquals("instagram:t1|host", host.get(0).lane());
        HostUpdateCommand cmd = Json.read(host.get(0).payloadJson(), HostUpdateCommand.class);
        assertEquals("instagram:t1", cmd.threadKey());
        assertEquals(FieldKeys.DEAD_LETTERED, cmd.update().fields().get(FieldKeys.DELIVERY_STATUS));
        assertTrue(cmd.note().contains("dead-letters --retry 7"), cmd.note());
    }

    @Test
    void aDeadLookupOrAcknowledgementMarksNothing() {
        handler.dead(item(LookUpProfileCommand.TYPE, "instagram:t1|platform"), "gone");
        handler.dead(item(PlatformCommandHandler.ACKNOWLEDGE, "instagram:t1|platform"), "gone");

        assertEquals(List.of(), outbox.all(10));
    }

    private static OutboxItem item(String type, String lane) {
        return new OutboxItem(7, "k7", lane, OutboxCommand.PLATFORM, type, "{}", OutboxStatus.DEAD, 5, Instant.now(),
                "gone", null, Instant.now());
    }
}
