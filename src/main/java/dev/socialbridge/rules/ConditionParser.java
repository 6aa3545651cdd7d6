package dev.socialbridge.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.guard.WordList;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.templates.YamlNodes;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Compiles the {@code when} mapping of a rule into {@link Condition}s (all must hold; a list value
 * matches any of its elements). Every problem names the key: {@code when.<key>: ...}.
 */
final class ConditionParser {

    static final List<String> KEYS = List.of("platform", "kind", "intent", "minConfidence", "sentiment",
            "sentimentAtMost", "sentimentAtLeast", "language", "keywords", "regex", "minFollowers", "verified",
            "vip", "campaignTag", "firstMessageInThread", "minBotTurns", "maxBotTurns", "businessHours", "timeOfDay");
    /**
     * The conditions on the classifier's guess (intent, its confidence, sentiment): a rule with one of them acts on
     * that guess, so the {@link ConfidenceGate} applies to it. {@code language} is not among them: it is detected
     * apart from the intent, and the gate is about the intent's confidence.
     */
    static final List<String> CLASSIFIER_KEYS = List.of("intent", "minConfidence", "sentiment", "sentimentAtMost",
            "sentimentAtLeast");

    private final String where;
    private final List<String> problems;

    /** @param where location prefix ending in ": ", e.g. {@code "rules.yaml: rule 'x' (#1): "} */
    ConditionParser(String where, List<String> problems) {
        this.where = where;
        this.problems = problems;
    }

