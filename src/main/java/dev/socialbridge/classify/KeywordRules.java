package dev.socialbridge.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The keyword layer: phrase rules over normalised tokens, kept in a token trie so that matching costs a few
 * hash look-ups per token, plus optional regular expressions over the normalised text. Each rule adds its
 * weight to one category (an intent, "positive" or "negative") at most once per message; a sentiment rule
 * preceded or followed by a negation ("pas", "not", "n't") counts for the opposite side. Immutable and
 * thread-safe once built.
 */
public final class KeywordRules {
    private static final Set<String> NEGATORS_BEFORE = Set.of("not", "no", "never", "t", "dont", "cant", "isnt",
            "wasnt", "aint", "pas", "jamais", "aucun", "aucune", "sans", "ni", "n", "ne", "nothing", "rien", "plus");
    private static final Set<String> NEGATORS_AFTER = Set.of("pas", "jamais", "plus", "point");
    private static final double NEGATED_POSITIVE = 0.8;
    private static final double NEGATED_NEGATIVE = 0.3;
    private static final byte FOUND = 1;
    private static final byte NOT_FOUND = 2;

    private final Node root;
    private final int[] ruleCategory;
    private final double[] ruleWeight;
    private final boolean[] anchoredStart;
    private final boolean[] anchoredEnd;
    private final List<RegexRule> regexRules;
    /** Distinct regular expressions: rules with the same expression share one search per message. */
    private final Pattern[] distinctPatterns;

    private KeywordRules(Node root, Builder b) {
        this.root = root;
        this.ruleCategory = b.categories.stream().mapToInt(Integer::intValue).toArray();
        this.ruleWeight = b.weights.stream().mapToDouble(Double::doubleValue).toArray();
        this.anchoredStart = toArray(b.anchoredStart);
        this.anchoredEnd = toArray(b.anchoredEnd);
        Map<String, Integer> distinct = new HashMap<>();
        List<Pattern> patterns = new ArrayList<>();
        List<RegexRule> rules = new ArrayList<>();
        for (RegexRule r : b.regexRules) {
            int group = distinct.computeIfAbsent(r.pattern.flags() + "/" + r.pattern.pattern(), k -> {
                patterns.add(r.pattern);
                return patterns.size() - 1;
            });
            rules.add(new RegexRule(r.pattern, r.id, group));
        }
        this.regexRules = List.copyOf(rules);
        this.distinctPatterns = patterns.toArray(new Pattern[0]);
    }

