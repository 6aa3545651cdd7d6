package dev.socialbridge.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.classify.Classification;
import dev.socialbridge.host.spi.HostEvent;
import dev.socialbridge.host.spi.TicketRef;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.pipeline.ModerationStore;
import dev.socialbridge.store.Database;
import dev.socialbridge.store.TestStores;
import dev.socialbridge.support.MovingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Agents' corrections recorded from host events, and the quality figures computed from them. */
class CorrectionsTest {
    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    static final String THREAD = "instagram:comment:acc:c1";
    static final TicketRef TICKET = new TicketRef("7", "http://rt/Ticket/Display.html?id=7");

    private Database db;
    private CorrectionStore corrections;
    private ClassifiedMessages messages;
    private CorrectionRecorder recorder;
    private final MovingClock clock = new MovingClock(T0);

    @BeforeEach
    void open() {
        db = TestStores.open("corrections");
        corrections = new CorrectionStore(db);
        messages = new ClassifiedMessages(db);
        recorder = new CorrectionRecorder(corrections, messages);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void classified(String thread, String text, String intent, Instant at) {
        db.inTransaction(c -> {
            messages.record(c, thread, "m-" + at.getEpochSecond(), text, new Classification("fr", intent, 0.61, "neutral", 0),
                    "shipped-abc", at);
            return null;
        });
    }

    private boolean changed(long position, String field, String from, String to) {
        return db.inTransaction(c -> recorder.labelChanged(c,
                new HostEvent.LabelCorrected(position, TICKET, field, from, to, "agent.smith", T0.plusSeconds(60)), THREAD));
    }

    @Test
    void anAgentsChangeLabelsTheThreadsLatestMessageOnceWithTheModelsOldLabel() {
        classified(THREAD, "premier message", "question", T0);
        classified(THREAD, "vous êtes des escrocs, je vais vous retrouver", "question", T0.plusSeconds(10));
        assertTrue(changed(101, CorrectionStore.INTENT, "question", "toxic"));
        assertFalse(changed(101, CorrectionStore.INTENT, "question", "toxic"), "the same host transaction read again");
        assertTrue(changed(102, CorrectionStore.SENTIMENT, "neutral", "negative"));

        List<CorrectionStore.Correction> intents = corrections.examples(CorrectionStore.INTENT);
        assertEquals(1, intents.size());
        CorrectionStore.Correction x = intents.get(0);
        assertEquals("vous êtes des escrocs, je vais vous retrouver", x.text(), "the latest message, not the first");
        assertEquals("question", x.oldValue());
        assertEquals("toxic", x.newValue());
        assertEquals("agent.smith", x.author());
        assertEquals("shipped-abc", x.modelVersion());
        assertEquals("fr", x.lang());
        assertEquals(CorrectionStore.FROM_AGENT, x.source());
        assertEquals("negative", corrections.examples(CorrectionStore.SENTIMENT).get(0).newValue());
    }

    @Test
    void aSecondCorrectionOfTheSameMessageReplacesTheFirstAsExample() {
        classified(THREAD, "c'est quand la livraison", "other", T0);
        changed(201, CorrectionStore.INTENT, "other", "question");
        changed(202, CorrectionStore.INTENT, "question", "support");
        List<CorrectionStore.Correction> intents = corrections.examples(CorrectionStore.INTENT);
        assertEquals(1, intents.size());
        assertEquals("support", intents.get(0).newValue(), "the agent's last word");
    }

    @Test
    void aClearedOrUnchangedValueOrAnUnknownThreadTeachesNothing() {
        assertFalse(changed(301, CorrectionStore.INTENT, "other", "complaint"), "no classified message for the thread");
        classified(THREAD, "bonjour", "other", T0);
        assertFalse(changed(302, CorrectionStore.INTENT, "other", ""), "cleared");
        assertFalse(changed(303, CorrectionStore.INTENT, "other", "other"), "unchanged");
        assertTrue(corrections.examples(CorrectionStore.INTENT).isEmpty());
    }

    @Test
    void anUnhideIsRecordedAgainstTheLabelTheCommentWasHiddenFor() {
        classified(THREAD, "trop bien ce live !!! 🔥🔥", "spam", T0);
        boolean recorded = db.inTransaction(c -> recorder.unhidden(c, new HostEvent.ModerationRequested(401, TICKET,
                "unhide", "agent.smith", T0.plusSeconds(30)), THREAD));
        assertTrue(recorded);
        CorrectionStore.Correction x = corrections.examples(CorrectionStore.UNHIDE).get(0);
        assertEquals("spam", x.oldValue());
        assertNull(x.newValue());
        assertTrue(corrections.examples(CorrectionStore.INTENT).isEmpty(), "an unhide names no intent to learn");
    }

    @Test
    void qualityCountsOnlyAutomatedHidesAndThreadsInTheWindow() {
        ModerationStore moderation = new ModerationStore(db);
        Interaction[] comments = new Interaction[4];
        for (int i = 0; i < comments.length; i++) {
            comments[i] = new Interaction(Platform.INSTAGRAM, InteractionKind.COMMENT, "acc", "instagram:comment:acc:h" + i,
                    "h" + i, null, null, Author.of("u" + i), "text " + i, List.of(), null, null, T0, false, null, null, 0);
            Interaction comment = comments[i];
            db.inTransaction(c -> {
                moderation.recordHidden(c, comment, "spam", T0);
                return null;
            });
        }
        db.inTransaction(c -> {
            moderation.recordHiddenByAgent(c, "instagram:comment:acc:x", Platform.INSTAGRAM, "acc", "x", "spam", "agent", T0);
            moderation.markUndone(c, moderation.stillHidden(c, "instagram:comment:acc:h0").get(0).id(), T0.plusSeconds(5));
            moderation.markUndone(c, moderation.stillHidden(c, "instagram:comment:acc:x").get(0).id(), T0.plusSeconds(5));
            return null;
        });
        for (int i = 0; i < 10; i++) {
            classified("instagram:comment:acc:t" + i, "message " + i, "other", T0);
        }
        classified(THREAD, "vieux message", "other", T0.minus(Duration.ofDays(40)));
        db.inTransaction(c -> {
            recorder.labelChanged(c, new HostEvent.LabelCorrected(501, TICKET, "intent", "other", "support", "a", T0),
                    "instagram:comment:acc:t1");
            return null;
        });
        ModelStore models = new ModelStore(db);
        ClassifierQuality quality = new ClassifierQuality(moderation, messages, corrections, models,
                new ActiveClassifier(dev.socialbridge.classify.SocialClassifier.loadDefault()), clock);
        ClassifierQuality.Report r = quality.report(Duration.ofDays(30));
        assertEquals(4, r.moderation().automatedHides(), "the agent's own hide is not automation's");
        assertEquals(1, r.moderation().undoneByAgents());
        assertEquals(0.25, r.moderation().falsePositiveRate(), 1e-9);
        assertEquals(10, r.tagging().classifiedThreads(), "the thread last classified 40 days ago is outside");
        assertEquals(1, r.tagging().intentCorrected());
        assertEquals(0.9, r.tagging().intentAccuracy(), 1e-9);
        assertEquals(1.0, r.tagging().sentimentAccuracy(), 1e-9);
        assertEquals(ModelVersion.shipped(), r.model());
    }
}
