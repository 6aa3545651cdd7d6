package dev.socialbridge.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BackgroundWorkerTest {

    /** A round that takes a while, like a platform call in flight, and says whether it was cut short. */
    static final class SlowRound extends BackgroundWorker {
        final CountDownLatch started = new CountDownLatch(1);
        final AtomicBoolean finished = new AtomicBoolean();
        final AtomicBoolean interrupted = new AtomicBoolean();

        SlowRound() {
            super("slow-round", 60_000);
        }

        @Override
        protected boolean runOnce() {
            if (finished.get()) {
                return false;
            }
            started.countDown();
            try {
                Thread.sleep(400);
                finished.set(true);
            } catch (InterruptedException e) {
                interrupted.set(true);
                Thread.currentThread().interrupt();
            }
            return true;
        }
    }

    @Test
    void closingLetsTheRoundInHandFinishInsteadOfInterruptingIt() throws Exception {
        SlowRound worker = new SlowRound();
        worker.startWorker();
        assertTrue(worker.started.await(5, TimeUnit.SECONDS));

        worker.close();

        assertTrue(worker.finished.get(), "the delivery under way completed");
        assertFalse(worker.interrupted.get(), "and was not interrupted");
    }

    @Test
    void anIdleWorkerStopsAtOnceRatherThanAtTheEndOfItsIdleTimeout() throws Exception {
        SlowRound worker = new SlowRound();
        worker.startWorker();
        assertTrue(worker.started.await(5, TimeUnit.SECONDS));
        Thread.sleep(600); // the round is over; the worker now idles for up to 60 s

        assertTimeoutPreemptively(Duration.ofSeconds(10), worker::close);
    }

    @Test
    void aWorkerBackingOffAfterAFailureStopsAtOnce() throws Exception {
        CountDownLatch failed = new CountDownLatch(1);
        BackgroundWorker failing = new BackgroundWorker("failing", 60_000) {
            @Override
            protected boolean runOnce() {
                failed.countDown();
                throw new IllegalStateException("host down");
            }
        };
        failing.startWorker();
        assertTrue(failed.await(5, TimeUnit.SECONDS));
        Thread.sleep(3_500); // back-off has grown past a few seconds

        assertTimeoutPreemptively(Duration.ofSeconds(10), failing::close);
    }
}
