package dev.socialbridge.descriptor;

import java.util.List;

/**
 * The descriptor is unreadable or invalid. {@link #problems()} lists every violation found, each
 * starting with the JSON path it is about, e.g. {@code $.queues[2].sla.firstResponseMinutes: must be >= 1}.
 */
public class DescriptorException extends RuntimeException {
    private final List<String> problems;

    public DescriptorException(String source, List<String> problems) {
        super(message(source, problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static String message(String source, List<String> problems) {
        return "Invalid plugin descriptor " + source + " (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n  " + String.join("\n  ", problems);
    }
}
