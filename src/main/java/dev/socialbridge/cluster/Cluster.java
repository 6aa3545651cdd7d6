package dev.socialbridge.cluster;

import dev.socialbridge.store.Database;
import dev.socialbridge.support.BackgroundWorker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's share of the work when several instances run on one store. Every {@code lease / 5} it writes its
 * heartbeat, renews its leases, and takes or gives back partitions so that each live instance holds a fair share
 * ({@value Partitions#COUNT} ÷ live instances, rounded up); the {@code leader} lease, held by one instance at a time,
 * gates the singleton jobs (the host poller, SLA and qualifier timers, retention). An instance killed with -9 stops
 * renewing: its leases expire after {@code lease} and the others take them over.
 *
 * <p>A lease counts as held locally until {@code lease / 3} before its expiry in the store, so that an instance
 * that cannot renew (store unreachable, long pause) stops before another one may start. A partition given back to
 * another instance becomes free after that same margin, time for the item in hand to commit. Alone on its store an
 * instance holds everything from its first round, which {@link #start()} runs before returning.
 */
public final class Cluster extends BackgroundWorker implements WorkShare {
    private static final Logger LOG = LoggerFactory.getLogger(Cluster.class);
    static final String LEADER = "leader";

    private final LeaseStore store;
    private final String instance;
    private final Duration lease;
    private final Duration margin;
    private final Clock clock;
    private final Instant startedAt;
    private volatile Set<Integer> partitions = Set.of();
    private volatile boolean leader;
    /** Until when the leases renewed last are ours (their expiry less the margin). */
    private volatile Instant validUntil = Instant.MIN;
    private volatile int liveInstances = 1;
    private volatile boolean idConflict;
    private boolean firstBeat = true;

    public Cluster(Database db, String instance, Duration lease, Clock clock) {
        super("cluster", Math.max(50, lease.toMillis() / 5));
        if (lease.compareTo(Duration.ofSeconds(1)) < 0 || lease.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("socialbridge.instance.lease: '" + lease + "' must be between PT1S and PT10M");
        }        this.store = new LeaseStore(db);
        this.instance = instance;
        this.lease = lease;
        this.margin = lease.dividedBy(3);
        this.clock = clock;
        // to the millisecond: the store keeps fewer digits than the clock gives, and the heartbeat compares this value
        this.startedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Takes this instance's first share (everything, when it is alone), then keeps it up to date in the background. */
    public Cluster start() {
        round();
        startWorker();
        return this;
    }

    public String instance() {
        return instance;
    }

    /** The partitions this instance may process now. */
    @Override
    public Set<Integer> partitions() {
        return valid() ? partitions : Set.of();
    }

    /** Whether this instance may process items of {@code partition} now (checked before each item). */
    @Override
    public boolean holds(int partition) {
        return valid() && partitions.contains(partition);
    }

    /** Whether this instance runs the singleton jobs now. */
    public boolean leader() {
        return valid() && leader;
    }

    /** Instances seen alive in the last lease period (this one included). */
    public int liveInstances() {
        return liveInstances;
    }

    /** Whether another running process uses this instance's id (a configuration error: both would do the same work). */
    public boolean idConflict() {
        return idConflict;
    }

    /** This instance's share as the metrics show it. */
    public dev.socialbridge.telemetry.Telemetry.InstanceView view() {
        Cluster c = this;
        return new dev.socialbridge.telemetry.Telemetry.InstanceView() {
            @Override
            public String id() {
                return instance;
            }

            @Override
            public int partitions() {
                return c.partitions().size();
            }

            @Override
            public boolean leader() {
                return c.leader();
            }

            @Override
            public int liveInstances() {
                return c.liveInstances();
            }
        };
    }

    private boolean valid() {
        return clock.instant().isBefore(validUntil);
    }

    @Override
    protected boolean runOnce() {
        round();
        return false;
    }

    /** One round: heartbeat, renew, rebalance. */
    synchronized void round() {
        Instant now = clock.instant();
        boolean first = validUntil.equals(Instant.MIN);
        boolean ownId = store.heartbeat(instance, startedAt, now, firstBeat);
        firstBeat = false;
        if (!ownId && !idConflict) {
            LOG.error("socialbridge.instance.id '{}' is used by another running instance on this store: both process the"
                    + " same partitions. Give each instance its own id (and its own journal directory)", instance);
        }
        idConflict = !ownId;
        Set<String> live = store.liveInstances(now.minus(lease));
        live.add(instance);
        liveInstances = live.size();
        Instant until = now.plus(lease);
        Set<String> held = store.renewAll(instance, until);
        validUntil = until.minus(margin);
        int share = (Partitions.COUNT + live.size() - 1) / live.size();
        Set<Integer> mine = new TreeSet<>();
        for (String name : held) {
            if (name.startsWith("partition-")) {
                mine.add(Integer.parseInt(name.substring("partition-".length())));
            }
        }
        List<Integer> extra = new ArrayList<>(mine);
        Collections.reverse(extra);
        List<Integer> given = extra.subList(0, Math.max(0, mine.size() - share));
        mine.removeAll(given);
        partitions = Set.copyOf(mine);      // stop taking their items before the leases are given back
        for (int p : given) {
            store.release(Partitions.leaseName(p), instance, now.plus(margin));
        }
        if (!given.isEmpty()) {
            LOG.info("instance {} gives partitions {} back: {} instance(s) live", instance, given, live.size());
        }
        List<Integer> taken = new ArrayList<>();
        for (int k = 0; k < Partitions.COUNT && mine.size() < share; k++) {
            int p = Math.floorMod(instance.hashCode() + k, Partitions.COUNT);
            if (!mine.contains(p) && store.tryAcquire(Partitions.leaseName(p), instance, now, until)) {
                mine.add(p);
                taken.add(p);
            }
        }
        if (!taken.isEmpty()) {
            LOG.info("instance {} takes partitions {}: {} instance(s) live, it holds {}", instance, taken, live.size(),
                    mine.size());
        }
        partitions = Set.copyOf(mine);
        leader = held.contains(LEADER) || store.tryAcquire(LEADER, instance, now, until);
    }

    @Override
    public void close() {
        super.close();
        partitions = Set.of();
        leader = false;
        validUntil = Instant.MIN;
        try {
            store.leave(instance, clock.instant());
        } catch (RuntimeException e) {
            LOG.debug("giving the leases back on stop: {}", e.toString());   // they expire on their own
        }
    }
}
