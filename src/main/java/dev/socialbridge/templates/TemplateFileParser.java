package dev.socialbridge.templates;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Compiles a templates file tree, collecting every problem with file, template id and key. */
final class TemplateFileParser {

    private static final List<String> ROOT_KEYS = List.of("disclosure", "templates", "flows");
    private static final List<String> TEMPLATE_KEYS = List.of("description", "fr", "en", "fallback", "variants", "rollout",
            "quickReplies");
    /** Most quick replies a template may offer, and their longest title (WhatsApp reply buttons take 20). */
    static final int MAX_QUICK_REPLIES = 10;
    static final int MAX_QUICK_REPLY_CHARS = 20;
    private static final List<String> LANGS = List.of("fr", "en");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final int DEFAULT_ROLLOUT = 50;

    private final String file;
    private final List<String> problems;

    TemplateFileParser(String file, List<String> problems) {
        this.file = file;
        this.problems = problems;
    }

    TemplateCatalog parse(JsonNode root) {
        Map<String, Template> templates = new LinkedHashMap<>();
        Set<String> declared = new LinkedHashSet<>();
        if (!root.isObject()) {
            problems.add(file + ": expected a mapping with 'templates' (and optionally 'disclosure'), found "
                    + YamlNodes.describe(root));
            return new TemplateCatalog(templates, Set.of(), TemplateCatalog.DEFAULT_DISCLOSURE_FR, TemplateCatalog.DEFAULT_DISCLOSURE_EN);
        }
        YamlNodes.rejectUnknownKeys(root, ROOT_KEYS, file + ": ", "key", problems);
        JsonNode list = root.path("templates");
        if (!list.isObject()) {   // empty is fine: rules that only route, tag or hide need no template
            problems.add(file + ": templates: expected a mapping of template id to template, found "
                    + (list.isMissingNode() ? "nothing" : YamlNodes.describe(list)));
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = list.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                declared.add(e.getKey());
                Template t = template(e.getKey(), e.getValue());
                if (t != null) {
                    templates.put(e.getKey(), t);
                }
            }
        }
        JsonNode disclosure = root.path("disclosure");
        if (disclosure.isObject()) {
            YamlNodes.rejectUnknownKeys(disclosure, LANGS, file + ": disclosure.", "key", problems);
        }
        return new TemplateCatalog(templates, declared,
                disclosure(disclosure, "fr", TemplateCatalog.DEFAULT_DISCLOSURE_FR),
                disclosure(disclosure, "en", TemplateCatalog.DEFAULT_DISCLOSURE_EN),
                new dev.socialbridge.leads.QualifierFlowParser(file, problems).parse(root.path("flows")));
    }

    private Template template(String id, JsonNode node) {
        String where = file + ": template '" + id + "': ";
        int before = problems.size();
        if (!ID.matcher(id).matches()) {
            problems.add(where + "id: use letters, digits, '_', '.' or '-'");
        }
        if (!node.isObject()) {
            problems.add(where + "expected a mapping with fr/en texts, found " + YamlNodes.describe(node));
            return null;
        }
        YamlNodes.rejectUnknownKeys(node, TEMPLATE_KEYS, where, "key", problems);
        Template.Variant control = variant(Template.CONTROL, node, where);
        List<Template.Variant> variants = variants(node.path("variants"), where);
        int rollout = node.has("rollout") ? rollout(node.get("rollout"), where) : DEFAULT_ROLLOUT;
        TokenText[] fallback = fallback(node.path("fallback"), where);
        List<List<String>> quick = quickReplies(node.path("quickReplies"), where + "quickReplies");
        if (problems.size() > before || control == null) {
            return null;
        }
        return new Template(id, control, variants.toArray(Template.Variant[]::new), rollout, fallback[0], fallback[1],
                quick.get(0), quick.get(1));
    }

    private Template.Variant variant(String name, JsonNode node, String where) {
        TemplateContent fr = node.has("fr") ? content(node.get("fr"), where + "fr") : null;
        TemplateContent en = node.has("en") ? content(node.get("en"), where + "en") : null;
        if (!node.has("fr") && !node.has("en")) {
            problems.add(where.substring(0, where.length() - 2) + ": needs an 'fr' or 'en' text (or both)");
            return null;
        }
        return new Template.Variant(name, fr, en);
    }

    private List<Template.Variant> variants(JsonNode node, String where) {
        List<Template.Variant> out = new ArrayList<>();
        if (node.isMissingNode()) {
            return out;
        }
        if (!node.isObject() || node.isEmpty()) {
            problems.add(where + "variants: expected a mapping of variant name to fr/en texts, found " + YamlNodes.describe(node));
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String vWhere = where + "variants." + e.getKey();
            if (e.getKey().equals(Template.CONTROL)) {
                problems.add(vWhere + ": 'A' is reserved for the control (the template's own fr/en texts)");
            } else if (!ID.matcher(e.getKey()).matches()) {
                problems.add(vWhere + ": variant name: use letters, digits, '_', '.' or '-'");
            } else if (!e.getValue().isObject()) {
                problems.add(vWhere + ": expected a mapping with fr/en texts, found " + YamlNodes.describe(e.getValue()));
            } else {
                YamlNodes.rejectUnknownKeys(e.getValue(), LANGS, vWhere + ".", "key", problems);
                Template.Variant v = variant(e.getKey(), e.getValue(), vWhere + ": ");
                if (v != null) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** A language text: a plain string (the answer) or a mapping of parts, each a string or alternatives. */
    private TemplateContent content(JsonNode node, String where) {
        TokenText[][] parts = new TokenText[TemplateContent.PARTS.size()][];
        if (node.isTextual()) {
            parts[TemplateContent.ANSWER] = alternatives(node, where);
        } else if (node.isObject() && !node.isEmpty()) {
            YamlNodes.rejectUnknownKeys(node, TemplateContent.PARTS, where + ".", "part", problems);
            for (int p = 0; p < parts.length; p++) {
                String part = TemplateContent.PARTS.get(p);
                if (node.has(part)) {
                    parts[p] = alternatives(node.get(part), where + "." + part);
                }
            }
        } else {
            problems.add(where + ": expected a text or a mapping of parts (" + String.join(", ", TemplateContent.PARTS)
                    + "), found " + YamlNodes.describe(node));
        }
        return new TemplateContent(parts);
    }

    private TokenText[] alternatives(JsonNode node, String where) {
        List<String> texts = YamlNodes.strings(node, where, problems);
        if (texts == null) {
            return null;
        }
        TokenText[] out = new TokenText[texts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = TokenText.parse(texts.get(i), false, texts.size() == 1 ? where : where + "[" + i + "]", problems);
        }
        return out;
    }

    /** [fr, en]; a plain string serves both languages. Only {brand} may appear: it is always known. */
    private TokenText[] fallback(JsonNode node, String where) {
        TokenText[] out = new TokenText[2];
        if (node.isMissingNode()) {
            return out;
        }
        if (node.isTextual()) {
            out[0] = fallbackText(node, where + "fallback");
            out[1] = out[0];
        } else if (node.isObject()) {
            YamlNodes.rejectUnknownKeys(node, LANGS, where + "fallback.", "key", problems);
            out[0] = node.has("fr") ? fallbackText(node.get("fr"), where + "fallback.fr") : null;
            out[1] = node.has("en") ? fallbackText(node.get("en"), where + "fallback.en") : null;
        } else {
            problems.add(where + "fallback: expected a text or fr/en texts, found " + YamlNodes.describe(node));
        }
        return out;
    }

    private TokenText fallbackText(JsonNode node, String where) {
        String text = YamlNodes.text(node, where, problems);
        if (text == null) {
            return null;
        }
        TokenText parsed = TokenText.parse(text, false, where, problems);
        TokenValues brandOnly = new TokenValues().set(Token.BRAND, "brand");
        if (!parsed.resolvable(brandOnly)) {
            problems.add(where + ": a fallback may only use {brand} (it is used when other tokens are unknown)");
        }
        return parsed;
    }

    /** [fr, en] button titles: one list for both languages, or {fr: [...], en: [...]}. */
    private List<List<String>> quickReplies(JsonNode node, String where) {
        if (node.isMissingNode()) {
            return List.of(List.of(), List.of());
        }
        if (node.isObject()) {
            YamlNodes.rejectUnknownKeys(node, LANGS, where + ".", "key", problems);
            List<String> fr = node.has("fr") ? titles(node.get("fr"), where + ".fr") : List.of();
            List<String> en = node.has("en") ? titles(node.get("en"), where + ".en") : List.of();
            return List.of(fr.isEmpty() ? en : fr, en.isEmpty() ? fr : en);
        }
        List<String> both = titles(node, where);
        return List.of(both, both);
    }

    private List<String> titles(JsonNode node, String where) {
        List<String> texts = YamlNodes.strings(node, where, problems);
        if (texts == null) {
            return List.of();
        }
        if (texts.size() > MAX_QUICK_REPLIES) {
            problems.add(where + ": at most " + MAX_QUICK_REPLIES + " quick replies");
        }
        for (String t : texts) {
            if (t.isBlank() || t.strip().length() > MAX_QUICK_REPLY_CHARS) {
                problems.add(where + ": '" + t + "' must be 1 to " + MAX_QUICK_REPLY_CHARS + " characters");
            }
        }
        return texts.stream().map(String::strip).toList();
    }

    private int rollout(JsonNode node, String where) {
        Long v = YamlNodes.integer(node, 0, 100, where + "rollout", problems);
        return v == null ? DEFAULT_ROLLOUT : v.intValue();
    }

    private String disclosure(JsonNode node, String lang, String dflt) {
        if (node.isMissingNode()) {
            return dflt;
        }
        if (!node.isObject()) {
            problems.add(file + ": disclosure: expected a mapping with fr and en texts, found " + YamlNodes.describe(node));
            return dflt;
        }
        if (!node.has(lang)) {
            return dflt;
        }
        String text = YamlNodes.text(node.get(lang), file + ": disclosure." + lang, problems);
        return text == null ? dflt : text.strip() + " ";
    }
}
