package dev.socialbridge.classify.train;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * {@code classify/training/files.txt} is how code reads the shipped training data from the classpath (a jar
 * cannot be listed): it must name every {@code *.jsonl} file of the directory, one per line, in name order.
 */
class TrainingFilesListTest {
    @Test
    void filesTxtListsExactlyTheTrainingFilesInNameOrder() throws IOException {
        List<String> inDirectory;
        try (Stream<Path> s = Files.list(TrainIntentModel.DEFAULT_TRAINING)) {
            inDirectory = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl")).sorted().toList();
        }
        String listed;
        try (InputStream in = TrainingFilesListTest.class.getResourceAsStream("/classify/training/files.txt")) {
            assertNotNull(in, "classify/training/files.txt is missing from the classpath");
            listed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(String.join("\n", inDirectory) + "\n", listed,
                "classify/training/files.txt differs from the directory: regenerate it with "
                        + "(cd src/main/resources/classify/training && LC_ALL=C ls *.jsonl > files.txt)");
    }

    @Test
    void everyListedFileIsOnTheClasspath() throws IOException {
        try (InputStream in = TrainingFilesListTest.class.getResourceAsStream("/classify/training/files.txt")) {
            for (String name : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                try (InputStream file = TrainingFilesListTest.class.getResourceAsStream("/classify/training/" + name)) {
                    assertNotNull(file, name + " is listed but not on the classpath");
                }
            }
        }
    }
}