    private static boolean[] toArray(List<Boolean> list) {
        boolean[] a = new boolean[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }

    public int size() {
        return ruleCategory.length;
    }

    /** Summed rule weights per category ({@link Categories} indexes) for one message. */
    public double[] match(NormalizedText text) {
        Hits hits = new Hits(text);
        for (int start = 0; start < text.size(); start++) {
            walk(root, text, start, start, hits);
        }
        if (!regexRules.isEmpty() && text.size() > 0) {
            String joined = joined(text);
            byte[] found = new byte[distinctPatterns.length];
            for (RegexRule r : regexRules) {
                if (found[r.group] == 0) {
                    found[r.group] = distinctPatterns[r.group].matcher(joined).find() ? FOUND : NOT_FOUND;
                }
                if (found[r.group] == FOUND) {
                    hits.hit(r.id, -1, -1);
                }
            }
        }
        return hits.weights;
    }

    /** {@code " word word word "}: the text regular expressions search. */
    private static String joined(NormalizedText text) {
        int length = 1;
        for (int i = 0; i < text.size(); i++) {
            length += text.token(i).length() + 1;
        }
        StringBuilder b = new StringBuilder(length).append(' ');
        for (int i = 0; i < text.size(); i++) {
            b.append(text.token(i)).append(' ');
        }
        return b.toString();
    }

    private void walk(Node node, NormalizedText t, int pos, int start, Hits hits) {
        for (int rule : node.rules) {
            hits.hit(rule, start, pos);
        }
        if (pos >= t.size()) {
            return;
        }
        String token = t.token(pos);
        Node next = node.exact.get(token);
        if (next != null) {
            walk(next, t, pos + 1, start, hits);
        }
        if (!node.prefixes.isEmpty() && token.length() >= Step.MIN_STEM) {
            List<Edge> edges = node.prefixes.get(token.substring(0, Step.MIN_STEM));
            if (edges != null) {
                for (Edge e : edges) {
                    if (token.startsWith(e.stem)) {
                        walk(e.target, t, pos + 1, start, hits);
                    }
                }
            }
        }
        if (node.any != null) {
            walk(node.any, t, pos + 1, start, hits);
        }
    }

    /** Per-message accumulator. */
    private final class Hits {
        final NormalizedText text;
        final double[] weights = new double[Categories.COUNT];
        final boolean[] seen = new boolean[ruleCategory.length];

        Hits(NormalizedText text) {
            this.text = text;
        }

        void hit(int rule, int start, int end) {
            if (seen[rule] || (anchoredStart[rule] && start != 0) || (anchoredEnd[rule] && end != text.size())) {
                return;
            }
            seen[rule] = true;
            int category = ruleCategory[rule];
            double weight = ruleWeight[rule];
            if (start >= 0 && (category == Categories.POSITIVE || category == Categories.NEGATIVE)
                    && negated(start, end)) {
                boolean positive = category == Categories.POSITIVE;
                category = positive ? Categories.NEGATIVE : Categories.POSITIVE;
                weight *= positive ? NEGATED_POSITIVE : NEGATED_NEGATIVE;
            }
            weights[category] += weight;
        }

        boolean negated(int start, int end) {
            for (int i = Math.max(0, start - 3); i < start; i++) {
                if (NEGATORS_BEFORE.contains(text.token(i))) {
                    return true;
                }
            }
            return end < text.size() && NEGATORS_AFTER.contains(text.token(end));
        }
    }

    /** One element of a phrase pattern. */
    record Step(Kind kind, String text) {
        static final int MIN_STEM = 3;

        enum Kind { EXACT, PREFIX, ANY }
    }

    private record Edge(String stem, Node target) {
    }

    /** A regular-expression rule; {@code group} indexes its expression among the distinct ones. */
    private record RegexRule(Pattern pattern, int id, int group) {
    }

    private static final class Node {
        final Map<String, Node> exact = new HashMap<>();
        final Map<String, List<Edge>> prefixes = new HashMap<>();
        Node any;
        int[] rules = new int[0];

        Node child(Step step) {
            switch (step.kind()) {
                case EXACT:
                    return exact.computeIfAbsent(step.text(), k -> new Node());
                case ANY:
                    if (any == null) {
                        any = new Node();
                    }
                    return any;
                default:
                    List<Edge> edges = prefixes.computeIfAbsent(step.text().substring(0, Step.MIN_STEM),
                            k -> new ArrayList<>());
                    for (Edge e : edges) {
                        if (e.stem.equals(step.text())) {
                            return e.target;
                        }
                    }
                    Node n = new Node();
                    edges.add(new Edge(step.text(), n));
                    return n;
            }
        }

        void addRule(int id) {
            int[] more = java.util.Arrays.copyOf(rules, rules.length + 1);
            more[rules.length] = id;
            rules = more;
        }
    }

    /** Collects rules; not thread-safe, build once. */
    public static final class Builder {
        private final Node root = new Node();
        private final List<Integer> categories = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();
        private final List<Boolean> anchoredStart = new ArrayList<>();
        private final List<Boolean> anchoredEnd = new ArrayList<>();
        private final List<RegexRule> regexRules = new ArrayList<>();

        /**
         * One rule matched by any of {@code variants} (word sequences); {@code atStart}/{@code atEnd} require it to
         * begin/end the message. It adds its weight once per message however many variants match.
         */
        Builder addPhrase(int category, double weight, List<List<Step>> variants, boolean atStart, boolean atEnd) {
            if (variants.isEmpty() || variants.stream().anyMatch(List::isEmpty)) {
                throw new IllegalArgumentException("empty pattern");
            }
            int id = register(category, weight, atStart, atEnd);
            for (List<Step> steps : variants) {
                Node node = root;
                for (Step step : steps) {
                    node = node.child(step);
                }
                if (!java.util.Arrays.stream(node.rules).anyMatch(r -> r == id)) {
                    node.addRule(id);
                }
            }
            return this;
        }

        Builder addRegex(int category, double weight, Pattern pattern) {
            regexRules.add(new RegexRule(pattern, register(category, weight, false, false), -1));
            return this;
        }

        private int register(int category, double weight, boolean atStart, boolean atEnd) {
            categories.add(category);
            weights.add(weight);
            anchoredStart.add(atStart);
            anchoredEnd.add(atEnd);
            return categories.size() - 1;
        }

        /** The rules collected so far; build once, the builder must not be used afterwards. */
        public KeywordRules build() {
            return new KeywordRules(root, this);
        }
    }
}
