package dev.socialbridge.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.connector.spi.OutboundMessage;
import dev.socialbridge.interaction.ReplyChannel;
import dev.socialbridge.templates.TokenText;
import dev.socialbridge.templates.YamlNodes;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Compiles the {@code then} list of a rule. Each entry is a mapping with exactly one action key;
 * {@code escalate} may add {@code priority} and {@code reason}. Problems name {@code then[i].<key>}.
 */
final class ActionParser {

    static final List<String> ACTIONS = List.of("reply", "privateReply", "dm", "qualify", "hide", "escalate", "tag", "markLead",
            "notify");
    private static final List<String> ESCALATE_EXTRAS = List.of("priority", "reason");
    private static final List<String> REPLY_ACTIONS = List.of("reply", "privateReply", "dm");
    private static final String OUTSIDE_WINDOW = "outsideWindow";
    private static final String AFTER = "after";
    private static final List<String> REPLY_EXTRAS = List.of(OUTSIDE_WINDOW, AFTER);
    private static final java.util.regex.Pattern DELAY = java.util.regex.Pattern.compile("(\\d{1,5})(s|m|h)");
    private static final java.time.Duration MAX_DELAY = java.time.Duration.ofHours(24);

    private final String where;
    private final String ruleId;
    private final Set<String> templateIds;
    private final Set<String> flowIds;
    private final List<String> problems;

    ActionParser(String where, String ruleId, Set<String> templateIds, List<String> problems) {
        this(where, ruleId, templateIds, Set.of(), problems);
    }

    ActionParser(String where, String ruleId, Set<String> templateIds, Set<String> flowIds, List<String> problems) {
        this.flowIds = flowIds;
        this.where = where;
        this.ruleId = ruleId;
        this.templateIds = templateIds;
        this.problems = problems;
    }

    ActionSpec[] parse(JsonNode then) {
        List<ActionSpec> out = new ArrayList<>();
        if (then.isMissingNode() || then.isNull()) {
            return new ActionSpec[0];
        }
        if (!then.isArray()) {
            problems.add(where + "then: expected a list of actions, found " + YamlNodes.describe(then));
            return new ActionSpec[0];
        }
        for (int i = 0; i < then.size(); i++) {
            ActionSpec a = action(then.get(i), where + "then[" + i + "]");
            if (a != null) {
                out.add(a);
            }
        }
        return out.toArray(ActionSpec[]::new);
    }

