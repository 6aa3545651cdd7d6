package dev.socialbridge.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Naming and listing of journal segment files ({@code 00000000000000000001.wal}, ...). */
final class JournalSegments {
    private static final String SUFFIX = ".wal";

    private JournalSegments() {
    }

    static Path path(Path dir, long segment) {
        return dir.resolve(String.format("%020d%s", segment, SUFFIX));
    }

    static List<Long> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(SUFFIX) && n.length() == 20 + SUFFIX.length())
                    .map(n -> Long.parseLong(n.substring(0, 20)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes every segment strictly before {@code segment}. */
    static void deleteBefore(Path dir, long segment) {
        for (long s : list(dir)) {
            if (s < segment) {
                try {
                    Files.deleteIfExists(path(dir, s));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
