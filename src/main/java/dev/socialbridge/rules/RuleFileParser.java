package dev.socialbridge.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.templates.YamlNodes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compiles a rules file: a list of rules, or a mapping whose {@code rules} key holds it. Collects
 * every problem, each naming the file, the rule (id and 1-based position) and the key.
 */
final class RuleFileParser {

    static final List<String> RULE_KEYS = List.of("id", "description", "enabled", "stop", "when", "then", "rollout", "killSwitch",
            "confidenceGate");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]*");

    private final String file;
    private final Set<String> templateIds;
    private final List<String> problems;

    private final Set<String> flowIds;

    RuleFileParser(String file, Set<String> templateIds, List<String> problems) {
        this(file, templateIds, Set.of(), problems);
    }

    /** @param flowIds the qualifier flows of the templates file, which {@code qualify} actions may name */
    RuleFileParser(String file, Set<String> templateIds, Set<String> flowIds, List<String> problems) {
        this.flowIds = flowIds;
        this.file = file;
        this.templateIds = templateIds;
        this.problems = problems;
    }

    /** The enabled rules in file order (disabled rules are validated too, then dropped). */
    List<Rule> parse(JsonNode root) {
        JsonNode list = root;
        if (root.isObject()) {
            YamlNodes.rejectUnknownKeys(root, List.of("rules"), file + ": ", "key", problems);
            list = root.path("rules");
        }
        if (!list.isArray()) {
            problems.add(file + ": expected a list of rules (or a mapping with 'rules:'), found "
                    + (list.isMissingNode() ? "no 'rules' key" : YamlNodes.describe(list)));
            return List.of();
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Rule r = rule(list.get(i), i + 1, seen);
            if (r != null) {
                rules.add(r);
            }
        }
        return rules;
    }

    private Rule rule(JsonNode node, int position, Set<String> seen) {
        if (!node.isObject()) {
            problems.add(file + ": rule #" + position + ": expected a mapping with id, when, then, found " + YamlNodes.describe(node));
            return null;
        }
        String id = node.path("id").isTextual() ? node.get("id").asText() : null;
        String where = file + ": rule " + (id == null || id.isBlank() ? "#" + position : "'" + id + "' (#" + position + ")") + ": ";
        int before = problems.size();
        checkId(node, id, where, seen);
        YamlNodes.rejectUnknownKeys(node, RULE_KEYS, where, "key", problems);
        if (node.has("description")) {
            YamlNodes.text(node.get("description"), where + "description", problems);
        }
        boolean enabled = flag(node, "enabled", true, where);
        boolean stop = flag(node, "stop", true, where);
        boolean killSwitch = flag(node, "killSwitch", false, where);
        int rollout = node.has("rollout") ? rollout(node.get("rollout"), where) : 100;
        Condition[] when = new ConditionParser(where, problems).parse(node.path("when"));
        ActionSpec[] then = new ActionParser(where, id, templateIds, flowIds, problems).parse(node.path("then"));
        if (!node.has("then")) {
            problems.add(where + "then: missing (a rule without actions only stops evaluation: write 'then: []')");
        }
        Boolean gate = node.has("confidenceGate") ? YamlNodes.bool(node.get("confidenceGate"), where + "confidenceGate",
                problems) : null;
        boolean ok = problems.size() == before;
        boolean usesFollowers = node.path("when").has("minFollowers") || node.path("when").has("vip");
        boolean readsClassifier = ConditionParser.CLASSIFIER_KEYS.stream().anyMatch(node.path("when")::has);
        boolean gatesMessages = gate != null ? gate : readsClassifier;
        boolean gatesHides = readsClassifier || Boolean.TRUE.equals(gate);
        return ok && enabled ? new Rule(id, stop, when, then, rollout, killSwitch, usesFollowers, gatesMessages,
                gatesHides) : null;
    }

    private void checkId(JsonNode node, String id, String where, Set<String> seen) {
        if (!node.has("id")) {
            problems.add(where + "id: missing");
        } else if (id == null || !ID.matcher(id).matches()) {
            problems.add(where + "id: must be a name of letters, digits, '_', '.', ':' or '-', found "
                    + YamlNodes.describe(node.get("id")));
        } else if (!seen.add(id)) {
            problems.add(where + "id: duplicate rule id '" + id + "'");
        }
    }

    private boolean flag(JsonNode node, String key, boolean dflt, String where) {
        if (!node.has(key)) {
            return dflt;
        }
        Boolean b = YamlNodes.bool(node.get(key), where + key, problems);
        return b == null ? dflt : b;
    }

    private int rollout(JsonNode node, String where) {
        Long v = YamlNodes.integer(node, 0, 100, where + "rollout", problems);
        return v == null ? 100 : v.intValue();
    }
}
