package dev.socialbridge.rules;

import dev.socialbridge.connector.Connectors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialbridge.classify.Classification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulateJsonLinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AutomationEngine ENGINE = AutomationEngine.loadDefaults(AutomationSettings.defaults().withBrand("Lune"), Connectors.unconfigured().actionPolicy());
    /** Stands in for the classifier: everything is a confident English buying message. */
    private static final SimulateJsonLines SIMULATION = new SimulateJsonLines(ENGINE,
            text -> new Classification("en", "sales_lead", 0.9, "neutral", 0), Fixtures.BUSINESS_HOURS);

    private static List<JsonNode> run(SimulateJsonLines simulation, String input, int expectedStatus) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = simulation.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);
        assertEquals(expectedStatus, status, out.toString(StandardCharsets.UTF_8));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void printsMatchedRulesActionsAndRenderedRepliesPerInput() throws Exception {
        JsonNode line = run(SIMULATION, """
                {"text": "how much?", "author": {"id": "u1", "handle": "ana"}, "tokens": {"first_name": "Ana"}, "id": "case-1"}
                """, 0).get(0);

        assertEquals("case-1", line.get("id").asText());
        assertEquals("how much?", line.get("text").asText());
        assertEquals("sales_lead", line.at("/classification/intent").asText());
        assertEquals("[\"hot-lead-public\"]", line.get("matched_rules").toString());
        assertEquals("public_reply", line.at("/actions/0/type").asText());
        assertEquals("hot-lead-ack", line.at("/actions/0/template").asText());
        assertEquals("Automated reply: Thanks Ana! We've sent you a DM 📩", line.at("/actions/0/text").asText());
        assertEquals("private_reply", line.at("/actions/1/type").asText());
        assertEquals("qualify:lead-qualifier", line.at("/actions/1/template").asText());
        assertEquals("qualify", line.at("/actions/2/type").asText());
        assertEquals("lead-qualifier", line.at("/actions/2/flow").asText());
        assertEquals("hot_leads", line.at("/actions/3/queue").asText());
        assertEquals(80, line.at("/actions/3/priority").asInt());
        assertEquals("planned", line.at("/audit/0/outcome").asText());
        assertEquals("escalated", line.get("automation_status").asText());
        assertTrue(line.get("lead").asBoolean());
    }

    @Test
    void givenClassificationBypassesTheClassifierAndLangOverridesIt() throws Exception {
        JsonNode line = run(SIMULATION, """
                {"text": "spam spam", "classification": {"intent": "spam", "confidence": 0.99}}
                {"text": "merci !", "kind": "dm", "lang": "fr", "classification": {"intent": "praise", "confidence": 0.9}}
                """, 0).get(1);

        assertEquals("fr", line.at("/classification/lang").asText());
        assertEquals("dm", line.at("/actions/0/type").asText());
        assertTrue(line.at("/actions/0/text").asText().startsWith("Réponse automatisée : Merci"), line.toString());
    }

    @Test
    void threadFactsComeFromTheInput() throws Exception {
        List<JsonNode> lines = run(SIMULATION, """
                {"text": "price?", "replies_last_hour": 3}
                {"text": "price?", "bot_turns": 5, "kind": "dm"}
                {"text": "STOP", "opted_out_at": "2025-01-01T00:00:00Z"}
                {"text": "price?", "author": {"id": "v", "followers": 50000}}
                {"text": "price?", "from_self": true}
                """, 0);

        assertEquals("suppressed:rate_limit", lines.get(0).at("/audit/0/outcome").asText());
        assertEquals("suppressed:bot_turns", lines.get(1).at("/audit/0/outcome").asText());
        assertEquals("opted_out", lines.get(2).get("automation_status").asText());
        assertEquals("vip_partners", lines.get(3).at("/actions/0/queue").asText());
        assertEquals("suppressed:own_account", lines.get(4).at("/audit/0/outcome").asText());
    }

    @Test
    void invalidLinesAreReportedAndTheRestStillRuns() throws Exception {
        List<JsonNode> lines = run(SIMULATION, """
                {"text": "ok"}
                not json

                {"no_text": true}
                {"text": "x", "platform": "myspace"}
                {"text": "x", "kind": "reel"}
                {"text": "ok"}
                """, 1);

        assertEquals(6, lines.size());
        assertEquals(2, lines.get(1).get("line").asInt());
        assertTrue(lines.get(1).get("error").asText().startsWith("not valid JSON"));
        assertEquals("expected a JSON object with a \"text\" string", lines.get(2).get("error").asText());
        assertEquals(5, lines.get(3).get("line").asInt());
        assertEquals("unknown kind 'reel'", lines.get(4).get("error").asText());
        assertFalse(lines.get(5).has("error"));
    }

    @Test
    void commandRunsTheLiveClassifierOnAFileWithCustomRules(@TempDir Path dir) throws Exception {
        Path input = Files.writeString(dir.resolve("in.jsonl"), "{\"text\": \"Merci beaucoup, j'adore !\"}\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int status;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            status = new CommandLine(new SimulateCommand()).execute("--rules", "test-fixtures/rules/valid-tags-only.yaml",
                    "--templates", "test-fixtures/rules/templates.yaml", "--now", "2025-06-11T08:00:00Z", input.toString());
        } finally {
            System.setOut(stdout);
        }
        JsonNode line = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(0, status);
        assertEquals("[\"tag-everything\"]", line.get("matched_rules").toString());
        assertTrue(line.at("/classification/intent").isTextual());
    }

    @Test
    void commandExitsWith2OnInvalidRules() {
        PrintStream stderr = System.err;
        try {
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertEquals(2, new CommandLine(new SimulateCommand()).execute("--rules", "test-fixtures/rules/invalid-ids.yaml",
                    "--templates", "test-fixtures/rules/templates.yaml"));
        } finally {
            System.setErr(stderr);
        }
    }

    @Test
    void showsWhatTheConfidenceGateHeldBack() throws Exception {
        List<JsonNode> lines = run(SIMULATION, """
                {"text": "merci !", "classification": {"intent": "praise", "confidence": 0.42, "lang": "en"}}
                {"text": "merci !", "classification": {"intent": "praise", "confidence": 0.9, "lang": "en"}}
                """, 0);

        JsonNode held = lines.get(0).get("held_back");
        assertEquals(1, held.size(), lines.get(0).toString());
        assertEquals("praise-thanks", held.at("/0/rule").asText());
        assertEquals("public_reply", held.at("/0/action").asText());
        assertEquals("suppressed:low_confidence", held.at("/0/outcome").asText());
        assertTrue(held.at("/0/detail").asText().startsWith("the classifier guessed \"praise\" at 0.42, below the gate"
                + " 0.50 for automated replies; would have sent: Automated reply:"), held.toString());
        assertEquals("escalated", lines.get(0).get("automation_status").asText());
        assertEquals(0, lines.get(1).get("held_back").size());
    }

    @Test
    void commandTakesTheGateAsOptions(@TempDir Path dir) throws Exception {
        Path input = Files.writeString(dir.resolve("in.jsonl"), """
                {"text": "stop spamming", "classification": {"intent": "spam", "confidence": 0.7}}
                {"text": "love it", "classification": {"intent": "praise", "confidence": 0.42}}
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int status;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            status = new CommandLine(new SimulateCommand()).execute("--hide-min-confidence", "0.6",
                    "--min-confidence-by-intent", "praise:0.4,refund_cancel:0.7", "--now", "2025-06-11T08:00:00Z",
                    input.toString());
        } finally {
            System.setOut(stdout);
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(0, status);
        assertEquals("hide", JSON.readTree(lines[0]).at("/actions/0/type").asText(), lines[0]);
        assertEquals(0, JSON.readTree(lines[1]).get("held_back").size(), lines[1]);
        assertEquals("public_reply", JSON.readTree(lines[1]).at("/actions/0/type").asText(), lines[1]);
    }

    @Test
    void commandExitsWith2OnAGateOutOfRangeNamingTheOption() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, new CommandLine(new SimulateCommand()).execute("--hide-min-confidence", "1.5",
                    "--min-confidence-by-intent", "happy:0.5"));
        } finally {
            System.setErr(stderr);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("--hide-min-confidence: 1.5 is not a confidence between 0 and 1"), text);
        assertTrue(text.contains("--min-confidence-by-intent.happy: unknown intent 'happy'"), text);
    }
}
