package dev.socialbridge.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single daemon thread that runs {@link #runOnce()} in a loop until closed, idling between rounds
 * until {@link #wake()} or the idle timeout, and backing off after unexpected failures. The inbox
 * drainer, the pipeline and the outbox dispatchers are such workers.
 */
public abstract class BackgroundWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWorker.class);

    /** How long {@link #close()} waits for the round in hand before it interrupts it. */
    static final long GRACE_MILLIS = 15_000;

    private final Thread thread;
    private final Object wake = new Object();
    private final long idleMillis;
    private volatile boolean running = true;
    private volatile java.util.function.BooleanSupplier gate = () -> true;
    private boolean gateOpen = true;

    protected BackgroundWorker(String name, long idleMillis) {
        this.idleMillis = idleMillis;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
    }

    /**
     * One round of work.
     *
     * @return true if there may be more work right away, false to idle until woken or timed out
     */
    protected abstract boolean runOnce() throws InterruptedException;

    /**
     * Runs rounds only while {@code gate} is true (a singleton job runs on the instance that holds the leader lease);
     * closed, the worker idles. Set before starting.
     */
    public BackgroundWorker onlyWhile(java.util.function.BooleanSupplier gate) {
        this.gate = gate;
        return this;
    }

    /**
     * Called before the first round after the gate opens again: state read from the store earlier (a cursor) may
     * have moved on while another instance ran this job.
     */
    protected void resumed() {
    }

    /** Starts the thread (once). */
    public void startWorker() {
        thread.start();
    }

    /** New work arrived: run a round now rather than at the end of the idle timeout. */
    public void wake() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    protected boolean running() {
        return running;
    }

    private void loop() {
        long backoff = 100;
        while (running) {
            try {
                boolean open = gate.getAsBoolean();
                if (open && !gateOpen) {
                    resumed();
                }
                gateOpen = open;
                if (!open || !runOnce()) {
                    synchronized (wake) {
                        if (running) {
                            wake.wait(idleMillis);
                        }
                    }
                }
                backoff = 100;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("{}: {} (retrying in {} ms)", thread.getName(), e.toString(), backoff);
                if (!sleep(backoff)) {
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    /** Waits out a back-off, cut short by {@link #close()}; false when the worker is stopping. */
    private boolean sleep(long millis) {
        try {
            synchronized (wake) {
                if (running) {
                    wake.wait(millis);
                }
            }
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops after the item in hand: a delivery under way is let finish (up to {@link #GRACE_MILLIS}) so that its
     * outcome is recorded. Interrupting it instead would abort a platform call the platform may already have
     * acted on, and the retry after the restart would send the reply a second time.
     */
    @Override
    public void close() {
        running = false;
        wake();
        try {
            thread.join(GRACE_MILLIS);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
