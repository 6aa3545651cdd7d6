package dev.socialbridge.rules;

import java.util.List;

/**
 * The rules or templates files are invalid. {@link #problems()} lists every problem found, each
 * naming the file, the rule or template and the key, e.g.
 * {@code rules.yaml: rule 'hot-lead' (#2): when.intent: unknown intent 'buy' (expected one of ...)}.
 */
public class RuleValidationException extends RuntimeException {

    private final List<String> problems;

    public RuleValidationException(List<String> problems) {
        super(problems.size() + " problem(s) in the automation rules/templates:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
