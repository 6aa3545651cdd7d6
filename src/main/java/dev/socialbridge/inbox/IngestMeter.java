package dev.socialbridge.inbox;

import java.util.concurrent.TimeUnit;

/**
 * Measures the webhook arrival rate and paces background work with it. Accepting (and durably
 * storing) webhooks is the one thing that cannot wait; splitting, classifying and delivering can. While
 * webhooks arrive faster than {@link #BUSY_PER_SECOND}, all background workers together get a CPU
 * budget of {@link #BUSY_SHARE} of one core ({@link #pace}) and the journal absorbs the burst; they
 * catch up at full speed when it calms down.
 */
public final class IngestMeter {
    /** Arrival rate above which ingest counts as busy. */
    public static final int BUSY_PER_SECOND = 500;
    /** Share of one core that all background workers together may use while ingest is busy. */
    static final double BUSY_SHARE = 0.10;
    private static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private long windowStart = System.nanoTime();
    private int windowCount;
    private volatile double ratePerSecond;
    private final Object budgetLock = new Object();
    private long budgetNanos;
    private long budgetAt = System.nanoTime();

    /** Called by the journal writer after each group commit. */
    synchronized void record(int bodies) {
        long now = System.nanoTime();
        windowCount += bodies;
        long elapsed = now - windowStart;
        if (elapsed >= WINDOW_NANOS) {
            ratePerSecond = windowCount * 1e9 / elapsed;
            windowStart = now;
            windowCount = 0;
        }
    }

    /** Recent arrival rate, bodies per second (decays to 0 when nothing arrives). */
    public double ratePerSecond() {
        long idle;
        synchronized (this) {
            idle = System.nanoTime() - windowStart;
        }
        return idle > 2 * WINDOW_NANOS ? 0 : ratePerSecond;
    }

    public boolean busy() {
        return ratePerSecond() > BUSY_PER_SECOND;
    }

    /**
     * Called by a background worker after a unit of work that took {@code workNanos}. While ingest is
     * busy, the work is charged to a budget shared by all background workers that refills at
     * {@link #BUSY_SHARE} of a core; a worker that overdraws it sleeps until it is refilled.
     */
    public void pace(long workNanos) throws InterruptedException {
        if (!busy()) {
            return;
        }
        long waitNanos;
        synchronized (budgetLock) {
            long now = System.nanoTime();
            budgetNanos = Math.min(budgetNanos + (long) ((now - budgetAt) * BUSY_SHARE), TimeUnit.MILLISECONDS.toNanos(20));
            budgetAt = now;
            budgetNanos -= workNanos;
            waitNanos = budgetNanos < 0 ? (long) (-budgetNanos / BUSY_SHARE) : 0;
        }
        if (waitNanos > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(waitNanos, TimeUnit.SECONDS.toNanos(2)));
        }
    }

    /** A meter that never reports load (for components used without a journal). */
    public static IngestMeter idle() {
        return new IngestMeter();
    }
}
