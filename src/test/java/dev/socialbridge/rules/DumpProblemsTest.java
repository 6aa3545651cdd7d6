package dev.socialbridge.rules;

import org.junit.jupiter.api.Test;
import java.nio.file.*;

class DumpProblemsTest {
    @Test
    void dump() throws Exception {
        try (var files = Files.list(Path.of("test-fixtures/rules"))) {
            for (Path p : files.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.equals("templates.yaml")) continue;
                boolean tpl = n.equals("invalid-templates.yaml");
                System.out.println("== " + n);
                AutomationEngine.validate(tpl ? Path.of("test-fixtures/rules/valid-minimal.yaml") : p,
                        tpl ? p : Path.of("test-fixtures/rules/templates.yaml")).forEach(s -> System.out.println("  " + s));
            }
        }
    }
}
