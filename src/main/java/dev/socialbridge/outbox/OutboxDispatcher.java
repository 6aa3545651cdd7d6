package dev.socialbridge.outbox;

import dev.socialbridge.connector.spi.DeliveryResult;
import java.time.Duration;
import java.time.Instant;
import dev.socialbridge.support.BackgroundWorker;
import dev.socialbridge.telemetry.Telemetry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the due outbox items of one target (host or platform) on its own thread, so a slow or
 * unreachable host never delays platform replies and vice versa. Items of one lane go in order.
 */
public final class OutboxDispatcher extends BackgroundWorker {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final OutboxStore store;
    private final String target;
    private final OutboxHandler handler;
    private final RetryPolicy retry;
    private final Duration idle;
    private final dev.socialbridge.inbox.IngestMeter meter;
    private final Telemetry telemetry;
    /**
     * How long an item waits out its target's outage without counting attempts; past it, attempts count again, so
     * that an item that alone never gets an answer (a call that always times out) still ends dead-lettered.
     */
    static final Duration OUTAGE_PATIENCE = Duration.ofHours(24);
    /** Consecutive deliveries the target did not answer; the hold grows with them, up to the retry policy's max. */
    private int outages;
    /** While the target is down, nothing is tried before this (one probe then). */
    private volatile Instant heldUntil;
    private dev.socialbridge.cluster.WorkShare share = dev.socialbridge.cluster.WorkShare.ALL;

    public OutboxDispatcher(OutboxStore store, String target, OutboxHandler handler, RetryPolicy retry, Duration idle) {
        this(store, target, handler, retry, idle, dev.socialbridge.inbox.IngestMeter.idle(), new Telemetry());
    }

    /**
     * @param meter     background pacing: deliveries slow down while webhooks pour in
     * @param telemetry where outcomes, errors, latencies and holds are counted
     */
    public OutboxDispatcher(OutboxStore store, String target, OutboxHandler handler, RetryPolicy retry, Duration idle,
                            dev.socialbridge.inbox.IngestMeter meter, Telemetry telemetry) {
        super("outbox-" + target, idle.toMillis());
        this.store = store;
        this.target = target;
        this.handler = handler;
        this.retry = retry;
        this.idle = idle;
        this.meter = meter;
        this.telemetry = telemetry;
        telemetry.watchHold(target, this::held);
    }

    /** Whether the target is unavailable and its deliveries are held back now. */
    public boolean held() {
        Instant until = heldUntil;
        return until != null && Instant.now().isBefore(until);
    }

    /** The partitions this instance delivers (several instances on one store). Set before {@link #start()}. */
    public OutboxDispatcher sharing(dev.socialbridge.cluster.WorkShare share) {
        this.share = share;
        return this;
    }

    public OutboxDispatcher start() {
        startWorker();
        return this;
    }

    @Override
    protected boolean runOnce() throws InterruptedException {
        if (heldUntil != null && Instant.now().isBefore(heldUntil)) {
            return false;   // the target is down: idle until the next probe (or a wake-up)
        }
        List<OutboxItem> due = store.due(target, share.partitions(), Instant.now(), 50);
        for (OutboxItem item : due) {
            if (!running() || heldUntil != null && Instant.now().isBefore(heldUntil)) {
                return false;
            }
            if (!share.holds(item.partition())) {
                continue;   // given to another instance meanwhile
            }
            long t0 = System.nanoTime();
            deliver(item);
            meter.pace(System.nanoTime() - t0);
        }
        return !due.isEmpty();
    }

