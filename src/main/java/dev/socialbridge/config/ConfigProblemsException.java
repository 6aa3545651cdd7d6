package dev.socialbridge.config;

import java.util.List;

/** Configuration is invalid; {@link #problems()} lists every problem, each starting with its key. */
public class ConfigProblemsException extends RuntimeException {
    private final List<String> problems;

    public ConfigProblemsException(List<String> problems) {
        super(problems.size() + " configuration problem(s):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
