package dev.socialbridge.leads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.templates.YamlNodes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compiles the {@code flows:} section of a templates file, collecting every problem with file, flow id and key:
 * <pre>
 * flows:
 *   lead-qualifier:
 *     steps:                      # 2 to 4
 *       - id: need
 *         type: text              # text, quantity, budget, timing, email, phone, contact
 *         field: lead_need        # optional: the type's default field
 *         fr: "Que recherchez-vous ?"
 *         en: "What are you looking for?"
 *         hint: {fr: "...", en: "..."}           # optional: the type's default hint
 *         quickReplies: {fr: [...], en: [...]}   # optional, or one list for both
 *     thanks: {fr: "...", en: "..."}
 *     handoff: {fr: "...", en: "..."}           # optional
 * </pre>
 */
public final class QualifierFlowParser {
    private static final List<String> FLOW_KEYS = List.of("description", "steps", "thanks", "handoff");
    private static final List<String> STEP_KEYS = List.of("id", "type", "field", "fr", "en", "hint", "quickReplies");
    private static final List<String> LANGS = List.of("fr", "en");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final int MAX_QUICK_REPLIES = 10;
    private static final int MAX_QUICK_REPLY_CHARS = 20;
    private static final QualifierStep.Texts DEFAULT_HANDOFF = new QualifierStep.Texts(
            "Je vous mets en relation avec un membre de l'équipe.", "Connecting you with a member of our team.");

    private final String file;
    private final List<String> problems;

    public QualifierFlowParser(String file, List<String> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The flows of {@code node} (missing: none). */
    public QualifierFlows parse(JsonNode node) {
        Map<String, QualifierFlow> flows = new LinkedHashMap<>();
        if (node == null || node.isMissingNode() || node.isNull()) {
            return new QualifierFlows(flows, null);
        }
        if (!node.isObject()) {
            problems.add(file + ": flows: expected a mapping of flow id to flow, found " + YamlNodes.describe(node));
            return new QualifierFlows(flows, null);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            QualifierFlow f = flow(e.getKey(), e.getValue());
            if (f != null) {
                flows.put(e.getKey(), f);
            }
        }
        return new QualifierFlows(flows, null);
    }

    private QualifierFlow flow(String id, JsonNode node) {
        String where = file + ": flow '" + id + "': ";
        int before = problems.size();
        if (!ID.matcher(id).matches()) {
            problems.add(where + "id: use letters, digits, '_', '.' or '-'");
        }
        if (!node.isObject()) {
            problems.add(where + "expected a mapping with steps and thanks, found " + YamlNodes.describe(node));
            return null;
        }
        YamlNodes.rejectUnknownKeys(node, FLOW_KEYS, where, "key", problems);
        JsonNode list = node.path("steps");
        List<QualifierStep> steps = new ArrayList<>();
        if (!list.isArray() || list.size() < QualifierFlow.MIN_STEPS || list.size() > QualifierFlow.MAX_STEPS) {
            problems.add(where + "steps: expected a list of " + QualifierFlow.MIN_STEPS + " to " + QualifierFlow.MAX_STEPS
                    + " questions, found " + (list.isMissingNode() ? "nothing"
                    : list.isArray() ? list.size() + " questions" : YamlNodes.describe(list)));
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                QualifierStep s = step(list.get(i), where + "steps[" + i + "]", ids);
                if (s != null) {
                    steps.add(s);
                }
            }
        }
        QualifierStep.Texts thanks = texts(node.path("thanks"), where + "thanks", null);
        QualifierStep.Texts handoff = node.has("handoff") ? texts(node.get("handoff"), where + "handoff", null)
                : DEFAULT_HANDOFF;
        return problems.size() > before ? null : new QualifierFlow(id, steps, thanks, handoff);
    }

    private QualifierStep step(JsonNode node, String at, Set<String> ids) {
        if (!node.isObject()) {
            problems.add(at + ": expected a mapping with id, type, fr and en, found " + YamlNodes.describe(node));
            return null;
        }
        int before = problems.size();
        YamlNodes.rejectUnknownKeys(node, STEP_KEYS, at + ".", "key", problems);
        String id = node.has("id") ? YamlNodes.text(node.get("id"), at + ".id", problems) : null;
        if (!node.has("id")) {
            problems.add(at + ".id: missing (e.g. need, quantity, timing, contact)");
        } else if (id != null && !ids.add(id)) {
            problems.add(at + ".id: '" + id + "' is used by another step of this flow");
        }
        StepType type = type(node.path("type"), at + ".type");
        String field = node.has("field") ? field(node.get("field"), at + ".field")
                : type == null ? null : type.defaultField();
        if (type == StepType.CONTACT && node.has("field")) {
            problems.add(at + ".field: a contact step writes lead_email or lead_phone, whichever is given; remove field");
        }
        QualifierStep.Texts question = texts(node, at, null);
        QualifierStep.Texts hint = node.has("hint") ? texts(node.get("hint"), at + ".hint", null)
                : type == null ? null : defaultHint(type);
        List<List<String>> quick = quickReplies(node.path("quickReplies"), at + ".quickReplies");
        return problems.size() > before ? null
                : new QualifierStep(id, type, field, question, hint, quick.get(0), quick.get(1));
    }

