package dev.socialbridge.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassifyCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int execute(String input, String... args) {
        ClassifyCommand command = new ClassifyCommand();
        command.in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        command.out = out;
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CommandLine(command).execute(args);
    }

    @Test
    void isNamedClassify() {
        assertEquals("classify", new CommandLine(new ClassifyCommand()).getCommandName());
    }

    @Test
    void classifiesStdinToStdout() {
        assertEquals(0, execute("{\"text\":\"je veux annuler ma commande\"}\n"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"intent\":\"refund_cancel\""));
    }

    @Test
    void usesAdminKeywords(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("k.txt"), "spam:3 casino\n");
        assertEquals(0, execute("{\"text\":\"casino en ligne\"}\n", "--keywords", file.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"intent\":\"spam\""));
    }

    @Test
    void rejectsAnInvalidKeywordFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("k.txt"), "nonsense casino\n");
        assertEquals(ClassifyCommand.BAD_KEYWORDS, execute("", "--keywords", file.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(file + " line 1: unknown category 'nonsense'"));
    }
}
