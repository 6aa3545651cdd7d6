package dev.socialbridge.templates;

/**
 * Deterministic buckets from a pair of strings (author id, template or rule id): the same pair gives
 * the same bucket in every engine instance, JVM and release, so an author keeps their A/B variant
 * and rollout membership. FNV-1a 64 over the UTF-16 chars, finished with the SplitMix64 mixer.
 */
public final class StableBucket {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private StableBucket() {
    }

    /** A bucket in [0, 100): enrolled in a rollout of p percent when {@code percent(...) < p}. */
    public static int percent(String author, String scope) {
        return (int) Long.remainderUnsigned(hash(author, scope, 0), 100);
    }

    /** An index in [0, n), independent of {@link #percent} for the same pair. */
    public static int index(String author, String scope, int n) {
        return (int) Long.remainderUnsigned(hash(author, scope, 1), n);
    }

    static long hash(String author, String scope, int salt) {
        long h = FNV_OFFSET ^ salt;
        h = mixIn(h, author);
        h = (h ^ 0xffff) * FNV_PRIME;
        h = mixIn(h, scope);
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    private static long mixIn(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * FNV_PRIME;
        }
        return h;
    }
}