    private ActionSpec action(JsonNode node, String at) {
        if (node.isTextual() && node.asText().equals("stop")) {
            problems.add(at + ": 'stop' is not an action; set 'stop: true' on the rule");
            return null;
        }
        if (!node.isObject()) {
            problems.add(at + ": expected a mapping such as {reply: template-id}, found " + YamlNodes.describe(node));
            return null;
        }
        List<String> keys = new ArrayList<>();
        boolean unknown = false;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (ACTIONS.contains(key)) {
                keys.add(key);
            } else if (!isExtra(node, key)) {
                unknown = true;
                problems.add(at + "." + key + ": unknown action (expected one of " + String.join(", ", ACTIONS)
                        + (node.has("escalate") ? "; with escalate also priority, reason" : "")
                        + (isReply(node) ? "; with a reply also " + String.join(", ", REPLY_EXTRAS) : "") + ")");
            }
        }
        if (keys.isEmpty() && unknown) {
            return null;
        }
        if (keys.size() != 1) {
            problems.add(at + ": expected exactly one action, found " + (keys.isEmpty() ? "none" : String.join(", ", keys)));
            return null;
        }
        String key = keys.get(0);
        return build(key, node.get(key), node, at + "." + key);
    }

    private static boolean isExtra(JsonNode entry, String key) {
        return ESCALATE_EXTRAS.contains(key) && entry.has("escalate") || REPLY_EXTRAS.contains(key) && isReply(entry);
    }

    private static boolean isReply(JsonNode entry) {
        return REPLY_ACTIONS.stream().anyMatch(entry::has);
    }

    private ActionSpec build(String key, JsonNode v, JsonNode entry, String at) {
        return switch (key) {
            case "reply" -> reply(ReplyChannel.PUBLIC, v, entry, at);
            case "privateReply" -> reply(ReplyChannel.PRIVATE, v, entry, at);
            case "dm" -> reply(ReplyChannel.DM, v, entry, at);
            case "qualify" -> qualify(v, at);
            case "hide" -> hide(v, at);
            case "escalate" -> escalate(v, entry, at);
            case "tag" -> textOr(v, at, ActionSpec.Tag::new);
            case "markLead" -> markLead(v, at);
            case "notify" -> notify(v, at);
            default -> throw new IllegalStateException(key);
        };
    }

    private ActionSpec reply(ReplyChannel channel, JsonNode v, JsonNode entry, String at) {
        String id = YamlNodes.text(v, at, problems);
        if (id == null) {
            return null;
        }
        String base = at.substring(0, at.lastIndexOf('.') + 1);
        int before = problems.size();
        OutboundMessage.PlatformTemplate outsideWindow = entry.has(OUTSIDE_WINDOW)
                ? platformTemplate(entry.get(OUTSIDE_WINDOW), base + OUTSIDE_WINDOW) : null;
        java.time.Duration delay = entry.has(AFTER) ? delay(entry.get(AFTER), base + AFTER) : java.time.Duration.ZERO;
        if (!templateIds.contains(id)) {
            problems.add(at + ": unknown template '" + id + "' (" + (templateIds.isEmpty() ? "the templates file defines none"
                    : "known: " + String.join(", ", templateIds.stream().sorted().toList())) + ")");
            return null;
        }
        return problems.size() > before ? null : new ActionSpec.Reply(channel, id, outsideWindow, delay);
    }

    /**
     * {@code qualify: flow-id}: start a qualifier flow of the templates file ({@code flows:}); its first question goes
     * by private reply to a comment, in the conversation otherwise.
     */
    private ActionSpec qualify(JsonNode v, String at) {
        String id = YamlNodes.text(v, at, problems);
        if (id == null) {
            return null;
        }
        if (!flowIds.contains(id.strip())) {
            problems.add(at + ": unknown qualifier flow '" + id + "' (" + (flowIds.isEmpty()
                    ? "the templates file defines none under 'flows:'"
                    : "known: " + String.join(", ", flowIds.stream().sorted().toList())) + ")");
            return null;
        }
        return new ActionSpec.Qualify(id.strip());
    }

    /**
     * {@code after: 15m}: send the reply this long after the message (s, m or h, at most 24 h) unless an agent
     * answered the thread first.
     */
    private java.time.Duration delay(JsonNode v, String at) {
        String text = v.isTextual() ? v.asText().strip() : null;
        java.util.regex.Matcher m = text == null ? null : DELAY.matcher(text);
        if (m == null || !m.matches()) {
            problems.add(at + ": expected a delay such as 90s, 15m or 2h, found " + YamlNodes.describe(v));
            return null;
        }
        long n = Long.parseLong(m.group(1));
        java.time.Duration d = switch (m.group(2)) {
            case "s" -> java.time.Duration.ofSeconds(n);
            case "m" -> java.time.Duration.ofMinutes(n);
            default -> java.time.Duration.ofHours(n);
        };
        if (d.isZero() || d.compareTo(MAX_DELAY) > 0) {
            problems.add(at + ": '" + text + "' is out of range (more than 0, at most 24h)");
            return null;
        }
        return d;
    }

    /** {@code outsideWindow: {template: NAME, language: CODE}}: an approved platform template (WhatsApp). */
    private OutboundMessage.PlatformTemplate platformTemplate(JsonNode v, String at) {
        if (!v.isObject() || !v.has("template") || !v.has("language") || v.size() != 2) {
            problems.add(at + ": expected {template: approved-template-name, language: code such as fr or en_US}, found "
                    + YamlNodes.describe(v));
            return null;
        }
        String name = YamlNodes.text(v.get("template"), at + ".template", problems);
        String language = YamlNodes.text(v.get("language"), at + ".language", problems);
        if (name != null && !name.matches("[a-z0-9_]{1,512}")) {
            problems.add(at + ".template: '" + name + "' is not a template name (lower-case letters, digits, _)");
            return null;
        }
        if (language != null && !language.matches("[a-z]{2,3}(_[A-Z]{2})?")) {
            problems.add(at + ".language: '" + language + "' is not a language code such as fr or en_US");
            return null;
        }
        return name == null || language == null ? null : new OutboundMessage.PlatformTemplate(name, language);
    }

    /** {@code hide: reason} or {@code hide: true} (the reason is then the rule id). */
    private ActionSpec hide(JsonNode v, String at) {
        if (v.isBoolean() && v.booleanValue()) {
            return new ActionSpec.Hide(ruleId);
        }
        return textOr(v, at, ActionSpec.Hide::new);
    }

    private ActionSpec escalate(JsonNode v, JsonNode entry, String at) {
        String queue = YamlNodes.text(v, at, problems);
        if (queue == null) {
            return null;
        }
        Integer dflt = Vocabulary.QUEUE_PRIORITIES.get(queue);
        if (dflt == null) {
            problems.add(at + ": unknown queue '" + queue + "' (expected " + String.join(", ", Vocabulary.QUEUE_PRIORITIES.keySet()) + ")");
            return null;
        }
        String base = at.substring(0, at.length() - "escalate".length());
        Long priority = entry.has("priority") ? YamlNodes.integer(entry.get("priority"), 0, 100, base + "priority", problems) : Long.valueOf(dflt);
        String reason = entry.has("reason") ? YamlNodes.text(entry.get("reason"), base + "reason", problems) : ruleId;
        return priority == null || reason == null ? null : new ActionSpec.Escalate(queue, priority.intValue(), reason);
    }

    private ActionSpec markLead(JsonNode v, String at) {
        Long delta = YamlNodes.integer(v, -100, 100, at, problems);
        return delta == null ? null : new ActionSpec.MarkLead(delta.intValue());
    }

    private ActionSpec notify(JsonNode v, String at) {
        String text = YamlNodes.text(v, at, problems);
        if (text == null) {
            return null;
        }
        int before = problems.size();
        TokenText parsed = TokenText.parse(text, true, at, problems);
        return problems.size() > before ? null : new ActionSpec.Notify(parsed);
    }

    private ActionSpec textOr(JsonNode v, String at, java.util.function.Function<String, ActionSpec> make) {
        String text = YamlNodes.text(v, at, problems);
        return text == null ? null : make.apply(text.strip());
    }
}
