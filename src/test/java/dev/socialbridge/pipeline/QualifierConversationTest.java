package dev.socialbridge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.connector.Connectors;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.DescriptorLoader;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.leads.AnswerParser;
import dev.socialbridge.leads.LeadScores;
import dev.socialbridge.leads.LeadScoring;
import dev.socialbridge.leads.LeadWeights;
import dev.socialbridge.leads.QualifierFlowParser;
import dev.socialbridge.leads.QualifierFlows;
import dev.socialbridge.leads.QualifierMachine;
import dev.socialbridge.outbox.OutboxItem;
import dev.socialbridge.outbox.OutboxStore;
import dev.socialbridge.sla.SlaPolicy;
import dev.socialbridge.sla.SlaStore;
import dev.socialbridge.sla.calendar.BusinessCalendar;
import dev.socialbridge.sla.calendar.BusinessHours;
import dev.socialbridge.sla.calendar.Holidays;
import dev.socialbridge.store.Database;
import dev.socialbridge.support.Json;
import dev.socialbridge.templates.YamlNodes;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The qualifier flow in the store: a comment's flow answered in the author's conversation; answers on the lead's
 * ticket with their fields and the score, the threshold re-route, asking again, hand-over, STOP and the timeout.
 */
class QualifierConversationTest {
    private static final Descriptor DESCRIPTOR = DescriptorLoader.fromClasspath();
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final String COMMENT_THREAD = "instagram:comment:acc:c1";
    private static final String DM_THREAD = "instagram:dm:acc:u1";
    private static final String FLOWS = """
            flows:
              lead:
                steps:
                  - {id: need, type: text, en: "What do you need?"}
                  - {id: quantity, type: quantity, en: "How many?", quickReplies: ["10", "100"]}
                  - {id: contact, type: contact, en: "Your email or phone?"}
                thanks: {en: "Thanks!"}
            """;

