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
}
