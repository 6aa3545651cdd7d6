package dev.socialbridge.cluster;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Work is split into {@value #COUNT} partitions: an inbox item by its thread, an outbox item by its lane. Every item of
 * one thread (or lane) is in one partition, and one instance at a time holds a partition ({@link Cluster}), so a
 * thread's items are processed in order by one instance. The number is fixed: it is stored with every item.
 */
public final class Partitions {
    /** How many partitions there are; more than instances anyone runs, so that each gets a fair share. */
    public static final int COUNT = 16;
    /** Every partition: what an instance alone on its store holds. */
    public static final Set<Integer> ALL = IntStream.range(0, COUNT).boxed().collect(Collectors.toUnmodifiableSet());

    private Partitions() {
    }

    /** The partition of a thread key or lane ({@link String#hashCode()} is the same in every JVM). */
    public static int of(String key) {
        return key == null ? 0 : Math.floorMod(key.hashCode(), COUNT);
    }

    /** The lease name of a partition. */
    static String leaseName(int partition) {
        return "partition-" + partition;
    }
}