    private Database db;
    private OutboxStore outbox;
    private ThreadStore threads;
    private QualifierConversation qualifier;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:qualifier-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", null, null, 2);
        outbox = new OutboxStore(db);
        threads = new ThreadStore(db);
        List<String> problems = new ArrayList<>();
        JsonNode root = YamlNodes.read("t.yaml", new ByteArrayInputStream(FLOWS.getBytes(StandardCharsets.UTF_8)), problems);
        QualifierFlows flows = new QualifierFlowParser("t.yaml", problems).parse(root.path("flows"));
        assertEquals(List.of(), problems);
        SlaClocks sla = new SlaClocks(new SlaStore(db), new SlaPolicy(new BusinessCalendar(ZoneId.of("Europe/Paris"),
                BusinessHours.parse("h", "24/7"), Holidays.none()), 75, Set.of(), false), DESCRIPTOR);
        // a hot threshold of 60: a buying comment (27) and three answers with an e-mail (40) cross it
        LeadScores scores = new LeadScores(new LeadScoring(new LeadWeights(30, 15, 10, 10, 5, 2, 10, 60)));
        qualifier = new QualifierConversation(flows, new QualifierMachine(new AnswerParser("33")), scores,
                new LeadRouting(DESCRIPTOR, threads, outbox, sla, "general", 60), threads, outbox, new AuditStore(db),
                Connectors.unconfigured().actionPolicy(), Duration.ofHours(24));
        // the buying comment: scored, ticketed in general, and the flow started
        db.inTransaction(c -> {
            Interaction comment = interaction(InteractionKind.COMMENT, COMMENT_THREAD, "c1", "I want to buy", T0);
            threads.recordMessage(c, comment, ThreadState.fresh(COMMENT_THREAD), "general", 1, null, null, "automated");
            scores.update(c, COMMENT_THREAD, s -> scores.scoring().onMessage(s,
                    new LeadScoring.Message("sales_lead", 0.9, null, 0, null, 1)), T0);
            qualifier.start(c, comment, new AutomationOutcome.Qualify("lead", "en"), T0);
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Interaction interaction(InteractionKind kind, String thread, String id, String text, Instant at) {
        return new Interaction(Platform.INSTAGRAM, kind, "acc", thread, id, null, null, Author.of("u1"), text, List.of(),
                null, null, at, false, null, null, 0);
    }

    private boolean answer(String id, String text, Instant at) {
        return db.inTransaction(c -> qualifier.takeAnswer(c, interaction(InteractionKind.DM, DM_THREAD, id, text, at),
                "key-" + id, at));
    }

    private List<OutboxItem> commands(String keyPart) {
        return outbox.all(500).stream().filter(i -> i.dedupeKey().contains(keyPart)).toList();
    }

    private String payload(String key) {
        List<OutboxItem> items = commands(key);
        assertEquals(1, items.size(), key + " in " + outbox.all(500).stream().map(OutboxItem::dedupeKey).toList());
        return items.get(0).payloadJson();
    }

    @Test
    void eachAnswerGoesToTheLeadsTicketWithItsFieldsAndTheNextQuestion() {
        assertTrue(answer("m1", "Scented candles", T0.plusSeconds(60)));

        HostMessageCommand msg = Json.read(payload("key-m1#host"), HostMessageCommand.class);
        assertEquals(COMMENT_THREAD, msg.threadKey(), "on the lead's ticket, not a new one for the DM thread");
        assertEquals("Scented candles", msg.text());
        HostUpdateCommand fields = Json.read(payload("key-m1#fields"), HostUpdateCommand.class);
        assertEquals("Scented candles", fields.update().fields().get("lead_need"));
        assertEquals("in_progress", fields.update().fields().get("qualifier_status"));
        assertEquals("intent buy 0.90 → +27; answers 1 → +10 = 37", fields.update().fields().get("lead_score_breakdown"));
        assertEquals(0, commands("key-m1#hot").size());
        assertTrue(payload("key-m1#reply").contains("How many?"));
        assertTrue(commands("key-m1#reply").get(0).lane().startsWith(DM_THREAD), "asked in the conversation");

        assertTrue(answer("m2", "200", T0.plusSeconds(120)));
        assertTrue(answer("m3", "me@example.com", T0.plusSeconds(180)));
        HostUpdateCommand last = Json.read(payload("key-m3#fields"), HostUpdateCommand.class);
        assertEquals("me@example.com", last.update().fields().get("lead_email"));
        assertEquals("answered", last.update().fields().get("qualifier_status"));
        assertEquals("67", last.update().fields().get("lead_score"));
        assertTrue(payload("key-m3#reply").contains("Thanks!"));
        // 67 ≥ 60: to Social Hot Leads, once, with the breakdown in the note
        HostUpdateCommand hot = Json.read(payload("key-m3#hot"), HostUpdateCommand.class);
        assertEquals("hot_leads", hot.update().queueKey());
        assertTrue(hot.note().startsWith("Lead score 67 reached the hot threshold (60): intent buy 0.90 → +27;"), hot.note());
        assertTrue(db.inTransaction(c -> threads.thread(c, COMMENT_THREAD)).queueKey().equals("hot_leads"));

        assertFalse(answer("m4", "and one more thing", T0.plusSeconds(240)), "the flow is over: handled as usual");
    }

    @Test
    void anAnswerThatDoesNotParseIsAskedAgainOnceThenKept() {
        answer("m1", "Candles", T0.plusSeconds(60));
        assertTrue(answer("m2", "lots", T0.plusSeconds(120)));
        assertTrue(payload("key-m2#reply").contains("A number is enough, e.g. 200. How many?"));
        assertEquals(0, commands("key-m2#fields").size(), "nothing recorded yet");

        assertTrue(answer("m3", "really lots", T0.plusSeconds(180)));
        HostUpdateCommand kept = Json.read(payload("key-m3#fields"), HostUpdateCommand.class);
        assertEquals("really lots", kept.update().fields().get("lead_quantity"));
        assertTrue(kept.note().contains("kept as written"), kept.note());
        assertTrue(payload("key-m3#reply").contains("Your email or phone?"));
    }

    @Test
    void askingForAPersonHandsTheLeadsThreadOver() {
        answer("m1", "Candles", T0.plusSeconds(60));
        assertTrue(answer("m2", "je veux un conseiller", T0.plusSeconds(120)));

        HostUpdateCommand over = Json.read(payload("key-m2#handover"), HostUpdateCommand.class);
        assertEquals("handed_over", over.update().fields().get("qualifier_status"));
        assertEquals("handed_off", over.update().fields().get("automation_status"));
        assertTrue(over.note().contains("asked for a person at question 2 of 3 (quantity)"), over.note());
        assertNotNull(db.inTransaction(c -> threads.thread(c, COMMENT_THREAD)).humanSince());
        assertTrue(payload("key-m2#reply").contains("Connecting you with a member of our team."));
        assertFalse(answer("m3", "200", T0.plusSeconds(180)), "the flow is over");
    }

    @Test
    void stopEndsTheFlowAndLeavesTheMessageToTheUsualOptOut() {
        assertFalse(answer("m1", "STOP", T0.plusSeconds(60)));

        assertEquals(0, commands("key-m1#reply").size());
        List<OutboxItem> closed = commands("#stopped");
        assertEquals(1, closed.size());
        assertTrue(closed.get(0).payloadJson().contains("the customer opted out at question 1 of 3 (need)"));
        assertFalse(answer("m2", "Candles", T0.plusSeconds(120)));
    }

    @Test
    void anUnansweredFlowIsClosedAfterTheTimeoutWithANote() {
        assertEquals(0, (int) db.inTransaction(c -> qualifier.expire(c, T0.plus(Duration.ofHours(23)))));
        assertEquals(1, (int) db.inTransaction(c -> qualifier.expire(c, T0.plus(Duration.ofHours(25)))));

        HostUpdateCommand note = Json.read(commands("#timeout").get(0).payloadJson(), HostUpdateCommand.class);
        assertEquals(COMMENT_THREAD, note.threadKey());
        assertEquals("timeout", note.update().fields().get("qualifier_status"));
        assertEquals("Qualifier lead closed: no answer to question 1 of 3 (need) within PT24H.", note.note());
        assertEquals(0, (int) db.inTransaction(c -> qualifier.expire(c, T0.plus(Duration.ofHours(26)))), "once");
        assertFalse(answer("m1", "Candles", T0.plus(Duration.ofHours(26))));
    }

    @Test
    void anAgentsReplyAfterTheQuestionEndsTheFlow() {
        db.inTransaction(c -> {
            threads.recordAgentReply(c, COMMENT_THREAD, T0.plusSeconds(30));
            return null;
        });
        assertFalse(answer("m1", "Candles", T0.plusSeconds(60)), "the message goes to the agent's conversation");

        HostUpdateCommand note = Json.read(commands("#handed_over").get(0).payloadJson(), HostUpdateCommand.class);
        assertTrue(note.note().startsWith("Qualifier lead closed: an agent answered the customer"), note.note());
    }

    @Test
    void aLateAnswerFindsTheFlowTimedOut() {
        assertFalse(answer("m1", "Candles", T0.plus(Duration.ofHours(25))));
        assertEquals(1, commands("#timeout").size());
    }

    @Test
    void aLeadWithoutTicketGetsOneWithItsFirstAnswer() {
        String thread = "instagram:dm:acc:u2";
        Interaction first = new Interaction(Platform.INSTAGRAM, InteractionKind.DM, "acc", thread, "d1", null, null,
                Author.of("u2"), "buy", List.of(), null, null, T0, false, null, null, 0);
        db.inTransaction(c -> {
            threads.recordMessage(c, first, ThreadState.fresh(thread), null, 1, null, null, "automated");
            qualifier.start(c, first, new AutomationOutcome.Qualify("lead", "en"), T0);
            return null;
        });
        Interaction answer = new Interaction(Platform.INSTAGRAM, InteractionKind.DM, "acc", thread, "d2", null, null,
                Author.of("u2"), "Candles", List.of(), null, null, T0.plusSeconds(60), false, null, null, 0);
        boolean taken = db.inTransaction(c -> qualifier.takeAnswer(c, answer, "key-d2", T0.plusSeconds(60)));
        assertTrue(taken);

        HostMessageCommand msg = Json.read(payload("key-d2#host"), HostMessageCommand.class);
        assertEquals("general", msg.queueKey());
        assertEquals(thread, msg.fields().get("thread_key"), "the ticket it creates can be found again");
        assertEquals("general", db.inTransaction(c -> threads.thread(c, thread)).queueKey());
    }

    @Test
    void aPublicCommentIsNeverAnAnswer() {
        boolean taken = db.inTransaction(c -> qualifier.takeAnswer(c, interaction(InteractionKind.COMMENT, COMMENT_THREAD,
                "c2", "Candles", T0.plusSeconds(60)), "key-c2", T0.plusSeconds(60)));
        assertFalse(taken);
    }
}
