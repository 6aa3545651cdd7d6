package dev.socialbridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.store.Database;
import dev.socialbridge.support.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code links create|list}: campaign links in the configured store; a bad target exits 2 naming the option. */
class LinksCommandTest {
    @TempDir
    Path dir;

    private Database db;
    private Path config;

    private record Run(int code, String out, String err) { }

    @BeforeEach
    void open() throws Exception {
        String url = "jdbc:h2:mem:links-cli-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        db = Database.open(url, null, null, 2);
        config = dir.resolve("links.properties");
        Files.writeString(config, "socialbridge.store.jdbc-url=" + url + "\n"
                + "socialbridge.links.allowed-domains=ig.me,shop.example.com\n"
                + "socialbridge.links.base-url=https://go.example.com\n");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void createsABioLinkAndListsItWithItsClicks() throws Exception {
        Run created = run("links", "create", "--config", config.toString(), "--target", "https://ig.me/m/brand",
                "--campaign", "black_friday_2026", "--utm-source", "instagram", "--utm-medium", "bio");
        assertEquals(0, created.code(), created.err());
        JsonNode link = Json.MAPPER.readTree(created.out());
        String code = link.path("code").asText();
        assertEquals("https://go.example.com/r/" + code, link.path("url").asText());
        assertEquals("https://ig.me/m/brand?utm_source=instagram&utm_medium=bio&utm_campaign=black_friday_2026&ref="
                + code, link.path("location").asText());

        Run list = run("links", "list", "--config", config.toString());
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains(code + "       0  black_friday_2026"), list.out());
    }

    @Test
    void aTargetOutsideTheAllowedDomainsExits2NamingTheOptionAndTheSetting() {
        Run r = run("links", "create", "--config", config.toString(), "--target", "https://ig.me@evil.org/");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--target: 'https://ig.me@evil.org/' has user info"), r.err());
        Run elsewhere = run("links", "create", "--config", config.toString(), "--target", "https://evil.org/");
        assertTrue(elsewhere.err().contains("--target: host 'evil.org' is not in socialbridge.links.allowed-domains"),
                elsewhere.err());
    }
}
