package dev.socialbridge.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Reads journal entries between a checkpoint and the durable position. Single-threaded use. */
public final class JournalReader implements AutoCloseable {
    private final Path dir;
    private FileChannel channel;
    private long openSegment = -1;

    public JournalReader(Path dir) {
        this.dir = dir;
    }

    /**
     * Reads up to {@code max} entries from {@code from}, never beyond {@code limit}. Moves to the
     * next segment when the current one ends before {@code limit}'s segment.
     */
    public List<JournalEntry> read(JournalPosition from, JournalPosition limit, int max) {
        List<JournalEntry> out = new ArrayList<>();
        JournalPosition pos = from;
        try {
            while (out.size() < max && pos.before(limit)) {
                FileChannel ch = channel(pos.segment());
                long end = pos.segment() == limit.segment() ? limit.offset() : (ch == null ? 0 : ch.size());
                if (ch == null || pos.offset() >= end) {
                    if (pos.segment() >= limit.segment()) {
                        break;
                    }
                    pos = new JournalPosition(pos.segment() + 1, 0);
                    continue;
                }
                JournalEntry e = readOne(ch, pos);
                if (e == null) {
                    throw new IllegalStateException("corrupt journal record at " + pos + " (before the durable position)");
                }
                out.add(e);
                pos = e.end();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private JournalEntry readOne(FileChannel ch, JournalPosition pos) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(JournalFormat.HEADER);
        if (readFully(ch, header, pos.offset()) < JournalFormat.HEADER) {
            return null;
        }
        header.flip();
        int length = header.getInt();
        int crc = header.getInt();
        if (length <= 10 || length > JournalFormat.MAX_RECORD) {
            return null;
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        if (readFully(ch, payload, pos.offset() + JournalFormat.HEADER) < length) {
            return null;
        }
        payload.flip();
        if (!JournalFormat.crcMatches(payload, crc)) {
            return null;
        }
        return JournalFormat.decode(payload, new JournalPosition(pos.segment(), pos.offset() + JournalFormat.HEADER + length));
    }

    /** Offset just after the last complete, crc-valid record of a segment. */
    static long scanValidEnd(FileChannel ch) throws IOException {
        long pos = 0;
        long size = ch.size();
        ByteBuffer header = ByteBuffer.allocate(JournalFormat.HEADER);
        while (pos + JournalFormat.HEADER <= size) {
            header.clear();
            readFully(ch, header, pos);
            header.flip();
            int length = header.getInt();
            int crc = header.getInt();
            if (length <= 10 || length > JournalFormat.MAX_RECORD || pos + JournalFormat.HEADER + length > size) {
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            readFully(ch, payload, pos + JournalFormat.HEADER);
            payload.flip();
            if (!JournalFormat.crcMatches(payload, crc)) {
                break;
            }
            pos += JournalFormat.HEADER + length;
        }
        return pos;
    }

    private static int readFully(FileChannel ch, ByteBuffer buf, long at) throws IOException {
        int total = 0;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, at + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private FileChannel channel(long segment) throws IOException {
        if (segment != openSegment) {
            close();
            Path p = JournalSegments.path(dir, segment);
            channel = Files.exists(p) ? FileChannel.open(p, StandardOpenOption.READ) : null;
            openSegment = segment;
        }
        return channel;
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // read-only channel
            }
            channel = null;
        }
        openSegment = -1;
    }
}
