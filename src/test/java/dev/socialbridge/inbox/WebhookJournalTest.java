package dev.socialbridge.inbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookJournalTest {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedBodyIsReadBackAfterReopen() throws Exception {
        List<CompletableFuture<JournalPosition>> acks = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (WebhookJournal journal = WebhookJournal.open(dir, true, 64)) {
            List<CompletableFuture<CompletableFuture<JournalPosition>>> submitted = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                String body = "{\"n\":" + i + "}";
                submitted.add(CompletableFuture.supplyAsync(() -> journal.append("meta", body.getBytes(StandardCharsets.UTF_8)), pool));
            }
            for (var s : submitted) {
                acks.add(s.get());
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdown();
        }
        try (WebhookJournal reopened = WebhookJournal.open(dir, true, 64); JournalReader reader = new JournalReader(dir)) {
            List<JournalEntry> all = reader.read(JournalPosition.START, reopened.durablePosition(), 10_000);
            assertEquals(500, all.size());
            Set<String> bodies = new HashSet<>();
            all.forEach(e -> bodies.add(new String(e.body(), StandardCharsets.UTF_8)));
            assertEquals(500, bodies.size());
            assertTrue(all.stream().allMatch(e -> e.source().equals("meta")));
        }
    }

    @Test
    void tornTailIsCutOffAndAppendingContinues() throws Exception {
        try (WebhookJournal journal = WebhookJournal.open(dir, false, 16)) {
            journal.append("meta", "first".getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
            journal.append("meta", "second".getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
        }
        Path segment = JournalSegments.path(dir, 1);
        long goodSize = Files.size(segment);
        // a crash in the middle of a write leaves a partial record: a length header and a few bytes
        Files.write(segment, new byte[] {0, 0, 0, 40, 1, 2, 3, 4, 5, 6}, StandardOpenOption.APPEND);
        try (WebhookJournal journal = WebhookJournal.open(dir, false, 16)) {
            assertEquals(goodSize, Files.size(segment));
            journal.append("meta", "third".getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
            try (JournalReader reader = new JournalReader(dir)) {
                List<JournalEntry> all = reader.read(JournalPosition.START, journal.durablePosition(), 100);
                assertEquals(3, all.size());
                assertArrayEquals("third".getBytes(StandardCharsets.UTF_8), all.get(2).body());
            }
        }
    }

    @Test
    void corruptedRecordIsTreatedAsTheEnd() throws Exception {
        try (WebhookJournal journal = WebhookJournal.open(dir, false, 16)) {
            journal.append("meta", "alpha".getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
            journal.append("meta", "bravo".getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
        }
        Path segment = JournalSegments.path(dir, 1);
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 1] ^= 0x55;   // flip a bit in the last body: crc no longer matches
        Files.write(segment, bytes);
        try (WebhookJournal journal = WebhookJournal.open(dir, false, 16); JournalReader reader = new JournalReader(dir)) {
            List<JournalEntry> all = reader.read(JournalPosition.START, journal.durablePosition(), 100);
            assertEquals(1, all.size());
            assertArrayEquals("alpha".getBytes(StandardCharsets.UTF_8), all.get(0).body());
        }
    }

    @Test
    void readerStopsAtTheGivenLimit() throws Exception {
        try (WebhookJournal journal = WebhookJournal.open(dir, false, 16); JournalReader reader = new JournalReader(dir)) {
            JournalPosition first = journal.append("meta", "one".getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
            journal.append("meta", "two".getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
            assertEquals(1, reader.read(JournalPosition.START, first, 100).size());
            assertEquals(1, reader.read(first, journal.durablePosition(), 100).size());
        }
    }
}
