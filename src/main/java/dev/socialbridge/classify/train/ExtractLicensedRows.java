package dev.socialbridge.classify.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Copies the dev-set rows that a shipped model may learn from into the training directory: only sources whose
 * licence allows it (MIT, CC BY 4.0, CDLA-Sharing-1.0) and only rows of the tuning part (never held-back rows).
 * Usage: {@code ExtractLicensedRows DEV_JSONL [TRAINING_DIR]}.
 */
public final class ExtractLicensedRows {
    /** Sources whose licence allows training a shipped model (see /work/shared/datasets/README.md). */
    public static final Set<String> SHIPPABLE_SOURCES = Set.of("davidson-tw-en", "youtube-spam-en",
            "bitext-synth-en");
    static final String FILE_PREFIX = "licensed-";

    private ExtractLicensedRows() {
    }

    public static void main(String[] args) throws IOException {
        Path dev = Path.of(args[0]);
        Path dir = args.length > 1 ? Path.of(args[1]) : TrainIntentModel.DEFAULT_TRAINING;
        ObjectMapper json = new ObjectMapper();
        for (String source : SHIPPABLE_SOURCES.stream().sorted().toList()) {
            Path out = dir.resolve(FILE_PREFIX + source + ".jsonl");
            int n = 0;
            try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                for (LabelledRow r : LabelledRows.read(dev)) {
                    if (r.source().equals(source) && !DevSplit.isHeldBack(r.id())) {
                        ObjectNode node = json.createObjectNode().put("id", r.id()).put("text", r.text())
                                .put("lang", r.lang()).put("intent", r.intent()).put("sentiment", r.sentiment())
                                .put("source", r.source());
                        w.write(json.writeValueAsString(node));
                        w.write('\n');
                        n++;
                    }
                }
            }
            System.out.println(out + ": " + n + " rows");
        }
    }
}
