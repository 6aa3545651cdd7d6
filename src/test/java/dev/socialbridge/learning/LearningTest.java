package dev.socialbridge.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.classify.SocialClassifier;
import dev.socialbridge.classify.train.LabelledRow;
import dev.socialbridge.store.Database;
import dev.socialbridge.store.TestStores;
import dev.socialbridge.support.MovingClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Learning from labelled examples end to end on a real store: a brand's own vocabulary the shipped model does not
 * know is learnt, the model switches only when it is better, and a rollback returns to the previous one. Trained on a
 * tenth of the shipped data so that each training takes about a second.
 */
class LearningTest {
    private static SocialClassifier shipped;
    private static List<LabelledRow> base;

    private Database db;
    private ModelStore models;
    private CorrectionStore corrections;
    private ActiveClassifier active;
    private Learning learning;
    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-07T10:00:00Z"));

    @BeforeAll
    static void data() {
        shipped = SocialClassifier.loadDefault();
        List<LabelledRow> all = LabelledLines.shipped();
        base = IntStream.range(0, all.size()).filter(i -> i % 10 == 0).mapToObj(all::get).toList();
    }

    @BeforeEach
    void open() {
        db = TestStores.open("learning");
        models = new ModelStore(db);
        corrections = new CorrectionStore(db);
        active = new ActiveClassifier(shipped);
        learning = new Learning(corrections, models, active, new Learner(Learner.Settings.DEFAULT), () -> base, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Messages about the brand's "Zorblax" loyalty card, which this brand files as sales leads. */
    private static List<LabelledRow> zorblax() {
        String[] texts = {"ma carte zorblax marche en boutique ?", "je veux la carte zorblax gold",
            "zorblax gold ou zorblax platine ?", "comment avoir zorblax", "la zorblax donne quoi comme points",
            "zorblax dispo pour les pros ?", "je prends la zorblax", "zorblax en ligne possible",
            "zorblax pour ma femme aussi", "combien de points avec zorblax", "zorblax card in store?",
            "I want the zorblax gold card", "zorblax platinum please", "how do I get zorblax",
            "zorblax for business accounts?", "can my husband get zorblax too", "zorblax points per euro",
            "signing up for zorblax today", "zorblax welcome bonus?", "upgrade me to zorblax gold"};
        List<LabelledRow> rows = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            rows.add(new LabelledRow("z" + i, texts[i], i < 10 ? "fr" : "en", "sales_lead", "", "brand"));
        }
        return rows;
    }

    @Test
    void aBrandsOwnVocabularyIsLearntAndTheNewModelServesAtOnceThenARollbackGoesBack() {
        String probe = "et le zorblax de mon fils";
        assertNotEquals("sales_lead", shipped.classify(probe).intent(), "the shipped model does not know the word");
        assertEquals(20, learning.importRows(zorblax(), "brand.jsonl"));

        Learning.Outcome o = learning.learn();
        assertTrue(o.result().better(), o.result().summary());
        assertTrue(o.result().candidate().accuracy() > o.result().current().accuracy(), o.result().summary());
        assertTrue(o.version().startsWith("local-1-"), o.version());
        assertEquals(o.version(), active.version(), "the new model is in use at once");
        assertEquals(java.util.Optional.of(o.version()), models.currentVersion());
        assertEquals("sales_lead", active.classify(probe).intent(), "a message it never saw, in the learnt vocabulary");
        assertEquals(base.size() + 20 * 3, o.result().trainedRows(), "each example counts three times");

        // another instance reading the store follows the same model
        ActiveClassifier other = new ActiveClassifier(shipped);
        assertTrue(other.follow(models));
        assertEquals(o.version(), other.version());
        assertEquals("sales_lead", other.classify(probe).intent());

        assertEquals(java.util.Optional.of(dev.socialbridge.learning.ModelVersion.shipped()), learning.rollback());
        assertEquals(ModelVersion.shipped(), active.version());
        assertNotEquals("sales_lead", active.classify(probe).intent());
        assertEquals(ModelStore.RETIRED, models.list().get(0).state());
        assertEquals(java.util.Optional.empty(), learning.rollback(), "nothing left to roll back");
    }

    @Test
    void aModelThatIsNotBetterIsRecordedButNotUsed() {
        learning.importRows(zorblax(), "brand.jsonl");
        String first = learning.learn().version();
        clock.advance(java.time.Duration.ofMinutes(1));
        Learning.Outcome again = learning.learn();
        assertFalse(again.result().better(), "the current model already gets every example right: "
                + again.result().summary());
        assertEquals(first, active.version());
        assertEquals(ModelStore.REJECTED, models.list().get(0).state());
        assertTrue(models.list().get(0).note().contains("keeping the current model"), models.list().get(0).note());

        // rolling back from the first local model returns to the shipped one, not to the rejected candidate
        assertEquals(java.util.Optional.of(ModelVersion.shipped()), learning.rollback());
    }

    @Test
    void rollingBackTwoModelsReturnsToTheEarlierOne() {
        learning.importRows(zorblax(), "brand.jsonl");
        String first = learning.learn().version();
        // this brand's customers write "quorvex" to ask for their money back: the first local model does not know it
        List<LabelledRow> quorvex = new ArrayList<>();
        String[] texts = {"quorvex svp", "quorvex pour la commande 12", "je demande un quorvex", "quorvex merci",
            "un quorvex pour ma soeur", "quorvex please", "quorvex for order 88", "I want a quorvex", "quorvex asap",
            "quorvex on my last order"};
        for (int i = 0; i < texts.length; i++) {
            quorvex.add(new LabelledRow("q" + i, texts[i], i < 5 ? "fr" : "en", "refund_cancel", "", "brand"));
        }
        learning.importRows(quorvex, "more.jsonl");
        clock.advance(java.time.Duration.ofMinutes(1));
        Learning.Outcome second = learning.learn();
        assertTrue(second.result().better(), second.result().summary());
        assertEquals(second.version(), active.version());
        assertEquals("refund_cancel", active.classify("quorvex pour mon colis").intent());
        assertEquals(java.util.Optional.of(first), learning.rollback());
        assertEquals(first, active.version());
    }

    @Test
    void tooFewExamplesTrainNothing() {
        learning.importRows(zorblax().subList(0, 5), "few.jsonl");
        Learning.Outcome o = learning.learn();
        assertNull(o.version());
        assertNull(o.result().model());
        assertTrue(o.result().summary().contains("not enough intent examples to learn from: 5 (at least 10)"),
                o.result().summary());
        assertTrue(models.list().isEmpty());
        assertEquals(ModelVersion.shipped(), active.version());
    }

    @Test
    void importedRowsWithASentimentAreSentimentExamplesToo() {
        learning.importRows(List.of(new LabelledRow("a", "super service", "fr", "praise", "positive", "x"),
                new LabelledRow("b", "ok", "fr", "other", "", "x")), "s.jsonl");
        assertEquals(2, corrections.examples(CorrectionStore.INTENT).size());
        assertEquals(1, corrections.examples(CorrectionStore.SENTIMENT).size());
        assertEquals(java.util.Map.of("intent/import", 2L, "sentiment/import", 1L), corrections.counts());
    }
}
