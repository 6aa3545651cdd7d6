package dev.socialbridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Structural mutations of a JSON document, for fuzzing the webhook parsers and the pipeline: 1 to 3 of these at
 * random places — a field removed, a value set to null, to another type (number, boolean, string, object, array),
 * to a huge or exotic string (10,000 characters, control characters, lone surrogates, right-to-left marks), to an
 * extreme number, an array emptied or its element repeated, a deeply nested value, an object turned into an array
 * or the reverse, an unknown field added. Deterministic for a seed.
 */
public final class JsonMutator {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] STRINGS = {"", " ", "\u0000\u0001\u001f", "\ud800", "\u202e\u202dabc", "null",
            "-1", "1e309", "<script>alert(1)</script>", "' OR 1=1 --", "%s%n", "../../etc/passwd",
            "\ud83d\ude00".repeat(200), "é".repeat(3000)};
    private final Random random;

    public JsonMutator(long seed) {
        this.random = new Random(seed);
    }

    /** A mutated deep copy of {@code seed}. */
    public JsonNode mutate(JsonNode seed) {
        JsonNode doc = seed.deepCopy();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(doc, containers);
            JsonNode target = containers.get(random.nextInt(containers.size()));
            if (target instanceof ObjectNode o && o.size() > 0) {
                String field = pick(o);
                mutateField(o, field);
            } else if (target instanceof ArrayNode a && a.size() > 0) {
                mutateElement(a, random.nextInt(a.size()));
            } else if (target instanceof ObjectNode o) {
                o.set("x" + random.nextInt(100), value());
            }
        }
        return doc;
    }

    private void mutateField(ObjectNode o, String field) {
        switch (random.nextInt(6)) {
            case 0 -> o.remove(field);
            case 1 -> o.putNull(field);
            case 2 -> o.set(field, value());
            case 3 -> o.set(field, reshape(o.get(field)));
            case 4 -> o.set("unknown_" + random.nextInt(1000), value());
            default -> o.set(field, nested(2 + random.nextInt(60), value()));
        }
    }

    private void mutateElement(ArrayNode a, int i) {
        switch (random.nextInt(5)) {
            case 0 -> a.removeAll();
            case 1 -> {
                JsonNode e = a.get(i);
                int times = 1 + random.nextInt(50);
                for (int k = 0; k < times; k++) {
                    a.add(e.deepCopy());
                }
            }
            case 2 -> a.set(i, value());
            case 3 -> a.set(i, reshape(a.get(i)));
            default -> a.insertNull(i);
        }
    }

    /** Another type of value. */
    private JsonNode value() {
        return switch (random.nextInt(9)) {
            case 0 -> JSON.numberNode(random.nextLong());
            case 1 -> JSON.numberNode(random.nextBoolean() ? Double.MAX_VALUE : -0.0);
            case 2 -> JSON.booleanNode(random.nextBoolean());
            case 3 -> JSON.textNode(STRINGS[random.nextInt(STRINGS.length)]);
            case 4 -> JSON.textNode("x".repeat(10_000));
            case 5 -> JSON.objectNode();
            case 6 -> JSON.arrayNode();
            case 7 -> JSON.nullNode();
            default -> JSON.textNode(Long.toString(random.nextLong() & Long.MAX_VALUE).repeat(1 + random.nextInt(40)));
        };
    }

    /** An object as an array of its values, an array as an object, a scalar wrapped in an array. */
    private JsonNode reshape(JsonNode v) {
        if (v instanceof ObjectNode o) {
            ArrayNode a = JSON.arrayNode();
            o.elements().forEachRemaining(a::add);
            return a;
        }
        if (v instanceof ArrayNode a) {
            ObjectNode o = JSON.objectNode();
            for (int i = 0; i < a.size(); i++) {
                o.set(Integer.toString(i), a.get(i));
            }
            return o;
        }
        return JSON.arrayNode().add(v == null ? JSON.nullNode() : v);
    }

    private static JsonNode nested(int depth, JsonNode leaf) {
        JsonNode v = leaf;
        for (int i = 0; i < depth; i++) {
            v = i % 2 == 0 ? JSON.arrayNode().add(v) : JSON.objectNode().set("a", v);
        }
        return v;
    }

    private String pick(ObjectNode o) {
        int k = random.nextInt(o.size());
        Iterator<String> names = o.fieldNames();
        for (int i = 0; i < k; i++) {
            names.next();
        }
        return names.next();
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            n.elements().forEachRemaining(c -> collect(c, out));
        }
    }
}
