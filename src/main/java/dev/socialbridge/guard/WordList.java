package dev.socialbridge.guard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A compiled list of words and phrases matched accent- and case-insensitively on word boundaries
 * against text folded by {@link TextNormalizer#fold}. An entry ending in {@code *} matches any word
 * starting with it ({@code rembours*} matches "remboursement"). Immutable and thread-safe;
 * matching allocates nothing.
 */
public final class WordList {

    private final String[] entries;
    private final String[] needles;

    private WordList(String[] entries, String[] needles) {
        this.entries = entries;
        this.needles = needles;
    }

    /** Compiles the entries; those that fold to nothing (no letter or digit) are skipped, see {@link #isMatchable}. */
    public static WordList of(Collection<String> words) {
        List<String> kept = new ArrayList<>();
        List<String> needles = new ArrayList<>();
        for (String word : words) {
            if (isMatchable(word)) {
                kept.add(word);
                needles.add(needle(word));
            }
        }
        return new WordList(kept.toArray(String[]::new), needles.toArray(String[]::new));
    }

    public static WordList of(String... words) {
        return of(List.of(words));
    }

    /** True when the entry has at least one letter or digit, i.e. can ever match. */
    public static boolean isMatchable(String word) {
        return word != null && !stripStar(word).isBlank() && !TextNormalizer.fold(stripStar(word)).isBlank();
    }

    /** True when any entry occurs in the folded text. */
    public boolean matchesAny(String folded) {
        return firstMatch(folded) != null;
    }

    /** The first entry (as written) occurring in the folded text, or null. */
    public String firstMatch(String folded) {
        for (int i = 0; i < needles.length; i++) {
            if (folded.contains(needles[i])) {
                return entries[i];
            }
        }
        return null;
    }

    public boolean isEmpty() {
        return needles.length == 0;
    }

    private static String needle(String word) {
        boolean prefix = word.strip().endsWith("*");
        String folded = TextNormalizer.fold(stripStar(word));
        return prefix ? folded.substring(0, folded.length() - 1) : folded;
    }

    private static String stripStar(String word) {
        String w = word.strip();
        return w.endsWith("*") ? w.substring(0, w.length() - 1) : w;
    }
}
