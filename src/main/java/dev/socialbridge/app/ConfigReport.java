package dev.socialbridge.app;

import java.io.PrintWriter;
import java.util.List;

/** Prints configuration problems, one per line with its key, and returns the bad-config exit code. */
final class ConfigReport {
    private ConfigReport() {
    }

    static int print(PrintWriter err, List<String> problems) {
        err.println("social-bridge: " + problems.size() + " configuration problem(s):");
        problems.forEach(p -> err.println("  - " + p));
        err.flush();
        return Main.BAD_CONFIG;
    }
}
