package dev.socialbridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path f = dir.resolve("test.properties");
        Files.writeString(f, content);
        return f;
    }

    @Test
    void reportsEveryBadKeyAtOnce() throws IOException {
        Path f = file("""
                socialbridge.http.port=eighty
                socialbridge.store.jdbc-url=mysql://nope
                socialbridge.outbox.max-backoff=soon
                socialbridge.admin.token=super-secret-admin-token
                """);
        ConfigProblemsException e = assertThrows(ConfigProblemsException.class, () -> ConfigLoader.load(f, dir));
        List<String> problems = e.problems();
        assertEquals(3, problems.size(), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("socialbridge.http.port")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("socialbridge.store.jdbc-url")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("socialbridge.outbox.max-backoff")), problems::toString);
        assertFalse(e.getMessage().contains("super-secret-admin-token"));
    }

    @Test
    void anEmptyRequiredValueIsNamedWithTheOtherProblemsOfTheFile() throws IOException {
        Path f = file("""
                socialbridge.store.jdbc-url=
                socialbridge.http.port=80a
                socialbridge.sla.hours=MON-FRI 9h-18h
                """);
        ConfigProblemsException e = assertThrows(ConfigProblemsException.class, () -> ConfigLoader.load(f, dir));
        List<String> problems = e.problems();
        assertTrue(problems.contains("socialbridge.store.jdbc-url: is empty; set a value or remove the line to use the default"),
                problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("socialbridge.http.port: '80a'")), problems::toString);
        assertFalse(problems.stream().anyMatch(p -> p.contains("SRCFG") || p.contains("Exception")), problems::toString);
    }

    @Test
    void appliesDefaultsAndFileValues() throws IOException {
        LoadedConfig c = ConfigLoader.load(file("socialbridge.http.port=9999\n"), dir);
        assertEquals(9999, c.typed().http().port());
        assertEquals("rt", c.typed().host().type());
        assertEquals(10_485_760L, c.typed().media().maxBytes());
        assertTrue(c.typed().store().jdbcUrl().startsWith("jdbc:h2:file:"));
    }

    @Test
    void configFileOverridesApplicationProperties() throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/application.properties"), "socialbridge.http.port=7000\nsocialbridge.pipeline.default-queue=support\n");
        LoadedConfig c = ConfigLoader.load(file("socialbridge.http.port=7001\n"), dir);
        assertEquals(7001, c.typed().http().port());
        assertEquals("support", c.typed().pipeline().defaultQueue());
    }

    @Test
    void secretsNeverShowInToString() throws IOException {
        LoadedConfig c = ConfigLoader.load(file("socialbridge.admin.token=super-secret-admin-token\nsocialbridge.meta.app-secret=abc123secret\n"), dir);
        Secret token = c.typed().admin().token().orElseThrow();
        assertEquals("****", token.toString());
        assertTrue(token.matches("super-secret-admin-token"));
        assertFalse(token.matches("super-secret-admin-tokeN"));
        assertFalse(c.toString().contains("super-secret"));
        assertFalse(c.toString().contains("abc123secret"));
    }

    @Test
    void groupsCollectKeyedSettings() throws IOException {
        LoadedConfig c = ConfigLoader.load(file("socialbridge.host.rt.base-url=http://rt.example\nsocialbridge.host.rt.token=t\n"), dir);
        assertEquals("http://rt.example", c.group("socialbridge.host.rt.").get("base-url"));
        assertEquals("t", c.group("socialbridge.host.rt.").get("token"));
    }

    @Test
    void aTypoInACoreGroupIsRejectedWithItsKey() throws IOException {
        Path f = file("socialbridge.http.prot=9999\nsocialbridge.store.pool-sise=4\n");
        ConfigProblemsException e = assertThrows(ConfigProblemsException.class, () -> ConfigLoader.load(f, dir));
        assertEquals(List.of("socialbridge.http.prot: unknown setting", "socialbridge.store.pool-sise: unknown setting"),
                e.problems());
    }

    @Test
    void missingConfigFileIsNamed() {
        ConfigProblemsException e = assertThrows(ConfigProblemsException.class,
                () -> ConfigLoader.load(dir.resolve("absent.properties"), dir));
        assertTrue(e.problems().get(0).contains("absent.properties"));
    }

    @Test
    void confidenceGateOutOfRangeIsNamedWithItsKeyWithTheOtherProblems() throws IOException {
        Path f = file("""
                socialbridge.automation.min-confidence=1.5
                socialbridge.automation.hide-min-confidence=-0.1
                socialbridge.automation.min-confidence-by-intent=toxic:0.9,refund_cancel:1.2,happy:0.5
                socialbridge.http.port=eighty
                """);
        ConfigProblemsException e = assertThrows(ConfigProblemsException.class, () -> ConfigLoader.load(f, dir));
        List<String> problems = e.problems();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("socialbridge.automation.min-confidence:")
                && p.contains("between 0 and 1")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("socialbridge.automation.hide-min-confidence:")
                && p.contains("between 0 and 1")), problems::toString);
        assertEquals(2, problems.stream().filter(p -> p.startsWith("socialbridge.automation.min-confidence-by-intent")
                && p.contains("intent:confidence")).count(), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("socialbridge.http.port")), problems::toString);
    }

    @Test
    void confidenceGateThatIsNotANumberIsNamedWithItsKey() throws IOException {
        Path f = file("socialbridge.automation.hide-min-confidence=high\n");
        ConfigProblemsException e = assertThrows(ConfigProblemsException.class, () -> ConfigLoader.load(f, dir));
        assertEquals(List.of("socialbridge.automation.hide-min-confidence: 'high' is not a valid number such as 0.5"),
                e.problems());
    }

    @Test
    void confidenceGateDefaultsAndValues() throws IOException {
        SocialBridgeConfig.Automation defaults = ConfigLoader.load(file(""), dir).typed().automation();
        assertEquals(0.5, defaults.minConfidence());
        assertEquals(0.8, defaults.hideMinConfidence());
        assertTrue(defaults.minConfidenceByIntent().isEmpty());
        SocialBridgeConfig.Automation set = ConfigLoader.load(file("""
                socialbridge.automation.min-confidence=0
                socialbridge.automation.hide-min-confidence=1
                socialbridge.automation.min-confidence-by-intent=refund_cancel:0.7,praise:0.35
                """), dir).typed().automation();
        assertEquals(0.0, set.minConfidence());
        assertEquals(1.0, set.hideMinConfidence());
        assertEquals(List.of("refund_cancel:0.7", "praise:0.35"), set.minConfidenceByIntent().orElseThrow());
    }
}
