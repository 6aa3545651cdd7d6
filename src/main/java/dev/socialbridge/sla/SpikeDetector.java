package dev.socialbridge.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells a crisis from the stream: on one connected account, at least {@code negativeThreshold} negative messages,
 * or at least {@code volumeThreshold} messages, within {@code window}. While the spike lasts, every ticketed thread
 * of that account counts its SLA clocks in the crisis class. A threshold of 0 turns that signal off. Counts are kept
 * in memory per instance (a restart starts them again).
 */
public final class SpikeDetector {
    private final int negativeThreshold;
    private final int volumeThreshold;
    private final Duration window;
    private final Map<String, Deque<Instant>> negative = new HashMap<>();
    private final Map<String, Deque<Instant>> all = new HashMap<>();

    public SpikeDetector(int negativeThreshold, int volumeThreshold, Duration window) {
        if (negativeThreshold < 0 || volumeThreshold < 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("thresholds must be >= 0 and the window positive");
        }
        this.negativeThreshold = negativeThreshold;
        this.volumeThreshold = volumeThreshold;
        this.window = window;
    }

    /** Never a crisis. */
    public static SpikeDetector off() {
        return new SpikeDetector(0, 0, Duration.ofMinutes(1));
    }

    /**
     * Counts a message of {@code account} at {@code at}.
     *
     * @return why the account is in a spike now (for the ticket), or null
     */
    public synchronized String record(String account, boolean isNegative, Instant at) {
        int total = count(all, account, at, true);
        int negatives = count(negative, account, at, isNegative);
        if (negativeThreshold > 0 && negatives >= negativeThreshold) {
            return negatives + " negative messages on account " + account + " within " + minutes();
        }
        if (volumeThreshold > 0 && total >= volumeThreshold) {
            return total + " messages on account " + account + " within " + minutes();
        }
        return null;
    }

    private int count(Map<String, Deque<Instant>> counts, String account, Instant at, boolean add) {
        Deque<Instant> times = counts.computeIfAbsent(account, a -> new ArrayDeque<>());
        if (add) {
            times.addLast(at);
        }
        Instant since = at.minus(window);
        while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
            times.removeFirst();
        }
        if (times.isEmpty()) {
            counts.remove(account);
        }
        return times.size();
    }

    private String minutes() {
        return window.toMinutes() + " min";
    }
}
