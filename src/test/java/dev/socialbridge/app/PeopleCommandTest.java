package dev.socialbridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.attribution.CampaignSignal;
import dev.socialbridge.attribution.SignalType;
import dev.socialbridge.attribution.UtmParameters;
import dev.socialbridge.people.ConversionRequest;
import dev.socialbridge.people.Conversions;
import dev.socialbridge.people.People;
import dev.socialbridge.people.PhoneNumbers;
import dev.socialbridge.store.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code people touches} and {@code report attribution} from the configured store. */
class PeopleCommandTest {
    static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    @TempDir
    Path dir;

    private Database db;
    private Path config;

    private record Run(int code, String out, String err) { }

    @BeforeEach
    void open() throws Exception {
        String url = "jdbc:h2:mem:people-cli-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        db = Database.open(url, null, null, 2);
        People people = new People(new PhoneNumbers("FR"));
        db.inTransaction(c -> people.message(c, "instagram:42", "instagram:dm:1:42", "jane@example.com",
                new CampaignSignal("instagram", SignalType.REF, "bf", null, UtmParameters.none(), "bf", null, null, null,
                        null, T0), null, T0));
        new Conversions(db, people, (c, id, p, t, f, n, now) -> { }).record(new ConversionRequest("o-1",
                new BigDecimal("129"), "EUR", T0.plusSeconds(60), "jane@example.com", null, null, null, null), T0);
        config = dir.resolve("people.properties");
        Files.writeString(config, "socialbridge.store.jdbc-url=" + url + "\n");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsAPersonsTouchesByEmailOrIdentity() {
        Run byEmail = run("people", "touches", "jane@example.com", "--config", config.toString());
        assertEquals(0, byEmail.code(), byEmail.err());
        assertTrue(byEmail.out().contains("email=jane@example.com"), byEmail.out());
        assertTrue(byEmail.out().contains("identities: instagram:42"), byEmail.out());
        assertTrue(byEmail.out().contains("first touch: #1 instagram ref, campaign bf (ref bf) at 2026-11-02T10:00:00Z"),
                byEmail.out());
        Run json = run("people", "touches", "instagram:42", "--json", "--config", config.toString());
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().contains("\"campaign\" : \"bf\""), json.out());
        Run unknown = run("people", "touches", "nobody@example.com", "--config", config.toString());
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("no person nobody@example.com"), unknown.err());
    }

    @Test
    void reportsAttributionAndNamesBadOptions() {
        Run csv = run("report", "attribution", "--from", "2026-11-01", "--to", "2026-11-08", "--format", "csv",
                "--config", config.toString());
        assertEquals(0, csv.code(), csv.err());
        assertTrue(csv.out().contains(",campaign,first,bf,0,0,0,,1,129.00\r\n"), csv.out());
        Run bad = run("report", "attribution", "--model", "u-shaped", "--config", config.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--model: 'u-shaped' is not one of first, last, linear"), bad.err());
    }
}
