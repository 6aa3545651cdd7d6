package dev.socialbridge.classify.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Copies one part of the labelled dev set ({@link DevSplit}: {@code tuning} or {@code heldback}) to a JSON Lines file,
 * line for line: the tuning part is what {@code scripts/evaluate-learning.sh} imports as if agents had corrected those
 * messages. Usage: {@code ExportDevPart DEV_JSONL PART OUT_JSONL}.
 */
public final class ExportDevPart {
    private ExportDevPart() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !List.of("tuning", "heldback").contains(args[1])) {
            throw new IllegalArgumentException("usage: ExportDevPart DEV_JSONL tuning|heldback OUT_JSONL");
        }
        boolean heldBack = args[1].equals("heldback");
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .filter(l -> DevSplit.isHeldBack(id(l)) == heldBack)
                .toList();
        Files.write(Path.of(args[2]), lines, StandardCharsets.UTF_8);
        System.out.println("wrote " + lines.size() + " " + args[1] + " rows to " + args[2]);
    }

    private static String id(String line) {
        try {
            return dev.socialbridge.support.Json.MAPPER.readTree(line).path("id").asText();
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON line: " + line, e);
        }
    }
}
