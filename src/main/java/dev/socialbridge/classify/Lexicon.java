package dev.socialbridge.classify;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The bundled word lists: per-language common words ({@code classify/lang-words.txt}, lines
 * {@code fr: word word ...}) and chat abbreviations ({@code classify/aliases.txt}, lines {@code alias = words}).
 * Words are stored already folded (lower case, no accents).
 */
final class Lexicon {
    static final String LANG_WORDS = "/classify/lang-words.txt";
    static final String ALIASES = "/classify/aliases.txt";
    static final int FR = 1;
    static final int EN = 2;
    static final int OTHER = 4;

    final Map<String, Integer> languages;
    final Map<String, String[]> aliases;

    private Lexicon(Map<String, Integer> languages, Map<String, String[]> aliases) {
        this.languages = Map.copyOf(languages);
        this.aliases = Map.copyOf(aliases);
    }

    static Lexicon loadDefault() {
        Map<String, Integer> languages = new HashMap<>();
        for (String line : ClasspathText.lines(LANG_WORDS)) {
            int colon = line.indexOf(':');
            int bit = switch (line.substring(0, colon).strip()) {
                case "fr" -> FR;
                case "en" -> EN;
                default -> OTHER;
            };
            for (String w : line.substring(colon + 1).strip().split("\\s+")) {
                languages.merge(fold(w), bit, (a, b) -> a | b);
            }
        }
        Map<String, String[]> aliases = new HashMap<>();
        for (String line : ClasspathText.lines(ALIASES)) {
            int eq = line.indexOf('=');
            aliases.put(fold(line.substring(0, eq).strip()), fold(line.substring(eq + 1).strip()).split("\\s+"));
        }
        return new Lexicon(languages, aliases);
    }

    /** Every word the normaliser should treat as known when undoing elongations. */
    Set<String> vocabulary() {
        Set<String> words = new HashSet<>(languages.keySet());
        aliases.values().forEach(v -> words.addAll(List.of(v)));
        return words;
    }

    private static String fold(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return java.text.Normalizer.normalize(lower, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("œ", "oe").replace("æ", "ae");
    }
}
