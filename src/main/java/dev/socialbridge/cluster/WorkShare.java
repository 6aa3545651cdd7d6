package dev.socialbridge.cluster;

import java.util.Set;

/**
 * Which partitions of the inbox and outbox this instance may work on now ({@link Partitions}). The pipeline and the
 * outbox dispatchers ask it for their next batch and again before each item, so that a partition another instance has
 * taken over is left at once.
 */
public interface WorkShare {
    /** An instance alone on its store, outside any cluster: it holds every partition (tests, one-off commands). */
    WorkShare ALL = new WorkShare() {
        @Override
        public Set<Integer> partitions() {
            return Partitions.ALL;
        }

        @Override
        public boolean holds(int partition) {
            return true;
        }
    };

    /** The partitions held now. */
    Set<Integer> partitions();

    /** Whether {@code partition} is held now. */
    boolean holds(int partition);
}
