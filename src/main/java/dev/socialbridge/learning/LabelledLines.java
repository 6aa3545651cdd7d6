package dev.socialbridge.learning;

import dev.socialbridge.classify.train.LabelledRow;
import dev.socialbridge.classify.train.LabelledRows;
import dev.socialbridge.classify.train.TrainIntentModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Labelled JSON Lines ({@link LabelledRows}) as learning reads them: a brand's file for {@code learn --import}, where
 * a bad line is reported with its number and skipped, and the shipped training data from the classpath.
 */
public final class LabelledLines {
    private static final String SHIPPED_INDEX = "/classify/training/files.txt";

    private LabelledLines() {
    }

    /** Reads labelled JSON Lines ({@link LabelledRows#parse}): the rows read and one sentence per refused line. */
    public static LabelledRows.Parsed read(BufferedReader reader, String name) throws IOException {
        return LabelledRows.parse(reader, name);
    }

    /**
     * The training data the shipped model was trained on: the files listed in {@code classify/training/files.txt},
     * the licensed corpora capped as the shipped recipe caps them ({@link TrainIntentModel#capCorpora}).
     */
    public static List<LabelledRow> shipped() {
        List<LabelledRow> rows = new ArrayList<>();
        try (BufferedReader index = open(SHIPPED_INDEX)) {
            String file;
            while ((file = index.readLine()) != null) {
                if (file.isBlank()) {
                    continue;
                }
                try (BufferedReader r = open("/classify/training/" + file.strip())) {
                    LabelledRows.Parsed read = read(r, file.strip());
                    if (!read.problems().isEmpty()) {
                        throw new IllegalStateException("shipped training data: " + read.problems().get(0));
                    }
                    rows.addAll(read.rows());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TrainIntentModel.capCorpora(rows, TrainIntentModel.CORPUS_CAP);
    }

    private static BufferedReader open(String resource) {
        InputStream in = LabelledLines.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + resource);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
