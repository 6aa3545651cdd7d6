package dev.socialbridge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.attribution.UtmParameters;
import dev.socialbridge.host.spi.ContactUpsert;
import dev.socialbridge.inbox.InboxItem;
import dev.socialbridge.inbox.InboxStatus;
import dev.socialbridge.inbox.InboxStore;
import dev.socialbridge.links.LeadForm;
import dev.socialbridge.links.LeadStore;
import dev.socialbridge.links.LinkStore;
import dev.socialbridge.links.TrackedLink;
import dev.socialbridge.outbox.OutboxItem;
import dev.socialbridge.outbox.OutboxStore;
import dev.socialbridge.store.Database;
import dev.socialbridge.support.Json;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Clicks and form leads through the pipeline: touches, ticket updates and new lead tickets in the outbox. */
class LinkEventsTest {
    private static final String THREAD = "instagram:dm:acct:u1";
    private Database db;
    private InboxStore inbox;
    private OutboxStore outbox;
    private LinkStore links;
    private LinkEvents events;
    private final TouchStore touches = new TouchStore();

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:link-events-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", null, null, 2);
        inbox = new InboxStore(db);
        outbox = new OutboxStore(db);
        links = new LinkStore(db);
        events = new LinkEvents(links, null, new ThreadStore(db), outbox, inbox, "hot_leads");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void thread(String ticketId) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO social_thread (thread_key, platform, account_id,"
                    + " author_id, queue_key, ticket_id, message_count, first_message_at, last_message_at)"
                    + " VALUES (?, 'instagram', 'acct', 'u1', 'hot_leads', ?, 1, ?, ?)")) {
                ps.setString(1, THREAD);
                ps.setString(2, ticketId);
                ps.setTimestamp(3, Database.ts(Instant.now().minusSeconds(60)));
                ps.setTimestamp(4, Database.ts(Instant.now().minusSeconds(60)));
                ps.executeUpdate();
            }
            return null;
        });
    }

    private void processPending() {
        for (InboxItem item : inbox.pending(100)) {
            assertTrue(LinkEvents.handles(item), item.kind());
            events.process(item);
        }
    }

    private static LeadForm lead(String... extra) {
        Map<String, String> f = new HashMap<>(Map.of("email", "lea@example.com", "consent", "true", "name", "Léa",
                "message", "Un devis svp", "utm_campaign", "bf26", "utm_source", "instagram"));
        for (int i = 0; i < extra.length; i += 2) {
            f.put(extra[i], extra[i + 1]);
        }
        return LeadForm.of(f);
    }

    @Test
    void aClickOnAThreadsLinkIsItsLastTouchAndUpdatesItsTicket() {
        thread("42");
        TrackedLink link = new TrackedLink("AbCdE12345", "https://shop.example.com/", "bf26",
                new UtmParameters("instagram", "social_dm", "bf26", null, null), null, "instagram", THREAD, "template",
                Instant.now());
        db.inTransaction(c -> {
            links.mint(c, link);
            return null;
        });
        links.recordClick(link, UtmParameters.none(), null, "safari", Instant.now());
        processPending();
        assertEquals(0, inbox.pending(10).size());
        String last = db.inTransaction(c -> touches.touches(c, THREAD).last().source());
        assertEquals("instagram:link:bf26", last);
        OutboxItem update = outbox.all(10).get(0);
        assertEquals(HostUpdateCommand.TYPE, update.type());
        HostUpdateCommand cmd = Json.read(update.payloadJson(), HostUpdateCommand.class);
        assertEquals("instagram:link:bf26", cmd.update().fields().get("last_touch_source"));
        assertEquals("social_dm", cmd.update().fields().get("utm_medium"));
        assertTrue(cmd.note().startsWith("Link click: instagram link, campaign bf26"), cmd.note());
    }

    @Test
    void aLeadWithoutConversationIsANewTicketInTheLeadsQueueWithTheEmailAsRequestor() {
        LeadStore.Accepted accepted = new LeadStore(db, Duration.ofDays(1)).submit(lead(), Instant.now());
        processPending();
        List<OutboxItem> items = outbox.all(10);
        assertEquals(1, items.size());
        assertEquals(HostMessageCommand.TYPE, items.get(0).type());
        HostMessageCommand msg = Json.read(items.get(0).payloadJson(), HostMessageCommand.class);
        assertEquals("lead:" + accepted.leadId(), msg.threadKey());
        assertEquals("hot_leads", msg.queueKey());
        assertEquals(new ContactUpsert(ContactUpsert.EMAIL, "lea@example.com", null, "Léa"), msg.contact());
        assertEquals("lead:" + accepted.leadId(), msg.fields().get("thread_key"));
        assertEquals("web:form:bf26", msg.fields().get("first_touch_source"));
        assertEquals("bf26", msg.fields().get("campaign_tag"));
        assertEquals("instagram", msg.fields().get("utm_source"));
        assertTrue(msg.text().contains("Consent to be contacted: yes"), msg.text());
        assertTrue(msg.text().contains("Un devis svp"), msg.text());
    }

    @Test
    void aLeadNamingItsConversationUpdatesThatTicket() {
        thread("42");
        new LeadStore(db, Duration.ofDays(1)).submit(lead("conversation", "#42"), Instant.now());
        processPending();
        OutboxItem update = outbox.all(10).get(0);
        assertEquals(HostUpdateCommand.TYPE, update.type());
        assertEquals(THREAD + "|host", update.lane());
        HostUpdateCommand cmd = Json.read(update.payloadJson(), HostUpdateCommand.class);
        assertEquals("instagram:form:bf26", cmd.update().fields().get("last_touch_source"));
        assertTrue(cmd.note().contains("Email: lea@example.com"), cmd.note());
        assertEquals("instagram:form:bf26",
                db.inTransaction(c -> touches.touches(c, THREAD).last().source()));
        assertEquals(InboxStatus.DONE, inbox.byStatus(InboxStatus.DONE, 10).get(0).status());
    }
}