    private StepType type(JsonNode v, String at) {
        String all = String.join(", ", java.util.Arrays.stream(StepType.values()).map(StepType::id).toList());
        if (v.isMissingNode()) {
            problems.add(at + ": missing (one of " + all + ")");
            return null;
        }
        String id = YamlNodes.text(v, at, problems);
        if (id == null) {
            return null;
        }
        return StepType.of(id.strip()).orElseGet(() -> {
            problems.add(at + ": unknown type '" + id + "' (expected one of " + all + ")");
            return null;
        });
    }

    private String field(JsonNode v, String at) {
        String f = YamlNodes.text(v, at, problems);
        if (f != null && !LeadFields.ANSWER_FIELDS.contains(f.strip())) {
            problems.add(at + ": '" + f + "' is not a lead field (expected one of "
                    + String.join(", ", LeadFields.ANSWER_FIELDS) + ")");
            return null;
        }
        return f == null ? null : f.strip();
    }

    /** {@code {fr: ..., en: ...}} (a node with only one language uses it for both), or a plain string for both. */
    private QualifierStep.Texts texts(JsonNode node, String at, QualifierStep.Texts dflt) {
        if (node.isTextual() && !node.asText().isBlank()) {
            return new QualifierStep.Texts(node.asText().strip(), node.asText().strip());
        }
        if (!node.isObject() || !node.has("fr") && !node.has("en")) {
            if (dflt == null) {
                problems.add(at + ": needs an 'fr' or 'en' text (or both)");
            }
            return dflt;
        }
        String fr = node.has("fr") ? YamlNodes.text(node.get("fr"), at + ".fr", problems) : null;
        String en = node.has("en") ? YamlNodes.text(node.get("en"), at + ".en", problems) : null;
        if (node.has("fr") && fr == null || node.has("en") && en == null) {
            return null;
        }
        return new QualifierStep.Texts((fr != null ? fr : en).strip(), (en != null ? en : fr).strip());
    }

    private List<List<String>> quickReplies(JsonNode node, String at) {
        if (node.isMissingNode()) {
            return List.of(List.of(), List.of());
        }
        if (node.isObject()) {
            YamlNodes.rejectUnknownKeys(node, LANGS, at + ".", "key", problems);
            List<String> fr = node.has("fr") ? labels(node.get("fr"), at + ".fr") : null;
            List<String> en = node.has("en") ? labels(node.get("en"), at + ".en") : null;
            return List.of(fr != null ? fr : en != null ? en : List.of(), en != null ? en : fr != null ? fr : List.of());
        }
        List<String> both = labels(node, at);
        return List.of(both, both);
    }

    private List<String> labels(JsonNode node, String at) {
        List<String> labels = YamlNodes.strings(node, at, problems);
        if (labels == null) {
            return List.of();
        }
        if (labels.size() > MAX_QUICK_REPLIES) {
            problems.add(at + ": at most " + MAX_QUICK_REPLIES + " quick replies, found " + labels.size());
        }
        for (String l : labels) {
            if (l.isBlank() || l.length() > MAX_QUICK_REPLY_CHARS) {
                problems.add(at + ": '" + l + "' must be 1 to " + MAX_QUICK_REPLY_CHARS + " characters");
            }
        }
        return labels;
    }

    private static QualifierStep.Texts defaultHint(StepType type) {
        return switch (type) {
            case TEXT -> new QualifierStep.Texts("Pouvez-vous préciser ?", "Could you tell us a bit more?");
            case QUANTITY -> new QualifierStep.Texts("Un nombre suffit, par exemple 200.", "A number is enough, e.g. 200.");
            case BUDGET -> new QualifierStep.Texts("Un montant suffit, par exemple 500 € ou 2k.",
                    "An amount is enough, e.g. €500 or 2k.");
            case TIMING -> new QualifierStep.Texts("Par exemple : cette semaine, en mars, dès que possible.",
                    "For example: this week, in March, as soon as possible.");
            case EMAIL -> new QualifierStep.Texts("Il nous faut une adresse e-mail, par exemple nom@exemple.fr.",
                    "We need an email address, e.g. name@example.com.");
            case PHONE -> new QualifierStep.Texts("Il nous faut un numéro, par exemple 06 12 34 56 78.",
                    "We need a phone number, e.g. +44 7700 900123.");
            case CONTACT -> new QualifierStep.Texts("Une adresse e-mail ou un numéro de téléphone, s'il vous plaît.",
                    "An email address or a phone number, please.");
        };
    }
}
