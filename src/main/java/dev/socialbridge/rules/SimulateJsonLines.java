package dev.socialbridge.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialbridge.classify.Classification;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code simulate} logic: reads interactions as JSON Lines, classifies them and runs the rules,
 * and writes one JSON line per input with the classification, matched rules, actions (with rendered
 * replies), what the confidence gate held back ({@code held_back}: the audit entries
 * {@code suppressed:low_confidence}, with the text that would have gone out) and audit. Nothing is sent or stored.
 *
 * <p>Input fields (only {@code text} is required; other fields are copied to the output untouched):
 * {@code platform} (instagram), {@code kind} (comment), {@code author} {id, handle, name, followers,
 * verified}, {@code lang} (overrides the detected language), {@code first_message} (true),
 * {@code bot_turns} (0), {@code replies_last_hour} (0), {@code opted_out_at} (ISO instant),
 * {@code campaign}, {@code tokens} {first_name, product, ...}, {@code from_self} (false) and
 * {@code classification} {lang, intent, confidence, sentiment, sentiment_score} to bypass the classifier.
 */
public final class SimulateJsonLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AutomationEngine engine;
    private final Function<String, Classification> classifier;
    private final Instant now;

    public SimulateJsonLines(AutomationEngine engine, Function<String, Classification> classifier, Instant now) {
        this.engine = engine;
        this.classifier = classifier;
        this.now = now;
    }

    /**
     * Processes every line; a line that is not a valid interaction produces {@code {"line": n, "error": "..."}}.
     *
     * @return 0 when every line was processed, 1 when at least one line was invalid
     */
    public int run(InputStream in, OutputStream out) {
        int status = 0;
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode result = simulateLine(line, number);
                status |= result.has("error") ? 1 : 0;
                writer.write(JSON.writeValueAsString(result));
                writer.write('\n');
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return status;
    }

    private ObjectNode simulateLine(String line, int number) {
        try {
            JsonNode input = JSON.readTree(line);
            if (!input.isObject() || !input.path("text").isTextual()) {
                return error(number, "expected a JSON object with a \"text\" string");
            }
            return simulate((ObjectNode) input, number);
        } catch (JsonProcessingException e) {
            return error(number, "not valid JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return error(number, e.getMessage());
        }
    }

    private ObjectNode simulate(ObjectNode input, int number) {
        Interaction interaction = interaction(input, number);
        Classification c = classification(input, interaction.text());
        Decision d = engine.decide(interaction, c, facts(input), now);
        ObjectNode out = input.deepCopy();
        out.set("classification", JSON.valueToTree(Map.of("lang", c.lang(), "intent", c.intent(),
                "confidence", c.intentConfidence(), "sentiment", c.sentiment(), "sentiment_score", c.sentimentScore())));
        out.set("matched_rules", JSON.valueToTree(d.matchedRuleIds()));
        out.put("automation_status", d.automationStatus());
        out.put("opt_out_recorded", d.optOutRecorded());
        out.put("handoff", d.handoff());
        out.put("lead", d.lead());
        out.set("tags", JSON.valueToTree(d.tags().stream().sorted().toList()));
        ArrayNode actions = out.putArray("actions");
        d.actions().forEach(a -> actions.add(action(a)));
        ArrayNode heldBack = out.putArray("held_back");
        d.heldBack().forEach(a -> heldBack.add(audit(a)));
        ArrayNode audit = out.putArray("audit");
        d.audit().forEach(a -> audit.add(audit(a)));
        return out;
    }

    private static Interaction interaction(ObjectNode in, int number) {
        JsonNode a = in.path("author");
        JsonNode followers = a.path("followers");
        Author author = new Author(a.path("id").asText("simulated-author"), text(a, "handle"), text(a, "name"),
                followers.isNumber() ? followers.longValue() : null, a.path("verified").asBoolean(false));
        return new Interaction(
                Platform.fromId(in.path("platform").asText("instagram")),
                kind(in.path("kind").asText("comment")),
                "simulated-account", "simulated-thread-" + number, "simulated-item-" + number, null, null, author,
                in.path("text").asText(), List.of(), null, null, Instant.EPOCH, in.path("from_self").asBoolean(false),
                null, null, 0);
    }

    private static InteractionKind kind(String id) {
        try {
            return InteractionKind.valueOf(id.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown kind '" + id + "'");
        }
    }

    private Classification classification(ObjectNode in, String text) {
        JsonNode given = in.path("classification");
        Classification c = given.isObject()
                ? new Classification(given.path("lang").asText("other"), given.path("intent").asText("other"),
                        given.path("confidence").asDouble(1.0), given.path("sentiment").asText("neutral"),
                        given.path("sentiment_score").asDouble(0))
                : classifier.apply(text);
        String lang = text(in, "lang");
        return lang == null ? c : new Classification(lang, c.intent(), c.intentConfidence(), c.sentiment(), c.sentimentScore());
    }

    private static ThreadFacts facts(ObjectNode in) {
        Map<String, String> tokens = new HashMap<>();
        in.path("tokens").fields().forEachRemaining(e -> tokens.put(e.getKey(), e.getValue().asText()));
        String optedOut = text(in, "opted_out_at");
        return new ThreadFacts(in.path("first_message").asBoolean(true), in.path("bot_turns").asInt(0),
                in.path("replies_last_hour").asInt(0), optedOut == null ? null : Instant.parse(optedOut),
                text(in, "campaign"), tokens);
    }

    private static ObjectNode action(Action a) {
        ObjectNode n = JSON.createObjectNode().put("type", a.type());
        if (a instanceof Action.Reply r) {
            n.put("template", r.templateId()).put("variant", r.variant()).put("text", r.text());
            if (!r.quickReplies().isEmpty()) {
                n.set("quick_replies", JSON.valueToTree(r.quickReplies()));
            }
            if (!r.delay().isZero()) {
                n.put("after_seconds", r.delay().toSeconds());
            }
            if (r.template() != null) {
                n.put("outside_window_template", r.template().name() + " (" + r.template().language() + ")");
            }
        } else if (a instanceof Action.Hide h) {
            n.put("reason", h.reason());
        } else if (a instanceof Action.Escalate e) {
            n.put("queue", e.queueKey()).put("priority", e.priority()).put("reason", e.reason());
        } else if (a instanceof Action.Tag t) {
            n.put("tag", t.tag());
        } else if (a instanceof Action.MarkLead m) {
            n.put("score_delta", m.scoreDelta());
        } else if (a instanceof Action.Notify no) {
            n.put("text", no.text());
        } else if (a instanceof Action.Qualify q) {
            n.put("flow", q.flowId()).put("language", q.language());
        }
        return n;
    }

    private static ObjectNode audit(AuditEntry a) {
        return JSON.createObjectNode().put("rule", a.ruleId()).put("template", a.templateId()).put("variant", a.variant())
                .put("action", a.action()).put("outcome", a.outcome()).put("detail", a.detail());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static ObjectNode error(int line, String message) {
        return JSON.createObjectNode().put("line", line).put("error", message);
    }
}
