package dev.socialbridge.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Records are stored as JSON (outbox commands, interactions): Jackson reads a method {@code isX()} or {@code getX()}
 * as property {@code x}. When a record also has a component {@code x}, the method's value overwrites it on the way
 * out, and the stored command comes back different (a boolean where an email address was). No record of the product
 * may have such a pair, unless the method is {@link JsonIgnore}d.
 */
class RecordJsonNamesTest {
    @Test
    void noRecordHasABeanGetterNamedLikeOneOfItsComponents() throws Exception {
        Path classes = Path.of(RecordJsonNamesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent().resolve("classes");
        List<String> clashes = new ArrayList<>();
        int records = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, getClass().getClassLoader());
                if (!c.isRecord()) {
                    continue;
                }
                records++;
                Set<String> components = Stream.of(c.getRecordComponents()).map(RecordComponent::getName)
                        .collect(Collectors.toSet());
                for (Method m : c.getDeclaredMethods()) {
                    String property = beanProperty(m);
                    if (property != null && components.contains(property) && !m.isAnnotationPresent(JsonIgnore.class)) {
                        clashes.add(c.getName() + "." + m.getName() + "() is read as its component '" + property + "'");
                    }
                }
            }
        }
        assertTrue(records > 50, "found only " + records + " records under " + classes);
        assertEquals(List.of(), clashes);
    }

    private static String beanProperty(Method m) {
        if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.isSynthetic()) {
            return null;
        }
        String n = m.getName();
        String rest = n.startsWith("is") && n.length() > 2 && Character.isUpperCase(n.charAt(2)) ? n.substring(2)
                : n.startsWith("get") && n.length() > 3 && Character.isUpperCase(n.charAt(3)) ? n.substring(3) : null;
        return rest == null ? null : rest.substring(0, 1).toLowerCase(Locale.ROOT) + rest.substring(1);
    }
}
