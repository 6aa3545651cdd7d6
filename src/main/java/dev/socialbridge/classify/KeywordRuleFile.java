package dev.socialbridge.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads keyword rules, one per line: {@code CATEGORY[:WEIGHT] PATTERN}. CATEGORY is an intent, "positive" or
 * "negative"; WEIGHT defaults to 1 and may be negative to veto a category. PATTERN is a phrase matched on
 * whole normalised words (case, accents and elongations do not matter): {@code word*} matches any word
 * starting with "word" (at least 3 letters), {@code ?} matches any one word, {@code <url>}, {@code <mention>},
 * {@code <num>} and {@code <longnum>} match those tokens; a leading {@code ^} / trailing {@code $} (separate words)
 * anchor the phrase to the start / end of the message; {@code (a|b c|)} is one of several words or phrases, an
 * empty one making the group optional (one rule: it adds its weight once however many variants match). {@code
 * re:REGEX} is a Java regular expression searched
 * in the normalised words joined by single spaces, with a space at each end. Blank lines and lines starting
 * with {@code #} are ignored.
 */
final class KeywordRuleFile {
    static final double MAX_WEIGHT = 10;
    /** Bound on the variants of one phrase with {@code (a|b)} groups, so that an admin file cannot blow up. */
    static final int MAX_VARIANTS = 5000;
    private static final Map<String, String> PLACEHOLDERS = Map.of("<url>", NormalizedText.URL,
            "<mention>", NormalizedText.MENTION, "<num>", NormalizedText.NUMBER,
            "<longnum>", NormalizedText.LONG_NUMBER, "<emoji+>", NormalizedText.EMOJI_POSITIVE,
            "<emoji->", NormalizedText.EMOJI_NEGATIVE);

    private final MessageNormalizer normalizer;

    KeywordRuleFile(MessageNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /**
     * Adds every rule of {@code reader} to {@code builder}.
     *
     * @throws IllegalArgumentException naming {@code sourceName}, the line and the problem
     */
    void read(BufferedReader reader, String sourceName, KeywordRules.Builder builder) throws IOException {
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String trimmed = (number == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line).strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            try {
                addLine(trimmed, builder);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(sourceName + " line " + number + ": " + e.getMessage(), e);
            }
        }
    }

    private void addLine(String line, KeywordRules.Builder builder) {
        int space = indexOfWhitespace(line);
        if (space < 0) {
            throw new IllegalArgumentException("expected 'CATEGORY PATTERN', got '" + line + "'");
        }
        String head = line.substring(0, space);
        String pattern = line.substring(space + 1).strip();
        int colon = head.indexOf(':');
        String categoryName = colon < 0 ? head : head.substring(0, colon);
        int category = Categories.indexOf(categoryName);
        if (category < 0) {
            throw new IllegalArgumentException("unknown category '" + categoryName + "' (expected one of "
                    + String.join(", ", Categories.INTENTS) + ", positive, negative)");
        }
        double weight = colon < 0 ? 1.0 : parseWeight(head.substring(colon + 1));
        if (pattern.startsWith("re:")) {
            builder.addRegex(category, weight, compile(pattern.substring(3)));
        } else {
            String[] pieces = pattern.split("\\s+");
            boolean atStart = pieces[0].equals("^");
            boolean atEnd = pieces.length > 1 && pieces[pieces.length - 1].equals("$");
            String body = String.join(" ", java.util.Arrays.copyOfRange(pieces, atStart ? 1 : 0,
                    atEnd ? pieces.length - 1 : pieces.length));
            builder.addPhrase(category, weight, paths(body), atStart, atEnd);
        }
    }

    private static double parseWeight(String text) {
        try {
            double w = Double.parseDouble(text);
            if (!Double.isFinite(w) || Math.abs(w) > MAX_WEIGHT) {
                throw new IllegalArgumentException("weight " + text + " is outside -10..10");
            }
            return w;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("weight '" + text + "' is not a number");
        }
    }

    private static Pattern compile(String regex) {
        if (regex.isBlank()) {
            throw new IllegalArgumentException("empty regular expression");
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex());
        }
    }

    /** Every variant of a phrase with {@code (a|b|)} groups, as trie steps; at most {@value #MAX_VARIANTS}. */
    List<List<KeywordRules.Step>> paths(String pattern) {
        List<List<KeywordRules.Step>> paths = List.of(List.of());
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == ')') {
                throw new IllegalArgumentException("unmatched ')' in '" + pattern + "'");
            }
            if (c != '(') {
                plain.append(c);
                continue;
            }
            int close = pattern.indexOf(')', i);
            if (close < 0 || pattern.substring(i + 1, close).indexOf('(') >= 0) {
                throw new IllegalArgumentException("unclosed or nested '(' in '" + pattern + "'");
            }
            paths = extend(paths, List.of(plain.toString()), pattern);
            paths = extend(paths, List.of(pattern.substring(i + 1, close).split("\\|", -1)), pattern);
            plain.setLength(0);
            i = close;
        }
        paths = extend(paths, List.of(plain.toString()), pattern);
        for (List<KeywordRules.Step> path : paths) {
            if (path.isEmpty() || path.stream().allMatch(s -> s.kind() == KeywordRules.Step.Kind.ANY)) {
                throw new IllegalArgumentException("pattern '" + pattern + "' has a variant with no words");
            }
        }
        return paths;
    }

    private List<List<KeywordRules.Step>> extend(List<List<KeywordRules.Step>> paths, List<String> alternatives,
                                                 String pattern) {
        if (paths.size() * alternatives.size() > MAX_VARIANTS) {
            throw new IllegalArgumentException("pattern '" + pattern + "' has more than " + MAX_VARIANTS + " variants");
        }
        List<List<KeywordRules.Step>> longer = new ArrayList<>();
        for (List<KeywordRules.Step> path : paths) {
            for (String alternative : alternatives) {
                List<KeywordRules.Step> p = new ArrayList<>(path);
                p.addAll(steps(alternative));
                longer.add(p);
            }
        }
        return longer;
    }

    /** Turns words into trie steps, normalising each word as messages are normalised. */
    private List<KeywordRules.Step> steps(String pattern) {
        List<KeywordRules.Step> steps = new ArrayList<>();
        for (String piece : pattern.isBlank() ? new String[0] : pattern.strip().split("\\s+")) {
            if (piece.equals("?")) {
                steps.add(new KeywordRules.Step(KeywordRules.Step.Kind.ANY, "?"));
            } else if (PLACEHOLDERS.containsKey(piece)) {
                steps.add(new KeywordRules.Step(KeywordRules.Step.Kind.EXACT, PLACEHOLDERS.get(piece)));
            } else {
                addWords(piece, steps);
            }
        }
        return steps;
    }

    private void addWords(String piece, List<KeywordRules.Step> steps) {
        boolean wildcard = piece.endsWith("*");
        String body = wildcard ? piece.substring(0, piece.length() - 1) : piece;
        if (body.indexOf('*') >= 0) {
            throw new IllegalArgumentException("'*' is only allowed at the end of a word: '" + piece + "'");
        }
        List<String> words = normalizer.normalize(body).tokens();
        for (int i = 0; i < words.size(); i++) {
            boolean prefix = wildcard && i == words.size() - 1;
            if (prefix && words.get(i).length() < KeywordRules.Step.MIN_STEM) {
                throw new IllegalArgumentException("wildcard stem '" + words.get(i) + "' is shorter than "
                        + KeywordRules.Step.MIN_STEM + " letters");
            }
            steps.add(new KeywordRules.Step(prefix ? KeywordRules.Step.Kind.PREFIX : KeywordRules.Step.Kind.EXACT,
                    words.get(i)));
        }
        if (wildcard && words.isEmpty()) {
            throw new IllegalArgumentException("wildcard '" + piece + "' has no letters");
        }
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
