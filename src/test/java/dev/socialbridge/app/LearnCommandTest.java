package dev.socialbridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.classify.train.LabelledRow;
import dev.socialbridge.learning.LabelledLines;
import dev.socialbridge.learning.ModelVersion;
import dev.socialbridge.store.Database;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code learn --import / --status / --rollback} and {@code classify --config} on one store. */
class LearnCommandTest {
    @TempDir
    Path dir;

    private Database keepAlive;
    private Path config;

    private record Run(int code, String out, String err) { }

    @BeforeEach
    void open() throws Exception {
        String url = "jdbc:h2:mem:learn-cli-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        keepAlive = Database.open(url, null, null, 2);
        config = Files.writeString(dir.resolve("learn.properties"), "socialbridge.store.jdbc-url=" + url + "\n");
    }

    @AfterEach
    void close() {
        keepAlive.close();
    }

    private Run learn(String... args) {
        LearnCommand command = new LearnCommand();
        List<LabelledRow> all = LabelledLines.shipped();
        command.base = () -> IntStream.range(0, all.size()).filter(i -> i % 10 == 0).mapToObj(all::get).toList();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        List<String> full = new ArrayList<>(List.of(args));
        full.addAll(List.of("--config", config.toString()));
        int code = cli.execute(full.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private String classify(String text) {
        ClassifyCommand command = new ClassifyCommand();
        command.in = new ByteArrayInputStream(("{\"text\":\"" + text + "\"}\n").getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        command.out = out;
        command.err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(0, new CommandLine(command).execute("--config", config.toString()));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void importTrainsSwitchesAndClassifyWithTheConfigUsesTheInstallationsModelUntilRolledBack() throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            rows.append("{\"text\": \"quorvex numero ").append(i).append(" svp\", \"intent\": \"refund_cancel\", \"lang\": \"fr\"}\n");
        }
        rows.append("{\"text\": \"quorvex\", \"intent\": \"refund\"}\n");
        Path file = Files.writeString(dir.resolve("history.jsonl"), rows);

        String probe = "quorvex numero 77 svp";
        assertTrue(!classify(probe).contains("\"intent\":\"refund_cancel\""), "the shipped model does not know the word");
        Run imported = learn("--import", file.toString());
        assertEquals(1, imported.code(), "one line was refused: " + imported.out() + imported.err());
        assertTrue(imported.err().contains("history.jsonl line 13: \"intent\" is 'refund', expected one of"), imported.err());
        assertTrue(imported.out().contains("imported 12 labelled rows"), imported.out());
        assertTrue(imported.out().contains("switching to the new model"), imported.out());
        assertTrue(imported.out().contains("now using local-1-"), imported.out());
        assertTrue(classify(probe).contains("\"intent\":\"refund_cancel\""));

        Run status = learn("--status");
        assertEquals(0, status.code(), status.err());
        assertTrue(status.out().contains("model in use: local-1-"), status.out());
        assertTrue(status.out().contains("corrections: {intent/import=12}"), status.out());

        Run rollback = learn("--rollback");
        assertEquals(0, rollback.code(), rollback.err());
        assertTrue(rollback.out().contains("the installation now uses " + ModelVersion.shipped()), rollback.out());
        assertTrue(!classify(probe).contains("\"intent\":\"refund_cancel\""));
        Run again = learn("--rollback");
        assertEquals(1, again.code());
        assertTrue(again.err().contains("nothing to roll back"), again.err());
    }

    @Test
    void optionsThatDoNotGoTogetherAndAMissingFileAreRefused() {
        Run both = learn("--rollback", "--status");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("--import, --rollback and --status go alone"), both.err());
        Run missing = learn("--import", dir.resolve("none.jsonl").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--import: file not found"), missing.err());
    }
}
