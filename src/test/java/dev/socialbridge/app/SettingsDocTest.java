package dev.socialbridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.config.ConfigKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README settings table and the example application.properties must list exactly the keys the code reads. */
class SettingsDocTest {
    private static final Pattern README_ROW = Pattern.compile("^\\| `(socialbridge\\.[^`]+)` \\| `?([^|`]*)`? \\|", Pattern.MULTILINE);
    private static final Set<String> KEYED = Set.of(
            "socialbridge.meta.accounts.<name>.id", "socialbridge.meta.accounts.<name>.platform",
            "socialbridge.meta.accounts.<name>.page-id", "socialbridge.meta.accounts.<name>.access-token");

    private static Set<String> codeKeys() {
        Set<String> keys = ConfigKeys.all().stream().map(ConfigKeys.Key::name).collect(Collectors.toCollection(TreeSet::new));
        for (String k : Components.HOST_KEYS) {
            keys.add("socialbridge.host.rt." + k);
        }
        keys.addAll(KEYED);
        return keys;
    }

    @Test
    void readmeTableListsExactlyTheKeysOfTheCode() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Set<String> documented = new TreeSet<>();
        Matcher m = README_ROW.matcher(readme);
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertEquals(codeKeys(), documented);
    }

    @Test
    void readmeDefaultsMatchTheCode() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (ConfigKeys.Key key : ConfigKeys.all()) {
            if (key.defaultValue() != null) {
                assertTrue(readme.contains("| `" + key.name() + "` | `" + key.defaultValue() + "` |"),
                        key.name() + " should be documented with default " + key.defaultValue());
            }
        }
    }

    @Test
    void exampleApplicationPropertiesMentionsEveryKey() throws IOException {
        String props = Files.readString(Path.of("plugin/config/application.properties"));
        for (String key : codeKeys()) {
            String example = key.replace("<name>", "brand-ig");
            assertTrue(props.contains(example + "="), "plugin/config/application.properties lacks " + example);
        }
    }
}
