package dev.socialbridge.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Append-only, group-committed journal of accepted webhook bodies: the durable front of the inbox.
 *
 * <p>Request threads call {@link #append}; one writer thread takes every body waiting at that moment
 * (up to {@code maxBatch}), writes them with one {@code write} and one {@code fsync}, and only then
 * completes their futures. A webhook is acknowledged only after its future completes, so every
 * acknowledged body survives a kill -9 (and, with fsync on, a power loss). Throughput scales with
 * concurrency because one fsync covers the whole group.
 *
 * <p>On open, the tail of the last segment is scanned and a torn (never acknowledged) record is cut off.
 */
public final class WebhookJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookJournal.class);
    private static final long SEGMENT_BYTES = 64L * 1024 * 1024;

    private final Path dir;
    private final boolean fsync;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private final Object durableSignal = new Object();
    private volatile JournalPosition durable;
    private final IngestMeter meter = new IngestMeter();
    private volatile boolean closed;
    private FileChannel channel;
    private long segment;
    private long offset;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);

    private record Pending(byte[] source, byte[] body, long receivedAt, CompletableFuture<JournalPosition> done) { }

    private WebhookJournal(Path dir, boolean fsync, int maxBatch) throws IOException {
        this.dir = dir;
        this.fsync = fsync;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(Math.max(1024, maxBatch * 16));
        Files.createDirectories(dir);
        recoverTail();
        this.writer = new Thread(this::writeLoop, "journal-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Opens (creating if needed) the journal in {@code dir}. */
    public static WebhookJournal open(Path dir, boolean fsync, int maxBatch) {
        try {
            return new WebhookJournal(dir, fsync, maxBatch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open webhook journal in " + dir, e);
        }
    }

    public Path directory() {
        return dir;
    }

    /**
     * Queues a body for the next group commit. The future completes once the body is durable, with
     * the position after it, or fails if the journal cannot write it (the caller must not acknowledge).
     */
    public CompletableFuture<JournalPosition> append(String source, byte[] body) {
        CompletableFuture<JournalPosition> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new IllegalStateException("journal closed"));
            return done;
        }
        Pending p = new Pending(source.getBytes(StandardCharsets.UTF_8), body, System.currentTimeMillis(), done);
        if (!queue.offer(p)) {
            done.completeExceptionally(new JournalFullException());
        }
        return done;
    }

    /** How busy ingest is: background work paces itself with it so that accepting webhooks comes first. */
    public IngestMeter meter() {
        return meter;
    }

    /** Position up to which everything is durable. */
    public JournalPosition durablePosition() {
        return durable;
    }

    /**
     * Bytes of the journal from {@code from} up to the durable position: how far a reader at {@code from} lags
     * (0 when it is at or past it). Segments already deleted count as empty.
     */
    public long bytesBehind(JournalPosition from) {
        JournalPosition to = durable;
        if (!from.before(to)) {
            return 0;
        }
        if (from.segment() == to.segment()) {
            return to.offset() - from.offset();
        }
        long bytes = to.offset() - from.offset();
        for (long s = from.segment(); s < to.segment(); s++) {
            try {
                bytes += java.nio.file.Files.size(JournalSegments.path(dir, s));
            } catch (IOException e) {
                // deleted meanwhile: nothing left to read there
            }
        }
        return Math.max(0, bytes);
    }

    /** Blocks until the durable position is past {@code position} or the timeout elapses. */
    public void awaitBeyond(JournalPosition position, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (durableSignal) {
            while (!position.before(durable) && !closed) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return;
                }
                durableSignal.wait(left);
            }
        }
    }

    private void recoverTail() throws IOException {
        List<Long> segments = JournalSegments.list(dir);
        segment = segments.isEmpty() ? 1 : segments.get(segments.size() - 1);
        Path path = JournalSegments.path(dir, segment);
        channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long validEnd = JournalReader.scanValidEnd(channel);
        if (validEnd < channel.size()) {
            LOG.warn("journal segment {}: cutting {} bytes of torn tail (never acknowledged)", segment, channel.size() - validEnd);
            channel.truncate(validEnd);
            channel.force(true);
        }
        offset = validEnd;
        channel.position(offset);
        durable = new JournalPosition(segment, offset);
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                writeBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable t) {
                LOG.error("journal write failed; {} webhook(s) not acknowledged", batch.size(), t);
                batch.forEach(p -> p.done.completeExceptionally(t));
            } finally {
                batch.clear();
            }
        }
    }

    private void writeBatch(List<Pending> batch) throws IOException {
        if (offset >= SEGMENT_BYTES) {
            rotate();
        }
        int size = 0;
        for (Pending p : batch) {
            size += JournalFormat.encodedSize(p.source, p.body);
        }
        if (buffer.capacity() < size) {
            buffer = ByteBuffer.allocateDirect(Integer.highestOneBit(size) << 1);
        }
        buffer.clear();
        for (Pending p : batch) {
            JournalFormat.encode(buffer, p.source, p.receivedAt, p.body);
        }
        buffer.flip();
        while (buffer.hasRemaining()) {
            offset += channel.write(buffer);
        }
        if (fsync) {
            channel.force(false);
        }
        JournalPosition end = new JournalPosition(segment, offset);
        meter.record(batch.size());
        synchronized (durableSignal) {
            durable = end;
            durableSignal.notifyAll();
        }
        for (Pending p : batch) {
            p.done.complete(end);
        }
    }

    private void rotate() throws IOException {
        channel.force(true);
        channel.close();
        segment++;
        offset = 0;
        channel = FileChannel.open(JournalSegments.path(dir, segment),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        if (fsync) {
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            } catch (IOException ignored) {
                // directory fsync is not supported everywhere; the file itself is forced per batch
            }
        }
        synchronized (durableSignal) {
            durable = new JournalPosition(segment, 0);
            durableSignal.notifyAll();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            writer.join(5_000);
            channel.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("closing journal: {}", e.toString());
        }
        synchronized (durableSignal) {
            durableSignal.notifyAll();
        }
    }

    /** The in-memory queue in front of the writer is full: shed load (HTTP 503) rather than buffer forever. */
    public static final class JournalFullException extends RuntimeException {
        JournalFullException() {
            super("webhook journal queue is full", null, false, false);
        }
    }
}
