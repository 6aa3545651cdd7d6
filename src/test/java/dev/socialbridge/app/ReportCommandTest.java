package dev.socialbridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.store.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report kpis}: the report from the configured store; bad options exit 2 naming option and value. */
class ReportCommandTest {
    @TempDir
    Path dir;

    private Database db;
    private Path config;

    private record Run(int code, String out, String err) { }

    @BeforeEach
    void open() throws Exception {
        String url = "jdbc:h2:mem:report-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        db = Database.open(url, null, null, 2);
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO social_thread (thread_key, platform, account_id,"
                    + " author_id, queue_key, ticket_id, first_message_at, last_message_at, resolved_at)"
                    + " VALUES ('t1', 'facebook', 'acct', 'author', 'sales', '1', ?, ?, ?)")) {
                Instant first = Instant.parse("2026-11-02T10:00:00Z");
                ps.setTimestamp(1, Database.ts(first));
                ps.setTimestamp(2, Database.ts(first));
                ps.setTimestamp(3, Database.ts(first.plusSeconds(7200)));
                ps.executeUpdate();
            }
            return null;
        });
        config = dir.resolve("report.properties");
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
    void printsJsonAndCsv() {
        Run json = run("report", "kpis", "--from", "2026-11-01", "--to", "2026-11-08", "--config", config.toString());
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().contains("\"group\" : \"sales\""), json.out());
        assertTrue(json.out().contains("\"resolution\" : {\n      \"count\" : 1,\n      \"median_seconds\" : 7200"), json.out());

        Run csv = run("report", "kpis", "--from", "2026-11-01T00:00:00Z", "--to", "2026-11-08T00:00:00Z", "--group", "channel",
                "--format", "csv", "--config", config.toString());
        assertEquals(0, csv.code(), csv.err());
        assertTrue(csv.out().startsWith("from,to,group_by,group,"), csv.out());
        assertTrue(csv.out().contains("\r\n2026-11-01T00:00:00Z,2026-11-08T00:00:00Z,channel,facebook,1,1,1,"), csv.out());
    }

    @Test
    void badOptionsExit2NamingOptionAndValue() {
        Run from = run("report", "kpis", "--from", "last-week", "--config", config.toString());
        assertEquals(2, from.code());
        assertTrue(from.err().contains("--from: 'last-week' is not an ISO-8601"), from.err());
        Run group = run("report", "kpis", "--group", "campaign", "--config", config.toString());
        assertEquals(2, group.code());
        assertTrue(group.err().contains("--group: 'campaign' is not one of queue, channel, intent, day, none"), group.err());
        Run format = run("report", "kpis", "--format", "xml", "--config", config.toString());
        assertEquals(2, format.code());
        assertTrue(format.err().contains("--format: 'xml'"), format.err());
        Run order = run("report", "kpis", "--from", "2026-11-08", "--to", "2026-11-01", "--config", config.toString());
        assertEquals(2, order.code());
        assertTrue(order.err().contains("must be before to"), order.err());
        assertEquals(2, run("report").code());
    }
}
