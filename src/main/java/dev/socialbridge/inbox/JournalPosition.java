package dev.socialbridge.inbox;

/** A position in the webhook journal: segment number and byte offset within it. Ordered. */
public record JournalPosition(long segment, long offset) implements Comparable<JournalPosition> {
    public static final JournalPosition START = new JournalPosition(1, 0);

    @Override
    public int compareTo(JournalPosition o) {
        int c = Long.compare(segment, o.segment);
        return c != 0 ? c : Long.compare(offset, o.offset);
    }

    public boolean before(JournalPosition o) {
        return compareTo(o) < 0;
    }
}
