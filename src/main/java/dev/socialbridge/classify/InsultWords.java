package dev.socialbridge.classify;

import java.util.HashSet;
import java.util.Set;

/**
 * The bundled list of words that insult a person or a group ({@code classify/insult-words.txt}, lines
 * {@code fr: word word ...}), already folded. The intent model sees them as features; they are not rules.
 */
final class InsultWords {
    static final String RESOURCE = "/classify/insult-words.txt";

    /** Words that address the reader: an insult next to one of them is aimed at someone. */
    private static final Set<String> SECOND_PERSON = Set.of(
            "you", "your", "youre", "yours", "yourself", "u", "ur", "ya", "yall",
            "tu", "t", "te", "toi", "ta", "ton", "tes", "vous", "votre", "vos");

    private static final Set<String> WORDS = load();

    private InsultWords() {
    }

    static boolean isInsult(String token) {
        return WORDS.contains(token);
    }

    static boolean addressesSomeone(String token) {
        return SECOND_PERSON.contains(token);
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        for (String line : ClasspathText.lines(RESOURCE)) {
            int colon = line.indexOf(':');
            for (String w : line.substring(colon + 1).strip().split("\\s+")) {
                words.add(w);
            }
        }
        return Set.copyOf(words);
    }
}
