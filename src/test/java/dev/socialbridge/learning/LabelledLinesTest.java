package dev.socialbridge.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.classify.Categories;
import dev.socialbridge.classify.train.LabelledRow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelledLinesTest {

    @Test
    void badLinesAreNamedAndTheOthersRead() throws IOException {
        String in = String.join("\n",
                "{\"text\": \"je veux un devis\", \"intent\": \"sales_lead\", \"lang\": \"fr\"}",
                "not json",
                "{\"text\": \"\", \"intent\": \"support\"}",
                "{\"text\": \"hello\", \"intent\": \"greeting\"}",
                "[1, 2]",
                "",
                "{\"text\": \"nul\", \"intent\": \"complaint\", \"sentiment\": \"angry\"}",
                "{\"id\": \"x9\", \"text\": \"merci !\", \"intent\": \"praise\", \"sentiment\": \"positive\"}");
        var read = LabelledLines.read(new BufferedReader(new StringReader(in)), "brand.jsonl");
        assertEquals(List.of("je veux un devis", "merci !"), read.rows().stream().map(LabelledRow::text).toList());
        assertEquals("brand.jsonl:1", read.rows().get(0).id());
        assertEquals("x9", read.rows().get(1).id());
        assertEquals(5, read.problems().size(), read.problems().toString());
        assertTrue(read.problems().get(0).startsWith("brand.jsonl line 2: not JSON"), read.problems().get(0));
        assertEquals("brand.jsonl line 3: needs a non-empty string \"text\"", read.problems().get(1));
        assertTrue(read.problems().get(2).startsWith("brand.jsonl line 4: \"intent\" is 'greeting', expected one of sales_lead"),
                read.problems().get(2));
        assertEquals("brand.jsonl line 5: not a JSON object", read.problems().get(3));
        assertEquals("brand.jsonl line 7: \"sentiment\" is 'angry', expected negative, neutral, positive or empty",
                read.problems().get(4));
    }

    @Test
    void theShippedDataIsExactlyWhatTheShippedModelWasTrainedOn() throws IOException {
        List<LabelledRow> recipe = dev.socialbridge.classify.train.TrainIntentModel.capCorpora(
                dev.socialbridge.classify.train.TrainIntentModel.readAll(java.nio.file.Path.of(
                        "src/main/resources/classify/training")), dev.socialbridge.classify.train.TrainIntentModel.CORPUS_CAP);
        assertEquals(recipe, LabelledLines.shipped(), "learn starts from the shipped model's own rows, in its order");
    }

    @Test
    void theShippedTrainingDataIsReadFromTheClasspathWithEveryIntent() {
        List<LabelledRow> rows = LabelledLines.shipped();
        assertTrue(rows.size() > 3000, "rows: " + rows.size());
        for (String intent : Categories.INTENTS) {
            assertTrue(rows.stream().anyMatch(r -> r.intent().equals(intent)), intent);
        }
    }
}