    void deliver(OutboxItem item) {
        DeliveryResult result;
        try {
            java.util.Optional<String> cancelled = handler.cancellation(item);
            if (cancelled.isPresent()) {
                LOG.debug("outbox item {} ({}) cancelled: {}", item.id(), item.type(), cancelled.get());
                store.finish(item.id(), OutboxStatus.CANCELLED, null, cancelled.get());
                telemetry.delivery(target, "cancelled", null);
                return;
            }
            if (OutboxCommand.PLATFORM.equals(target)) {
                if (item.inDoubt()) {
                    LOG.warn("outbox item {} ({}): the instance stopped during its last send, whose outcome is unknown;"
                            + " sending it again (the platform may have the first)", item.id(), item.type());
                    telemetry.deliveryError(target, "in_doubt");
                }
                store.sending(item.id(), item.inDoubt());
            }
            result = handler.handle(item);
        } catch (RuntimeException e) {
            LOG.warn("outbox item {} ({}) failed unexpectedly", item.id(), item.type(), e);
            result = new DeliveryResult.Retry("unexpected: " + e, null);
        }
        apply(item, result);
    }

    private void apply(OutboxItem item, DeliveryResult result) {
        int attempts = item.attempts() + 1;
        if (!(result instanceof DeliveryResult.Retry r && r.targetUnavailable())) {
            if (outages > 0) {
                LOG.info("outbox {}: the target answers again after {} unavailable attempt(s)", target, outages);
            }
            outages = 0;
            heldUntil = null;
        }
        if (result instanceof DeliveryResult.Delivered d) {
            store.finish(item.id(), OutboxStatus.DONE, d.remoteId(), null);
            telemetry.delivery(target, "delivered", Duration.between(item.createdAt(), Instant.now()));
        } else if (result instanceof DeliveryResult.NotSendable n) {
            store.finish(item.id(), OutboxStatus.NOT_SENDABLE, null, n.reason());
            telemetry.delivery(target, "not_sendable", null);
        } else if (result instanceof DeliveryResult.Retry r && r.targetUnavailable()
                && item.createdAt().isAfter(Instant.now().minus(OUTAGE_PATIENCE))) {
            outages++;
            Duration delay = retry.delay(outages, r.retryAfter());
            heldUntil = Instant.now().plus(delay);
            if (outages == 1 || outages % 10 == 0) {
                LOG.warn("outbox {}: the target is unavailable ({}); holding its deliveries, next try in {} ms",
                        target, r.reason(), delay.toMillis());
            }
            store.postpone(item.id(), heldUntil, r.reason());
            telemetry.delivery(target, "postponed", null);
            telemetry.deliveryError(target, "unavailable");
            telemetry.targetHeld(target);
        } else if (result instanceof DeliveryResult.Retry r && !retry.exhausted(attempts)) {
            Duration delay = retry.delay(attempts, r.retryAfter());
            LOG.debug("outbox item {} ({}): attempt {} failed: {}; next in {} ms", item.id(), item.type(), attempts,
                    r.reason(), delay.toMillis());
            store.reschedule(item.id(), Instant.now().plus(delay), r.reason());
            telemetry.delivery(target, "retry", null);
            telemetry.deliveryError(target, "retry");
        } else {
            String reason = reason(result);
            LOG.warn("outbox item {} ({}) dead after {} attempt(s): {}", item.id(), item.type(), attempts, reason);
            store.finish(item.id(), OutboxStatus.DEAD, null, reason);
            try {
                handler.dead(item, reason);
            } catch (RuntimeException e) {
                LOG.warn("outbox item {} ({}): marking it dead-lettered failed", item.id(), item.type(), e);
            }
            telemetry.delivery(target, "dead", null);
            telemetry.deliveryError(target, errorKind(result));
        }
    }

    /** The kind of a permanent failure, as counted in {@link Telemetry}. */
    private static String errorKind(DeliveryResult r) {
        if (r instanceof DeliveryResult.Retry) {
            return "exhausted";
        }
        if (r instanceof DeliveryResult.AccountInvalid) {
            return "account_invalid";
        }
        if (r instanceof DeliveryResult.Unreachable) {
            return "unreachable";
        }
        return "failed";
    }

    private static String reason(DeliveryResult r) {
        if (r instanceof DeliveryResult.Retry x) {
            return "attempts exhausted: " + x.reason();
        }
        if (r instanceof DeliveryResult.AccountInvalid x) {
            return "account invalid: " + x.reason();
        }
        if (r instanceof DeliveryResult.Failed x) {
            return x.reason();
        }
        return String.valueOf(r);
    }
}
