package dev.socialbridge.host.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.config.SettingSpec;
import dev.socialbridge.config.SettingValues;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.DescriptorLoader;
import dev.socialbridge.descriptor.SettingDef;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.HostAdapterFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RtHostAdapterFactoryTest {
    private final RtHostAdapterFactory factory = new RtHostAdapterFactory();

    @Test
    void isDiscoverableByItsType() {
        assertInstanceOf(RtHostAdapterFactory.class, HostAdapterFactory.forType("rt").orElseThrow());
        assertEquals("rt", factory.type());
    }

    @Test
    void acceptsATokenOrAUserWithPassword() {
        assertEquals(List.of(), problems(Map.of("base-url", "http://127.0.0.1:8089", "token", "1-14-abc")));
        assertEquals(List.of(), problems(Map.of("base-url", "https://rt.example.com/", "user", "bot",
                "password", "pw", "timeout-ms", "5000", "apply-helper", "off")));
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "base-url     | ''                    | socialbridge.host.rt.base-url: is required (RT base URL, e.g. `http://127.0.0.1:8089` (without /REST/2.0))",
        "base-url     | ftp://rt.example.com  | socialbridge.host.rt.base-url: 'ftp://rt.example.com' must be an http(s) URL",
        "base-url     | not a url             | socialbridge.host.rt.base-url: 'not a url' must be an http(s) URL",
        "token        | ''                    | socialbridge.host.rt.token: is required (or set socialbridge.host.rt.user and socialbridge.host.rt.password)",
        "timeout-ms   | 0                     | socialbridge.host.rt.timeout-ms: '0' must be a positive number of milliseconds",
        "timeout-ms   | soon                  | socialbridge.host.rt.timeout-ms: 'soon' must be a whole number",
        "apply-helper | always                | socialbridge.host.rt.apply-helper: 'always' must be one of auto, off",
        "time-out-ms  | 5000                  | socialbridge.host.rt.time-out-ms: unknown setting (known: base-url, token, user, password, timeout-ms, apply-helper, bot-token, contact-group, contact-key, role-groups)",
    })
    void reportsEachInvalidSettingWithItsFullKey(String key, String value, String expected) {
        Map<String, String> settings = new HashMap<>(Map.of("base-url", "http://127.0.0.1:8089", "token", "1-14-abc"));
        settings.put(key, value);

        assertEquals(List.of(expected), problems(settings));
    }

    @Test
    void asksForThePasswordWhenOnlyAUserIsSet() {
        assertEquals(List.of("socialbridge.host.rt.password: is required when socialbridge.host.rt.user is set and no token is"),
                problems(Map.of("base-url", "http://rt", "user", "bot")));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertEquals(2, problems(Map.of()).size());
    }

    @Test
    void refusesToCreateFromInvalidSettingsWithoutShowingSecrets() {
        Descriptor descriptor = DescriptorLoader.fromClasspath();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> factory.create(RtSettings.values(Map.of("base-url", "ftp://x", "password", "s3cret")), descriptor));

        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void createsAnAdapterWithoutTalkingToRt() {
        HostAdapter adapter = factory.create(RtSettings.values(Map.of("base-url", "http://127.0.0.1:1", "token", "1-14-secret")),
                DescriptorLoader.fromClasspath());

        assertEquals("rt", adapter.type());
        assertFalse(adapter.toString().contains("secret"));
    }

    @Test
    void declaresItsSettingsWithSecretsMarkedAndNoDefaultForThem() {
        assertEquals(List.of("base-url", "token", "user", "password", "timeout-ms", "apply-helper", "bot-token",
                        "contact-group", "contact-key", "role-groups"),
                factory.settings().stream().map(SettingSpec::key).toList());
        assertEquals(List.of("token", "password", "bot-token", "contact-key"),
                factory.settings().stream().filter(SettingSpec::secret).map(SettingSpec::key).toList());
        assertEquals("15000", factory.settings().get(4).defaultValue());
    }

    private List<String> problems(Map<String, String> settings) {
        SettingValues values = RtSettings.values(settings);
        List<String> problems = new ArrayList<>(values.problems());
        factory.validate(values, problems);
        return problems;
    }
}