    Condition[] parse(JsonNode when) {
        if (when.isMissingNode() || when.isNull()) {
            return new Condition[0];
        }
        if (!when.isObject()) {
            problems.add(where + "when: expected a mapping of conditions, found " + YamlNodes.describe(when));
            return new Condition[0];
        }
        YamlNodes.rejectUnknownKeys(when, KEYS, where + "when.", "condition", problems);
        List<Condition> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = when.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (KEYS.contains(e.getKey())) {
                Condition c = condition(e.getKey(), e.getValue(), where + "when." + e.getKey());
                if (c != null) {
                    out.add(c);
                }
            }
        }
        checkSentimentRange(when);
        return out.toArray(Condition[]::new);
    }

    private Condition condition(String key, JsonNode v, String at) {
        return switch (key) {
            case "platform" -> platforms(v, at);
            case "kind" -> kinds(v, at);
            case "intent" -> oneOf(v, at, "intent", Vocabulary.INTENTS, c -> c.classification.intent());
            case "language" -> oneOf(v, at, "language", Vocabulary.LANGUAGES, c -> c.classification.lang());
            case "sentiment" -> oneOf(v, at, "sentiment", Vocabulary.SENTIMENTS, c -> c.classification.sentiment());
            case "minConfidence" -> number(v, at, 0, 1, min -> c -> c.classification.intentConfidence() >= min);
            case "sentimentAtMost" -> number(v, at, -1, 1, max -> c -> c.classification.sentimentScore() <= max);
            case "sentimentAtLeast" -> number(v, at, -1, 1, min -> c -> c.classification.sentimentScore() >= min);
            case "keywords" -> keywords(v, at);
            case "regex" -> regex(v, at);
            case "minFollowers" -> minFollowers(v, at);
            case "verified" -> flag(v, at, c -> c.interaction.author().verified());
            case "vip" -> flag(v, at, RuleContext::isVip);
            case "campaignTag" -> campaignTag(v, at);
            case "firstMessageInThread" -> flag(v, at, c -> c.facts.firstMessageInThread());
            case "minBotTurns" -> count(v, at, n -> c -> c.facts.botTurnsInThread() >= n);
            case "maxBotTurns" -> count(v, at, n -> c -> c.facts.botTurnsInThread() <= n);
            case "businessHours" -> flag(v, at, RuleContext::inBusinessHours);
            case "timeOfDay" -> timeOfDay(v, at);
            default -> throw new IllegalStateException(key);
        };
    }

    private Condition platforms(JsonNode v, String at) {
        Set<Platform> set = enumSet(v, at, "platform", Platform.class, Platform::id);
        return set == null ? null : c -> set.contains(c.interaction.platform());
    }

    private Condition kinds(JsonNode v, String at) {
        Set<InteractionKind> set = enumSet(v, at, "kind", InteractionKind.class, InteractionKind::id);
        return set == null ? null : c -> set.contains(c.interaction.kind());
    }

    private <E extends Enum<E>> Set<E> enumSet(JsonNode v, String at, String what, Class<E> type,
                                               java.util.function.Function<E, String> id) {
        List<String> names = YamlNodes.strings(v, at, problems);
        if (names == null) {
            return null;
        }
        EnumSet<E> set = EnumSet.noneOf(type);
        List<String> ids = Arrays.stream(type.getEnumConstants()).map(id).toList();
        for (String name : names) {
            int i = ids.indexOf(name.strip().toLowerCase(Locale.ROOT));
            if (i < 0) {
                problems.add(at + ": unknown " + what + " '" + name + "' (expected one of " + String.join(", ", ids) + ")");
                return null;
            }
            set.add(type.getEnumConstants()[i]);
        }
        return set;
    }

    private Condition oneOf(JsonNode v, String at, String what, List<String> allowed,
                            java.util.function.Function<RuleContext, String> value) {
        List<String> names = YamlNodes.strings(v, at, problems);
        if (names == null) {
            return null;
        }
        for (String name : names) {
            if (!allowed.contains(name)) {
                problems.add(at + ": unknown " + what + " '" + name + "' (expected one of " + String.join(", ", allowed) + ")");
                return null;
            }
        }
        Set<String> set = Set.copyOf(names);
        return c -> {
            String actual = value.apply(c);
            return actual != null && set.contains(actual);
        };
    }

    private Condition number(JsonNode v, String at, double min, double max,
                             java.util.function.DoubleFunction<Condition> make) {
        Double d = YamlNodes.number(v, min, max, at, problems);
        return d == null ? null : make.apply(d);
    }

    private Condition count(JsonNode v, String at, java.util.function.IntFunction<Condition> make) {
        Long n = YamlNodes.integer(v, 0, Integer.MAX_VALUE, at, problems);
        return n == null ? null : make.apply(n.intValue());
    }

    private Condition flag(JsonNode v, String at, java.util.function.Predicate<RuleContext> test) {
        Boolean b = YamlNodes.bool(v, at, problems);
        if (b == null) {
            return null;
        }
        boolean wanted = b;
        return c -> test.test(c) == wanted;
    }

    private Condition keywords(JsonNode v, String at) {
        List<String> words = YamlNodes.strings(v, at, problems);
        if (words == null) {
            return null;
        }
        for (String w : words) {
            if (!WordList.isMatchable(w)) {
                problems.add(at + ": keyword '" + w + "' has no letter or digit and can never match");
                return null;
            }
        }
        WordList list = WordList.of(words);
        return c -> list.matchesAny(c.folded);
    }

    private Condition regex(JsonNode v, String at) {
        String source = YamlNodes.text(v, at, problems);
        if (source == null) {
            return null;
        }
        try {
            Pattern p = Pattern.compile(source, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            return c -> p.matcher(c.interaction.text()).find();
        } catch (PatternSyntaxException e) {
            problems.add(at + ": invalid regex '" + source + "': " + e.getDescription() + " near index " + e.getIndex());
            return null;
        }
    }

    private Condition minFollowers(JsonNode v, String at) {
        Long n = YamlNodes.integer(v, 0, Long.MAX_VALUE, at, problems);
        if (n == null) {
            return null;
        }
        long min = n;
        return c -> {
            Long followers = c.interaction.author().followerCount();
            return followers != null && followers >= min;
        };
    }

    /** true: any campaign; false: none; a string or list: one of these (case-insensitive). */
    private Condition campaignTag(JsonNode v, String at) {
        if (v.isBoolean()) {
            boolean wanted = v.booleanValue();
            return c -> (c.facts.campaignTag() != null && !c.facts.campaignTag().isBlank()) == wanted;
        }
        List<String> tags = YamlNodes.strings(v, at, problems);
        if (tags == null) {
            return null;
        }
        Set<String> set = tags.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        return c -> c.facts.campaignTag() != null && set.contains(c.facts.campaignTag().strip().toLowerCase(Locale.ROOT));
    }

    /** {from: "HH:mm", to: "HH:mm"} in the business zone; from inclusive, to exclusive; may wrap midnight. */
    private Condition timeOfDay(JsonNode v, String at) {
        if (!v.isObject()) {
            problems.add(at + ": expected {from: \"HH:mm\", to: \"HH:mm\"}, found " + YamlNodes.describe(v));
            return null;
        }
        YamlNodes.rejectUnknownKeys(v, List.of("from", "to"), at + ".", "key", problems);
        LocalTime from = time(v.path("from"), at + ".from");
        LocalTime to = time(v.path("to"), at + ".to");
        if (from == null || to == null) {
            return null;
        }
        boolean wraps = to.isBefore(from);
        return c -> {
            LocalTime t = c.localNow().toLocalTime();
            boolean afterFrom = !t.isBefore(from);
            boolean beforeTo = t.isBefore(to);
            return wraps ? afterFrom || beforeTo : afterFrom && beforeTo;
        };
    }

    private LocalTime time(JsonNode v, String at) {
        if (!v.isTextual()) {
            problems.add(at + ": expected a quoted time \"HH:mm\", found "
                    + (v.isMissingNode() ? "nothing" : YamlNodes.describe(v)));
            return null;
        }
        try {
            return LocalTime.parse(v.asText().strip());
        } catch (DateTimeParseException e) {
            problems.add(at + ": '" + v.asText() + "' is not a time (expected \"HH:mm\")");
            return null;
        }
    }

    private void checkSentimentRange(JsonNode when) {
        JsonNode most = when.path("sentimentAtMost");
        JsonNode least = when.path("sentimentAtLeast");
        if (most.isNumber() && least.isNumber() && least.doubleValue() > most.doubleValue()) {
            problems.add(where + "when.sentimentAtLeast: " + least.asText() + " is above sentimentAtMost "
                    + most.asText() + ", the rule can never match");
        }
    }
}
