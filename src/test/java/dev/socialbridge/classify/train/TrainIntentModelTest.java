package dev.socialbridge.classify.train;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainIntentModelTest {
    @Test
    void committedModelsAreExactlyWhatTheCommittedTrainingDataGives() throws IOException {
        List<LabelledRow> rows = TrainIntentModel.readAll(TrainIntentModel.DEFAULT_TRAINING);
        rows = TrainIntentModel.capCorpora(rows, TrainIntentModel.CORPUS_CAP);
        assertArrayEquals(resource("/classify/intent-model.bin"),
                TrainIntentModel.serialize(TrainIntentModel.trainIntents(rows)),
                "intent-model.bin is stale: run scripts/train-classifier.sh");
        assertArrayEquals(resource("/classify/lang-model.bin"),
                TrainIntentModel.serialize(TrainIntentModel.trainLanguages(rows)),
                "lang-model.bin is stale: run scripts/train-classifier.sh");
    }

    @Test
    void trainsOnlyOnShippableSourcesAndOwnExamples() throws IOException {
        List<LabelledRow> rows = TrainIntentModel.readAll(TrainIntentModel.DEFAULT_TRAINING);
        assertFalse(rows.isEmpty());
        for (LabelledRow r : rows) {
            assertTrue(r.source().startsWith("authored-") || ExtractLicensedRows.SHIPPABLE_SOURCES.contains(r.source()),
                    r.id() + " comes from " + r.source());
            assertFalse(r.id().startsWith("dev-") && DevSplit.isHeldBack(r.id()), r.id() + " is a held-back row");
            assertTrue(r.source().startsWith("authored-") || r.id().startsWith("dev-") || r.id().startsWith("lic-"),
                    r.id() + " is neither a dev row, a licensed-corpus row nor an authored example");
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TrainIntentModelTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
