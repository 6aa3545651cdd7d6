package dev.socialbridge.classify.train;

import dev.socialbridge.classify.Classification;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfidenceThresholdsTest {
    private static LabelledRow gold(String intent) {
        return new LabelledRow("x", "text", "en", intent, "", "test");
    }

    private static Classification predicted(String intent, double confidence) {
        return new Classification("en", intent, confidence, "neutral", 0);
    }

    private final ConfidenceThresholds table = new ConfidenceThresholds(
            List.of(gold("toxic"), gold("complaint"), gold("support"), gold("question"), gold("other")),
            List.of(predicted("toxic", 0.95), predicted("toxic", 0.45), predicted("support", 0.8),
                    predicted("support", 0.35), predicted("other", 0.9)));

    @Test
    void countsHidesAndAutoRepliesAtOrAboveTheThreshold() {
        assertEquals(new ConfidenceThresholds.Acted(2, 1), table.acted(ConfidenceThresholds.HIDES, 0.0));
        assertEquals(new ConfidenceThresholds.Acted(1, 1), table.acted(ConfidenceThresholds.HIDES, 0.5));
        assertEquals(new ConfidenceThresholds.Acted(2, 1), table.acted(ConfidenceThresholds.AUTO_REPLIES, 0.3));
        assertEquals(new ConfidenceThresholds.Acted(1, 1), table.acted(ConfidenceThresholds.AUTO_REPLIES, 0.4));
        assertEquals(new ConfidenceThresholds.Acted(0, 0), table.acted(ConfidenceThresholds.HIDES, 0.96));
    }

    @Test
    void rendersOneRowPerThreshold() {
        StringBuilder out = new StringBuilder();
        table.appendTo(out);
        assertTrue(out.toString().contains("| 0.0 | 0.500 | 40.0% | 2 | 0.500 | 40.0% | 2 |"), out.toString());
        assertTrue(out.toString().contains("| 0.9 | 1.000 | 20.0% | 1 | n/a | 0.0% | 0 |"), out.toString());
    }
}
